#!/usr/bin/env bash
# Runs a command under an emulation of copydesk.service's sandbox, for machines (containers, CI)
# where systemd is not PID 1 and `systemd-run -p …` is unavailable. Must run as root.
#
#   scripts/sandbox-smoke.sh [COMMAND ARGS…]   (default: the copydesk binary's --help)
#
# Emulated, as systemd would apply them: SystemCallFilter=@system-service ~@privileged @resources, then setpriority
# with SystemCallErrorNumber=EPERM (the list comes from `systemd-analyze syscall-filter`),
# MemoryDenyWriteExecute=, RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX,
# SystemCallArchitectures=native, NoNewPrivileges=, CapabilityBoundingSet= (empty), an
# unprivileged user, ProtectSystem=strict (every mount read-only) with a writable state folder,
# ProtectHome=, PrivateTmp=, PrivateIPC=, ProtectProc=invisible + ProcSubset=pid, Nice=10,
# CPUSchedulingPolicy=batch, IOSchedulingClass=best-effort/7, UMask=0027.
# Not emulated: PrivateUsers=, PrivateDevices=, RestrictNamespaces=, LockPersonality=,
# RestrictRealtime= (their denials are also EPERM from calls the Swift runtime does not make).
# Prints the denied calls it observed (strace) when SMOKE_STRACE=1.
set -euo pipefail

[ "$(id -u)" -eq 0 ] || { echo "sandbox-smoke: run as root" >&2; exit 2; }
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -eq 0 ]; then
    set -- "$repo/.build/debug/copydesk" --help
fi
for tool in systemd-analyze unshare setpriv chrt ionice cc; do
    command -v "$tool" >/dev/null 2>&1 || { echo "sandbox-smoke: $tool is missing" >&2; exit 2; }
done
if [ ! -r /usr/include/seccomp.h ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libseccomp-dev >&2 || { echo "sandbox-smoke: libseccomp-dev is missing" >&2; exit 2; }
fi

# Outside /tmp, which the sandbox replaces with its own.
work="$(mktemp -d -p /run copydesk-smoke.XXXXXX)"
trap 'rm -rf "$work"' EXIT
chmod 0755 "$work"

# The allow list: @system-service expanded (groups inside groups too), minus @privileged and @resources.
expand() {
    systemd-analyze syscall-filter "$1" | sed -e 's/^ *//' -e '/^#/d' -e '/^$/d' | tail -n +2 | while read -r entry; do
        case "$entry" in
            @*) expand "$entry" ;;
            *) echo "$entry" ;;
        esac
    done
}
expand @system-service | sort -u >"$work/service.txt"
{ expand @privileged; expand @resources; } | sort -u >"$work/denied.txt"
comm -23 "$work/service.txt" "$work/denied.txt" >"$work/allowed.txt"
# Re-allowed by the units after the deny list (the extract workers lower their own priority).
echo setpriority >>"$work/allowed.txt"

cat >"$work/sandbox-exec.c" <<'C'
/* Installs the seccomp filter systemd would build for copydesk.service, then execs argv[2…]. */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: sandbox-exec ALLOWED-LIST COMMAND…\n"); return 2; }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx) return 2;
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror("allowed list"); return 2; }
    char name[128];
    while (fscanf(list, "%127s", name) == 1) {
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) continue;  /* not on this architecture */
        /* Calls with argument rules below are added only with those rules. */
        if (!strcmp(name, "mmap") || !strcmp(name, "mprotect") || !strcmp(name, "pkey_mprotect") ||
            !strcmp(name, "socket") || !strcmp(name, "shmat")) continue;
        if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0) < 0) { fprintf(stderr, "rule %s failed\n", name); return 2; }
    }
    fclose(list);
    /* MemoryDenyWriteExecute=yes */
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_WRITE | PROT_EXEC, 0));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_WRITE | PROT_EXEC, PROT_WRITE));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_WRITE | PROT_EXEC, PROT_EXEC));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(pkey_mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    /* RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX */
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_INET));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_INET6));
    seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_UNIX));
    /* SystemCallArchitectures=native: a fresh context only admits the native ABI. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) { perror("no_new_privs"); return 2; }
    if (seccomp_load(ctx) < 0) { fprintf(stderr, "seccomp_load failed\n"); return 2; }
    execv(argv[2], argv + 2);
    perror("execv");
    return 127;
}
C
cc -O2 -o "$work/sandbox-exec" "$work/sandbox-exec.c" -lseccomp
chmod 0755 "$work/sandbox-exec"

# The inner part runs in fresh mount, PID and IPC namespaces, as root until setpriv drops everything.
cat >"$work/inner.sh" <<'SH'
set -euo pipefail
work="$1"; shift
mount --make-rprivate /
# ProcSubset=pid + ProtectProc=invisible on the namespace's own /proc.
mount -t proc -o hidepid=invisible,subset=pid proc /proc
# The state folder (StateDirectory=) stays writable; it lives on a tmpfs made before the read-only pass.
mkdir -p "$work/state"
mount -t tmpfs -o mode=0755 tmpfs "$work/state"
chown 65534:65534 "$work/state"
# ProtectSystem=strict: every mount read-only, except the API file systems and the state folder.
awk '{ print $2 }' /proc/self/mounts | sort -u | while read -r point; do
    case "$point" in
        /proc* | /sys* | /dev* | "$work/state") continue ;;
    esac
    mount -o remount,bind,ro "$point" 2>/dev/null || mount --bind -o ro "$point" "$point" 2>/dev/null || true
done
# ProtectHome=yes and PrivateTmp=yes.
for folder in /home /root /run/user; do
    [ -d "$folder" ] && mount -t tmpfs -o ro,mode=0755 tmpfs "$folder"
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=1777 tmpfs /var/tmp
cd "$work/state"
umask 0027
export HOME="$work/state" TMPDIR=/tmp COPYDESK_SMOKE_STATE="$work/state"
exec nice -n 10 chrt --batch 0 ionice -c 2 -n 7 \
    setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs \
    "$work/sandbox-exec" "$work/allowed.txt" "$@"
SH

command_path="$(realpath "$(command -v "$1")")"
shift
tracer=()
if [ "${SMOKE_STRACE:-0}" = "1" ]; then
    # Failed calls only; seccomp refusals show up as EPERM.
    tracer=(strace -f -qq -e trace=all -e status=failed -o /dev/stderr)
fi
# Not exec: the EXIT trap must remove the work folder.
status=0
unshare --mount --pid --ipc --fork "${tracer[@]}" bash "$work/inner.sh" "$work" "$command_path" "$@" || status=$?
exit "$status"
