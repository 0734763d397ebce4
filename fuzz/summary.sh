#!/usr/bin/env bash
# Totals per target from .build-fuzz/fuzz-log.tsv (written by fuzz/run.sh): runs, wall seconds,
# CPU seconds, executions, the highest cov/ft reached, findings.
cd "$(dirname "$0")/.."
printf '%-8s %5s %7s %7s %11s %6s %7s %8s\n' target runs wall_s cpu_s execs cov ft findings
awk -F'\t' '
  { runs[$2]++; wall[$2] += $3; execs[$2] += $4; cpu[$2] += $7; found[$2] += $8
    if ($5 > cov[$2]) cov[$2] = $5; if ($6 > ft[$2]) ft[$2] = $6 }
  END { for (t in runs) printf "%-8s %5d %7d %7d %11d %6d %7d %8d\n", t, runs[t], wall[t], cpu[t], execs[t], cov[t], ft[t], found[t] }
' .build-fuzz/fuzz-log.tsv | sort
