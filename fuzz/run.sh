#!/usr/bin/env bash
# Builds the libFuzzer binary (Fuzz/CopydeskFuzz, `-sanitize=fuzzer,address`, scratch path
# .build-fuzz) and runs every target named in FUZZ_TARGETS for FUZZ_SECONDS each, under `nice`.
# Each target starts from its committed seeds (fuzz/corpus/<target>) plus what earlier runs
# found (.build-fuzz/corpus/<target>, a scratch copy the committed seeds never depend on).
# Prints executions, coverage and findings per target; appends them to
# .build-fuzz/fuzz-log.tsv (the figures docs/reliability.md reports). Exit 1 on any finding.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
# Wall-clock limit for one input (libFuzzer's -timeout). 1 s is the finding threshold; a run at
# `nice -n 19` beside builds may raise it (e.g. 20) so that being descheduled does not end the
# run early. Every timeout is checked again alone with the 1 s limit (below).
TIMEOUT=${FUZZ_TIMEOUT:-1}
TARGETS=${FUZZ_TARGETS:-"feed sitemap article warc robots charset url http config opml"}
SCRATCH=.build-fuzz
BIN=$SCRATCH/release/copydesk-fuzz

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  COPYDESK_FUZZ=1 nice swift build -c release --scratch-path "$SCRATCH" --product copydesk-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing || exit 2
fi

max_len() {
  case $1 in
    http) echo 256 ;; url) echo 2048 ;;
    robots | charset | config) echo 8192 ;;
    *) echo 65536 ;;
  esac
}
dict() {
  case $1 in
    feed | sitemap | opml) echo xml ;; article | charset) echo html ;;
    *) echo "$1" ;;
  esac
}

# The Swift runtime's own crash backtracer fights ASan's report; leaks inside Foundation that we
# cannot fix are listed (with the reason) in fuzz/lsan.supp.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0
# ASan keeps 256 MB of freed memory in quarantine by default; with libFuzzer's own memory that
# alone neared -rss_limit_mb=512 on the article target (live heap 33 MB) and was reported as an
# OOM. 64 MB still catches use-after-free of recent allocations.
export ASAN_OPTIONS=quarantine_size_mb=64
status=0
printf '%-8s %6s %10s %7s %7s %8s %s\n' target seconds execs cov ft cpu_s findings
for target in $TARGETS; do
  corpus=$SCRATCH/corpus/$target
  findings=$SCRATCH/findings/$target
  mkdir -p "$corpus" "$findings"
  cp -n fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null
  log=$SCRATCH/findings/$target.log
  before=$(find "$findings" -maxdepth 1 -type f | wc -l)
  touch "$SCRATCH/start.$target"
  # -timeout=1: one input taking over a second is a finding; -rss_limit_mb: so is 512 MB.
  COPYDESK_FUZZ_TARGET=$target /usr/bin/time -f '%U %S' -o "$SCRATCH/time.$target" \
    nice "$BIN" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$target")" \
    -timeout="$TIMEOUT" -rss_limit_mb=512 -malloc_limit_mb=512 -dict=fuzz/dict/"$(dict "$target")".dict \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
  # libFuzzer's -timeout is wall-clock time: under `nice` on a busy machine the fuzzer can be
  # descheduled for seconds, and an input that runs in milliseconds is reported as a timeout.
  # A timeout counts as a finding only if it also times out when run alone, at normal priority;
  # one that does not is kept aside in findings/<target>/unreproduced and reported.
  # libFuzzer also writes a `slow-unit-*` for an input that took over 10 s without reaching
  # -timeout (possible only with FUZZ_TIMEOUT above 10); it is checked the same way.
  unreproduced=0
  for artifact in $(find "$findings" -maxdepth 1 -type f \( -name 'timeout-*' -o -name 'slow-unit-*' \) \
    -newer "$SCRATCH/start.$target"); do
    if COPYDESK_FUZZ_TARGET=$target "$BIN" -timeout=1 -runs=3 -rss_limit_mb=512 -malloc_limit_mb=512 "$artifact" \
      >"$artifact.recheck.log" 2>&1; then
      mkdir -p "$findings/unreproduced"
      mv "$artifact" "$artifact.recheck.log" "$findings/unreproduced/"
      unreproduced=$((unreproduced + 1))
    else
      rm -f "$artifact.recheck.log"
    fi
  done
  after=$(find "$findings" -maxdepth 1 -type f | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  cpu=$(tail -1 "$SCRATCH/time.$target" | awk '{ printf "%.0f", $1 + $2 }')
  new=$((after - before))
  printf '%-8s %6s %10s %7s %7s %8s %s\n' "$target" "$SECONDS_PER_TARGET" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$cpu" \
    "$new$([ $new -gt 0 ] && echo " (see $findings, $log)")$([ $unreproduced -gt 0 ] && echo " ($unreproduced timeouts that did not recur alone, in $findings/unreproduced)")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$SECONDS_PER_TARGET" "${execs:-0}" \
    "${cov:-0}" "${ft:-0}" "$cpu" "$new" >>"$SCRATCH/fuzz-log.tsv"
  [ $new -gt 0 ] && status=1
  if [ -z "$execs" ] && [ $new -eq 0 ]; then echo "  $target did not run; see $log"; tail -5 "$log"; status=1; fi
done
exit $status
