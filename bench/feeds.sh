#!/usr/bin/env bash
# Feeds benchmark: entries/s and peak RSS for a generated 10,000-entry RSS feed, a 10,000-entry
# Atom feed and a ~100 MB sitemap, with Python's feedparser on the two feeds for reference.
# Usage: bench/feeds.sh            (builds the release binary if missing)
# Env:   COPYDESK=path/to/copydesk  SITEMAP_MB=100  KEEP=1 (keep generated files)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${WORK:-$(mktemp -d /tmp/copydesk-bench-feeds.XXXXXX)}
COPYDESK=${COPYDESK:-$ROOT/.build/release/copydesk}
SITEMAP_MB=${SITEMAP_MB:-100}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$COPYDESK" ]; then
  swift build -c release --product copydesk >&2
fi

VENV=$ROOT/bench/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q feedparser >&2
fi

python3 "$ROOT/bench/feeds_generate.py" "$WORK" "$SITEMAP_MB" >&2

# peak RSS (kB) and wall seconds of a command, via GNU time's format or /proc polling fallback.
measure() {
  local out=$WORK/measure.txt
  /usr/bin/env python3 - "$out" "$@" <<'PY'
import os, resource, subprocess, sys, time
out = sys.argv[1]; cmd = sys.argv[2:]
start = time.perf_counter()
proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
# peak RSS in kB on Linux; CPU seconds are reported too because the machine is shared.
open(out, "w").write(f"{wall} {usage.ru_maxrss} {cpu} {proc.stdout.decode().strip().splitlines()[-1]}\n")
PY
  cat "$out"
}

printf "%-26s %8s %8s %8s %12s %12s %8s\n" "case" "entries" "wall s" "cpu s" "entries/s" "entries/cpu-s" "peak MB"
report() {  # name wall peak cpu count
  awk -v n="$1" -v w="$2" -v p="$3" -v u="$4" -v c="$5" \
    'BEGIN { printf "%-26s %8d %8.3f %8.3f %12.0f %12.0f %8.1f\n", n, c, w, u, c / w, c / u, p / 1024 }'
}

declare -A RATE CPURATE
for kind in rss atom; do
  read -r wall peak cpu count < <(measure "$COPYDESK" feed "$WORK/feed-$kind.xml" --count)
  report "copydesk $kind 10k" "$wall" "$peak" "$cpu" "$count"
  RATE[copydesk-$kind]=$(awk -v w="$wall" -v c="$count" 'BEGIN { print c / w }')
  CPURATE[copydesk-$kind]=$(awk -v u="$cpu" -v c="$count" 'BEGIN { print c / u }')
  read -r wall peak cpu count < <(measure "$VENV/bin/python" "$ROOT/bench/feeds_peer.py" feedparser "$WORK/feed-$kind.xml")
  report "feedparser $kind 10k" "$wall" "$peak" "$cpu" "$count"
  RATE[feedparser-$kind]=$(awk -v w="$wall" -v c="$count" 'BEGIN { print c / w }')
  CPURATE[feedparser-$kind]=$(awk -v u="$cpu" -v c="$count" 'BEGIN { print c / u }')
done
read -r wall peak cpu count < <(measure "$COPYDESK" feed "$WORK/sitemap.xml" --count)
report "copydesk sitemap ${SITEMAP_MB}MB" "$wall" "$peak" "$cpu" "$count"
SITEMAP_PEAK=$peak
read -r wall peak cpu count < <(measure "$COPYDESK" feed "$WORK/sitemap.xml.gz" --count)
report "copydesk sitemap.gz" "$wall" "$peak" "$cpu" "$count"
SITEMAP_GZ_PEAK=$peak

echo
for kind in rss atom; do
  awk -v a="${RATE[copydesk-$kind]}" -v b="${RATE[feedparser-$kind]}" -v ca="${CPURATE[copydesk-$kind]}" \
    -v cb="${CPURATE[feedparser-$kind]}" -v k="$kind" \
    'BEGIN { r = a / b; rc = ca / cb; printf "%s: %.1fx feedparser wall, %.1fx CPU (target >= 20x) %s\n", k, r, rc, (r >= 20 ? "OK" : "MISS") }'
done
awk -v p="$SITEMAP_PEAK" -v g="$SITEMAP_GZ_PEAK" \
  'BEGIN { printf "sitemap peak RSS: %.1f MB plain, %.1f MB gzip (target < 50 MB) %s\n", p / 1024, g / 1024, (p / 1024 < 50 && g / 1024 < 50 ? "OK" : "MISS") }'
