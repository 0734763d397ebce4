#!/usr/bin/env bash
# The dedupe index in the database (issue 7's memory fix): per-text cost of the pipeline's
# serial dedupe step (check, then insert with the decision, each one transaction) and
# engine start-up, on indexes of DEDUPE_SQL_SIZES texts (default 10k, 100k, 1M).
#
# Each index is filled with synthetic texts (`copydesk-bench dedupe --fill`, 20,000 a
# transaction), then the first DEDUPE_SQL_DOCS texts (default 10,000) of the synthetic
# stream (a quarter reprints) are checked and inserted one by one on it
# (`copydesk-bench dedupe --state`). Release build; results in bench/results/dedupe-sql.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${DEDUPE_SQL_SIZES:-10000,100000,1000000}
DOCS=${DEDUPE_SQL_DOCS:-10000}
BIN=.build/release/copydesk-bench
STREAM=bench/work/dedupe-stream-$DOCS.jsonl
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-dedupe-sql.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -p bench/work bench/results

[ -n "${DEDUPE_SQL_NO_BUILD:-}" ] || swift build -c release --product copydesk-bench >&2
[ -s "$STREAM" ] || "$BIN" dedupe --generate "$DOCS" > "$STREAM"

: > bench/results/dedupe-sql.txt
for size in ${SIZES//,/ }; do
  db="$SCRATCH/index-$size.sqlite"
  fill=$(( size > DOCS ? size - DOCS : 0 ))
  start=$(date +%s.%N)
  "$BIN" dedupe --state "$db" --fill "$fill"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  {
    echo "# index of $fill filled texts + $DOCS stream texts"
    echo "size.$size.fill_seconds=$seconds"
    "$BIN" dedupe --state "$db" "$STREAM" | sed "s/^database\./size.$size./"
    echo "size.$size.database_bytes_per_doc=$(( $(stat -c %s "$db") / (fill + DOCS) ))"
  } | tee -a bench/results/dedupe-sql.txt
  rm -f "$db" "$db-wal" "$db-shm"
done
