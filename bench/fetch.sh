#!/usr/bin/env bash
# Fetch benchmark (issue 3): builds copydesk in release mode, then runs bench/fetch.py, which
# starts nginx on loopback and compares our client with `curl --parallel` on the same URL list.
# Environment: FETCH_BENCH_COUNT (20000), FETCH_BENCH_SIZE (20480), FETCH_BENCH_PARALLEL (64),
# FETCH_BENCH_ROUNDS (1).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "bench/fetch.sh: needs nginx (apt-get install -y nginx-light)" >&2; exit 1; }
swift build -c release --product copydesk >&2
exec python3 bench/fetch.py --copydesk "$(swift build -c release --show-bin-path)/copydesk" \
    --count "${FETCH_BENCH_COUNT:-20000}" --size "${FETCH_BENCH_SIZE:-20480}" \
    --parallel "${FETCH_BENCH_PARALLEL:-64}" --rounds "${FETCH_BENCH_ROUNDS:-1}"
