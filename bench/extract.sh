#!/usr/bin/env bash
# Extraction benchmark: copydesk extract vs trafilatura on the same pages, single job and
# all cores, with quality scores when a ground truth is given.
#
# usage: bench/extract.sh [PAGES_DIR] [GROUND_TRUTH_JSON]
#   env: BIN=path/to/copydesk (default .build/release/copydesk, built if missing)
#        REPEAT=N (runs per configuration, best kept; default 5)
#        TRAFILATURA=0 to skip the baseline; VENV=dir for its virtualenv (created with pip)
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${1:-../shared/extraction-dev/html}
GOLD=${2:-$(dirname "$PAGES")/ground-truth.json}
BIN=${BIN:-.build/release/copydesk}
REPEAT=${REPEAT:-5}
TRAFILATURA=${TRAFILATURA:-1}
VENV=${VENV:-bench/.venv}
CORES=$(nproc)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x "$BIN" ] || swift build -c release --product copydesk
PAGE_COUNT=$(ls "$PAGES" | grep -cE '\.html(\.gz)?$')
# Megabytes of HTML after decompression: the MB/s figures are over what the parser reads.
MEGABYTES=$(for f in "$PAGES"/*.html "$PAGES"/*.html.gz; do [ -e "$f" ] || continue
  case "$f" in *.gz) gzip -dc "$f" ;; *) cat "$f" ;; esac; done | wc -c | awk '{print $1/1e6}')

best_rate() {  # prints the best pages/s over REPEAT runs of "$@" (which prints pages/s)
  local best=0 rate
  for _ in $(seq "$REPEAT"); do
    rate=$("$@")
    best=$(awk -v a="$best" -v b="$rate" 'BEGIN{print (b>a)?b:a}')
  done
  echo "$best"
}

copydesk_rate() {  # $1 = jobs
  rm -rf "$WORK/copydesk"
  "$BIN" extract --input-dir "$PAGES" --output-dir "$WORK/copydesk" --jobs "$1" 2>&1 \
    | sed -n 's/.*, \([0-9.]*\) pages\/s.*/\1/p'
}

trafilatura_rate() {  # $1 = jobs
  rm -rf "$WORK/trafilatura"
  "$VENV/bin/python" bench/extract_trafilatura.py "$PAGES" "$WORK/trafilatura" --jobs "$1" \
    | sed -n 's/.*pages_per_s=\([0-9.]*\).*/\1/p'
}

report() {  # name jobs rate
  awk -v n="$1" -v j="$2" -v r="$3" -v mb="$MEGABYTES" -v p="$PAGE_COUNT" \
    'BEGIN{printf "%-12s jobs=%-3s %8.1f pages/s %7.2f MB/s\n", n, j, r, r*mb/p}'
}

echo "pages: $PAGE_COUNT ($MEGABYTES MB of HTML), cores: $CORES, best of $REPEAT, load: $(cut -d' ' -f1-3 /proc/loadavg)"
ours1=$(best_rate copydesk_rate 1); report copydesk 1 "$ours1"
oursN=$(best_rate copydesk_rate "$CORES"); report copydesk "$CORES" "$oursN"

if [ "$TRAFILATURA" = 1 ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q trafilatura lxml_html_clean
  fi
  theirs1=$(best_rate trafilatura_rate 1); report trafilatura 1 "$theirs1"
  theirsN=$(best_rate trafilatura_rate "$CORES"); report trafilatura "$CORES" "$theirsN"
  awk -v a="$ours1" -v b="$theirs1" 'BEGIN{printf "single-job speed-up: %.1fx\n", a/b}'
fi

if [ -f "$GOLD" ] && [ -f ../shared/tools/score_extraction.py ]; then
  echo "quality:"
  printf '  copydesk     '; python3 ../shared/tools/score_extraction.py "$GOLD" "$WORK/copydesk" | tr '\n' ' '; echo
  if [ "$TRAFILATURA" = 1 ]; then
    printf '  trafilatura  '; python3 ../shared/tools/score_extraction.py "$GOLD" "$WORK/trafilatura" | tr '\n' ' '; echo
  fi
fi
