"""A throwaway PostgreSQL server for the cluster benchmark: initdb in a temporary folder owned
by the `postgres` user (the server refuses to run as root), a Unix socket in that folder, no TCP,
stopped and removed on exit. The same recipe as the test suite's PostgresTestCluster."""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def _bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL server binaries missing: apt-get install postgresql")
    return Path(found[-1]).parent


class PostgresServer:
    def __init__(self):
        self.bin = _bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="copydesk-bench-pg-"))
        self.data = self.folder / "data"

    def _as_postgres(self, *args, check=True):
        return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, args)], capture_output=True, text=True, check=check)

    def __enter__(self):
        user = pwd.getpwnam("postgres")
        os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._as_postgres(self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c fsync=on -c max_connections=200"
        self._as_postgres(self.bin / "pg_ctl", "-D", self.data, "-l", self.folder / "server.log", "-o", options, "-w", "start")
        return self

    def create_database(self, name):
        self._as_postgres(self.bin / "createdb", "-h", self.folder, "-U", "postgres", name)
        return f"postgresql://postgres@/{name}?host={self.folder}"

    def server_pid(self):
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def cpu_seconds(self):
        """User + system CPU of the server and all its backends so far (children included once they exit)."""
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        main = self.server_pid()
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                text = Path(stat).read_text()
            except OSError:
                continue
            fields = text.rsplit(")", 1)[1].split()
            pid, ppid = int(stat.split("/")[2]), int(fields[1])
            if pid == main or ppid == main:
                # utime, stime, and for the postmaster the reaped children's cutime, cstime
                total += (int(fields[11]) + int(fields[12])) / tick
                if pid == main:
                    total += (int(fields[13]) + int(fields[14])) / tick
        return total

    def __exit__(self, *exc):
        self._as_postgres(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
