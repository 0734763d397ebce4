#!/usr/bin/env bash
# Dedupe benchmark (issue 6): a synthetic stream of DEDUPE_BENCH_DOCS documents (default
# 100,000), release build. Measures, in one run:
#   - docs/s for fingerprint + check + insert on all cores (and per CPU-second, which stays
#     meaningful on a shared machine), bytes per indexed document (counted and RSS);
#   - query time at each size of DEDUPE_BENCH_SIZES indexed documents (default 10k,100k,1M);
#   - start-up time of an engine on a SQLite index of the largest size;
#   - datasketch MinHash(128) + MinHashLSH and rensa on the same stream (pip into bench/.venv).
# Results are printed and kept in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DEDUPE_BENCH_DOCS:-100000}
SIZES=${DEDUPE_BENCH_SIZES:-10000,100000,1000000}
BIN=.build/release/copydesk-bench
STREAM=bench/work/dedupe-stream-$DOCS.jsonl
mkdir -p bench/work bench/results

swift build -c release --product copydesk-bench >&2
[ -s "$STREAM" ] || "$BIN" dedupe --generate "$DOCS" > "$STREAM"

echo "# copydesk dedupe ($DOCS documents)"
"$BIN" dedupe --sizes "$SIZES" "$STREAM" | tee bench/results/dedupe-swift.txt

if [ ! -x bench/.venv/bin/python ]; then python3 -m venv bench/.venv; fi
for peer in datasketch rensa; do
  bench/.venv/bin/python -c "import $peer" 2>/dev/null || bench/.venv/bin/pip install -q $peer
  echo "# $peer MinHash(128) + LSH(threshold=0.5), same stream"
  bench/.venv/bin/python bench/dedupe_peer.py $peer "$STREAM" ${DEDUPE_BENCH_PEER_LIMIT:-} \
    | tee bench/results/dedupe-$peer.txt
done

python3 - <<'PY'
def read(path):
    return dict(line.strip().split("=", 1) for line in open(path) if "=" in line)
swift = read("bench/results/dedupe-swift.txt")
base = read("bench/results/dedupe-datasketch.txt")
for key in ("docs_per_second", "docs_per_cpu_second"):
    ratio = int(swift["stream." + key]) / max(1, int(base["datasketch." + key]))
    print(f"speedup.{key}={ratio:.1f}x")
PY
