#!/bin/sh
# WARC reader throughput: generates a news WARC (default 200 MB; BENCH_WARC_MB to change, reused if
# present) and reads it with the release-built WARCBenchmarkTests, printing records/s, MB/s and
# peak RSS.  Usage: bench/warc_read.sh [path-of-warc-to-create-or-reuse]
set -eu
cd "$(dirname "$0")/.."
warc="${1:-${TMPDIR:-/tmp}/copydesk-bench-${BENCH_WARC_MB:-200}mb.warc.gz}"
if [ ! -s "$warc" ]; then
    python3 bench/warc_generate.py --size-mb "${BENCH_WARC_MB:-200}" --out "$warc"
fi
# Other test targets use @testable imports, so the release test build needs -enable-testing.
swift build -c release --build-tests -Xswiftc -enable-testing
COPYDESK_WARC_BENCH="$warc" swift test -c release --skip-build -Xswiftc -enable-testing \
    --filter WARCBenchmarkTests 2>&1 | grep -A4 "WARC bench:"
