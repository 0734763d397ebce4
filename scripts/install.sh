#!/usr/bin/env bash
# Installs Copydesk: the binary, the systemd units, the sysusers entry, the operations guide,
# and a default /etc/copydesk/pipeline.json that is never overwritten. Called by `make install`.
#
# Environment (all optional):
#   PREFIX          /usr/local        binary in $PREFIX/bin, docs in $PREFIX/share/doc/copydesk
#   DESTDIR         (empty)           staging root for packagers; when set, nothing is started or created
#                                     outside it (no user, no daemon-reload)
#   SYSCONFDIR      /etc              configuration in $SYSCONFDIR/copydesk
#   UNITDIR         $PREFIX/lib/systemd/system for PREFIX /usr or /usr/local (both on systemd's
#                                     search path), /etc/systemd/system otherwise
#   SYSUSERSDIR     same rule, .../sysusers.d
#   BIN             .build/release/copydesk   the binary to install
#   CONFIG_TEMPLATE pipeline.json     the repository configuration the installed one is made from
#   METRICS_PATH    /var/lib/copydesk/metrics/copydesk.prom
#
# A manifest of what was installed goes to $PREFIX/share/copydesk/install-manifest; uninstall.sh
# removes exactly that.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="${PREFIX:-/usr/local}"
PREFIX="${PREFIX%/}"
DESTDIR="${DESTDIR:-}"
DESTDIR="${DESTDIR%/}"
SYSCONFDIR="${SYSCONFDIR:-/etc}"
case "$PREFIX" in
    /usr | /usr/local) lib_default="$PREFIX/lib" ;;
    *) lib_default="/etc" ;;
esac
UNITDIR="${UNITDIR:-$lib_default/systemd/system}"
SYSUSERSDIR="${SYSUSERSDIR:-$lib_default/sysusers.d}"
BIN="${BIN:-$repo/.build/release/copydesk}"
CONFIG_TEMPLATE="${CONFIG_TEMPLATE:-$repo/pipeline.json}"
STATE_DIR="/var/lib/copydesk"  # fixed by StateDirectory=copydesk in the units
METRICS_PATH="${METRICS_PATH:-$STATE_DIR/metrics/copydesk.prom}"
NODE_EXPORTER_DIR="/var/lib/prometheus/node-exporter"

bindir="$PREFIX/bin"
docdir="$PREFIX/share/doc/copydesk"
confdir="$SYSCONFDIR/copydesk"
manifest="$PREFIX/share/copydesk/install-manifest"

die() { echo "install: $*" >&2; exit 1; }

[ -x "$BIN" ] || die "no executable at $BIN (run \`make build\` first, or set BIN)"
[ -r "$CONFIG_TEMPLATE" ] || die "no configuration template at $CONFIG_TEMPLATE (set CONFIG_TEMPLATE)"
for unit in copydesk.service copydesk-backfill@.service copydesk.timer copydesk.sysusers; do
    [ -r "$repo/systemd/$unit" ] || die "missing systemd/$unit"
done
if ! command -v jq >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >&2 || die "jq is needed to write the configuration"
    else
        die "jq is needed to write the configuration (apt-get install jq)"
    fi
fi

installed=()
# install_file MODE SOURCE TARGET: copies SOURCE to $DESTDIR/TARGET through a temporary file and
# a rename, so an upgrade never leaves a half-written binary or unit behind.
install_file() {
    local mode="$1" source="$2" target="$3"
    local destination="$DESTDIR$target"
    mkdir -p "$(dirname "$destination")"
    local temporary
    temporary="$(mktemp "$(dirname "$destination")/.install.XXXXXX")"
    cp "$source" "$temporary"
    chmod "$mode" "$temporary"
    mv -f "$temporary" "$destination"
    installed+=("$target")
}

# Units: the repository's copies name /usr/local/bin and /etc; point them at this installation.
substitute() {
    sed -e "s#/usr/local/bin/copydesk#$bindir/copydesk#g" \
        -e "s#/usr/local/share/doc/copydesk#$docdir#g" \
        -e "s#/etc/copydesk/#$confdir/#g" "$1"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

install_file 0755 "$BIN" "$bindir/copydesk"
for unit in copydesk.service copydesk-backfill@.service copydesk.timer; do
    substitute "$repo/systemd/$unit" >"$work/$unit"
    install_file 0644 "$work/$unit" "$UNITDIR/$unit"
done
install_file 0644 "$repo/systemd/copydesk.sysusers" "$SYSUSERSDIR/copydesk.conf"
if [ -r "$repo/docs/operations.md" ]; then
    install_file 0644 "$repo/docs/operations.md" "$docdir/operations.md"
fi

# The service account exists before the configuration is given to its group.
if [ -z "$DESTDIR" ] && [ "$(id -u)" -eq 0 ] && command -v systemd-sysusers >/dev/null 2>&1; then
    systemd-sysusers "$SYSUSERSDIR/copydesk.conf" || echo "install: systemd-sysusers failed; create the user copydesk by hand" >&2
fi

# Configuration: made once from the template with the service's paths; an existing file is the
# operator's and is left alone (the new default goes next to it for comparison).
config="$confdir/pipeline.json"
jq --arg records "$STATE_DIR/records" --arg state "$STATE_DIR/state.sqlite" --arg metrics "$METRICS_PATH" \
    '.output.directory = $records | .state.path = $state | .metrics.path = $metrics' \
    "$CONFIG_TEMPLATE" >"$work/pipeline.json" || die "$CONFIG_TEMPLATE is not valid JSON"
mkdir -p "$DESTDIR$confdir"
config_checksum=""
if [ -e "$DESTDIR$config" ]; then
    cp "$work/pipeline.json" "$DESTDIR$config.default"
    chmod 0644 "$DESTDIR$config.default"
    installed+=("$config.default")
    echo "install: kept the existing $config; the new default is $config.default"
    # An upgrade keeps the record of a configuration that an earlier install wrote, so that
    # uninstall still removes it when unchanged.
    if [ -r "$DESTDIR$manifest" ]; then
        config_checksum="$(awk -v path="$config" '$1 == "config" && $2 == path { print $3 }' "$DESTDIR$manifest")"
    fi
else
    # Group-readable by the service only when its group exists; a proxy URL may hold a password.
    if getent group copydesk >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        install -m 0640 -g copydesk "$work/pipeline.json" "$DESTDIR$config"
    else
        install -m 0644 "$work/pipeline.json" "$DESTDIR$config"
    fi
    config_checksum="$(sha256sum "$DESTDIR$config" | cut -d' ' -f1)"
    echo "install: wrote $config"
fi

# node_exporter's textfile collector reads one folder; a link there exposes the metrics file.
link=""
if [ -d "$DESTDIR$NODE_EXPORTER_DIR" ] && [ ! -e "$DESTDIR$NODE_EXPORTER_DIR/copydesk.prom" ] \
    && [ ! -L "$DESTDIR$NODE_EXPORTER_DIR/copydesk.prom" ] && [ "$METRICS_PATH" != "$NODE_EXPORTER_DIR/copydesk.prom" ]; then
    ln -s "$METRICS_PATH" "$DESTDIR$NODE_EXPORTER_DIR/copydesk.prom"
    link="$NODE_EXPORTER_DIR/copydesk.prom"
fi

# The manifest: one "file PATH", "config PATH SHA256" (removed only if unchanged) or "link PATH" a line.
mkdir -p "$DESTDIR$(dirname "$manifest")"
{
    for path in "${installed[@]}"; do echo "file $path"; done
    [ -n "$config_checksum" ] && echo "config $config $config_checksum"
    [ -n "$link" ] && echo "link $link"
    echo "file $manifest"
} >"$DESTDIR$manifest"

if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload
fi
echo "install: done. Start the timer with: systemctl enable --now copydesk.timer"
