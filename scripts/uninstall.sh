#!/usr/bin/env bash
# Removes what install.sh installed, as listed in its manifest. Called by `make uninstall` with
# the same PREFIX and DESTDIR. Never touches /var/lib/copydesk (state and records) or the
# service account; a configuration the operator edited is kept.
set -euo pipefail

PREFIX="${PREFIX:-/usr/local}"
PREFIX="${PREFIX%/}"
DESTDIR="${DESTDIR:-}"
DESTDIR="${DESTDIR%/}"
manifest="$PREFIX/share/copydesk/install-manifest"

[ -r "$DESTDIR$manifest" ] || { echo "uninstall: nothing to do, no $DESTDIR$manifest" >&2; exit 0; }

if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now copydesk.timer 2>/dev/null || true
    systemctl stop copydesk.service 2>/dev/null || true
fi

folders=()
while read -r kind path checksum; do
    target="$DESTDIR$path"
    case "$kind" in
        file)
            rm -f "$target"
            ;;
        config)
            if [ -f "$target" ] && [ "$(sha256sum "$target" | cut -d' ' -f1)" = "$checksum" ]; then
                rm -f "$target"
            elif [ -e "$target" ]; then
                echo "uninstall: kept $path (changed since install)"
            fi
            ;;
        link)
            [ -L "$target" ] && rm -f "$target"
            ;;
        *)
            echo "uninstall: ignoring manifest line: $kind $path" >&2
            continue
            ;;
    esac
    folders+=("$(dirname "$target")")
done <"$DESTDIR$manifest"

# Folders install.sh created for Copydesk alone go when empty; shared ones (bin, systemd) stay.
for folder in "$DESTDIR$PREFIX/share/copydesk" "$DESTDIR$PREFIX/share/doc/copydesk" "${folders[@]}"; do
    case "$folder" in
        */copydesk) rmdir "$folder" 2>/dev/null || true ;;
    esac
done

if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload
fi
echo "uninstall: done. State and records under /var/lib/copydesk are kept; remove them by hand if wanted."
