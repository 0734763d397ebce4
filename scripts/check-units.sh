#!/usr/bin/env bash
# Checks the systemd units in systemd/ (or $UNITS_DIR):
#   1. `systemd-analyze verify` on every unit reports nothing at all (it exits 0 on unknown keys,
#      so any output counts as a failure);
#   2. `systemd-analyze security --offline=yes` rates every service 2.0 or lower
#      ($SECURITY_THRESHOLD to change).
# Works without a running systemd (containers, CI): verify needs the ExecStart= binary to exist,
# so the units are checked as generated copies whose binary path points at a placeholder.
# Installs the `systemd` package with apt-get when systemd-analyze is missing.
# Exit status: 0 all good, 1 a check failed, 2 systemd-analyze unavailable.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
units_dir="${UNITS_DIR:-$repo/systemd}"
threshold="${SECURITY_THRESHOLD:-2.0}"
installed_binary="/usr/local/bin/copydesk"

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "check-units: systemd-analyze not found, installing the systemd package" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    if command -v apt-get >/dev/null 2>&1; then
        # systemd's postinst expects a booted system; a container just gets the binaries.
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends systemd; } >&2 || true
    fi
    if ! command -v systemd-analyze >/dev/null 2>&1; then
        echo "check-units: cannot install systemd-analyze (need apt-get and root)" >&2
        exit 2
    fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/units"
printf '#!/bin/sh\nexit 0\n' >"$work/bin/copydesk"
chmod 0755 "$work/bin/copydesk"

shopt -s nullglob
units=()
for source in "$units_dir"/*.service "$units_dir"/*.timer; do
    name="$(basename "$source")"
    sed "s#${installed_binary}#${work}/bin/copydesk#g" "$source" >"$work/units/$name"
    if [[ "$name" == *@.service ]]; then
        # A template is verified and rated through an instance, so that %i is expanded.
        instance="${name%@.service}@example.txt.service"
        ln -s "$name" "$work/units/$instance"
        units+=("$instance")
    else
        units+=("$name")
    fi
done
if [ "${#units[@]}" -eq 0 ]; then
    echo "check-units: no units in $units_dir" >&2
    exit 1
fi

status=0
cd "$work/units"
for unit in "${units[@]}"; do
    if ! output="$(systemd-analyze verify --man=no "$unit" 2>&1)" || [ -n "$output" ]; then
        echo "FAIL verify $unit" >&2
        printf '%s\n' "$output" | sed "s#${work}/units/##g; s#${work}/bin/#${installed_binary%copydesk}#g" >&2
        status=1
    else
        echo "ok   verify $unit"
    fi
done

for unit in "${units[@]}"; do
    [[ "$unit" == *.service ]] || continue
    report="$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1)" || true
    exposure="$(printf '%s\n' "$report" | sed -n 's/.*Overall exposure level for .*: \([0-9][0-9.]*\).*/\1/p' | tail -n 1)"
    if [ -z "$exposure" ]; then
        echo "FAIL security $unit: no rating in the output" >&2
        printf '%s\n' "$report" >&2
        status=1
    elif awk -v e="$exposure" -v t="$threshold" 'BEGIN { exit !(e + 0 > t + 0) }'; then
        echo "FAIL security $unit: exposure $exposure is above $threshold" >&2
        printf '%s\n' "$report" | grep '✗' >&2 || true
        status=1
    else
        echo "ok   security $unit: exposure $exposure (limit $threshold)"
    fi
done
exit "$status"
