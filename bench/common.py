"""Shared pieces of the benchmark harness (bench/run.py): measuring child processes, medians
with their spread, the peers' virtualenv, result rows."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"          # generated inputs, cached between runs (gitignored)
RESULTS = BENCH / "results"    # latest.json (gitignored)
VENV = BENCH / ".venv"         # the peers: trafilatura, feedparser, datasketch, warcio (gitignored)
VENV_PYTHON = VENV / "bin" / "python"
BIN = ROOT / ".build" / "release" / "copydesk"
BENCH_BIN = ROOT / ".build" / "release" / "copydesk-bench"   # benchmark-only helpers (not shipped)
CORPUS_SERVER = ROOT / ".build" / "release" / "copydesk-corpus-server"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Measured:
    """One finished child process: wall seconds, CPU seconds (user + system, its own and its
    waited-for children's), peak resident set in bytes, exit status and its output."""
    wall: float
    cpu: float
    peak_rss: int
    status: int
    stdout: str
    stderr: str

    def check(self, what):
        if self.status != 0:
            tail = "\n".join(self.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"{what} exited with status {self.status}:\n{tail}")
        return self


LAUNCHER_SOURCE = BENCH / "launcher.c"
LAUNCHER = WORK / "launcher"


def launcher():
    """bench/launcher.c, compiled once into bench/work/ (gcc or cc)."""
    if not LAUNCHER.exists() or LAUNCHER.stat().st_mtime < LAUNCHER_SOURCE.stat().st_mtime:
        WORK.mkdir(parents=True, exist_ok=True)
        compiler = next((c for c in ("cc", "gcc", "clang") if subprocess.run(["which", c], capture_output=True).returncode == 0), None)
        if compiler is None:
            raise RuntimeError("no C compiler for bench/launcher.c")
        subprocess.run([compiler, "-O2", "-o", str(LAUNCHER), str(LAUNCHER_SOURCE)], check=True)
    return LAUNCHER


def measure(cmd, *, cwd=None, env=None, timeout=None, stdin=None):
    """Runs `cmd` and returns its Measured. The command runs under bench/launcher.c, which
    forks it from a process of a few hundred kilobytes and reports the command's own peak RSS
    and CPU time (ru_maxrss is inherited across fork+exec: measured straight from this harness,
    every command would report at least the harness's size). Output goes to temporary files
    rather than pipes; wall time is the launcher's, which adds about a millisecond."""
    with tempfile.NamedTemporaryFile(prefix="copydesk-usage-", delete=False) as usage_file:
        usage_path = usage_file.name
    # What earlier commands left unwritten (a peer that never syncs its 15,000 files, the
    # harness's own set-up) is flushed now, outside any timing: left to the kernel, its
    # write-back landed in whichever command ran next.
    os.sync()
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            proc = subprocess.Popen([str(launcher()), usage_path, *[str(c) for c in cmd]], stdout=out, stderr=err,
                                    stdin=stdin or subprocess.DEVNULL, cwd=cwd, env=env)
            timer = None
            if timeout:
                timer = threading.Timer(timeout, proc.kill)
                timer.start()
            proc.wait()
            wall = time.perf_counter() - started
            if timer:
                timer.cancel()
            out.seek(0)
            err.seek(0)
            try:
                maxrss_kb, user, system = Path(usage_path).read_text().split()
            except (OSError, ValueError):
                maxrss_kb, user, system = 0, 0.0, 0.0  # killed before the launcher could report
            return Measured(wall=wall, cpu=float(user) + float(system), peak_rss=int(maxrss_kb) * 1024,
                            status=proc.returncode, stdout=out.read().decode("utf-8", "replace"),
                            stderr=err.read().decode("utf-8", "replace"))
    finally:
        try:
            os.unlink(usage_path)
        except OSError:
            pass


@dataclass
class Spread:
    """The median of repeated measurements and their range."""
    values: list

    @property
    def median(self):
        return statistics.median(self.values)

    @property
    def low(self):
        return min(self.values)

    @property
    def high(self):
        return max(self.values)

    def as_json(self):
        return {"median": self.median, "min": self.low, "max": self.high, "runs": len(self.values), "values": self.values}


def spread(values):
    return Spread(list(values))


@dataclass
class Row:
    """One line of the results table. `ours` / `peer` are a Spread, a number or None; `ratio`
    is ours relative to the peer in the direction where bigger is better for us unless said."""
    benchmark: str
    metric: str
    unit: str
    ours: object = None
    peer: object = None
    peer_name: str = ""
    ratio: float = None
    ratio_label: str = ""
    target: str = ""
    met: object = None          # True / False / None (no target or not measurable)
    note: str = ""
    extra: dict = field(default_factory=dict)

    def as_json(self):
        def value(v):
            return v.as_json() if isinstance(v, Spread) else v
        return {"benchmark": self.benchmark, "metric": self.metric, "unit": self.unit, "copydesk": value(self.ours),
                "peer": value(self.peer), "peer_name": self.peer_name, "ratio": self.ratio,
                "ratio_label": self.ratio_label, "target": self.target, "met": self.met, "note": self.note,
                **({"extra": self.extra} if self.extra else {})}


def median_of(value):
    return value.median if isinstance(value, Spread) else value


# MARK: peers
# trafilatura imports lxml.html.clean, which lxml ≥ 5.2 ships as the separate lxml-html-clean.

PEER_PACKAGES = {"trafilatura": ["trafilatura", "lxml-html-clean"], "resiliparse": ["resiliparse"],
                 "htmldate": ["htmldate"], "feedparser": ["feedparser"], "fastfeedparser": ["fastfeedparser"],
                 "feedparser_rs": ["feedparser-rs"], "datasketch": ["datasketch"], "rensa": ["rensa"],
                 "warcio": ["warcio"], "fastwarc": ["fastwarc"]}


def ensure_peers():
    """Creates bench/.venv and installs the peers with pip. Returns {name: version or None},
    None meaning the peer could not be installed (reported in the table, never skipped)."""
    versions = {}
    if not VENV_PYTHON.exists():
        log("creating bench/.venv for the peers")
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
        if made.returncode != 0:
            log("cannot create the venv: " + made.stderr.strip())
            return {name: None for name in PEER_PACKAGES}
    for name, packages in PEER_PACKAGES.items():
        version = peer_version(name)
        if version is None:
            log(f"installing {name} into bench/.venv")
            subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", *packages], capture_output=True, text=True)
            version = peer_version(name)
        if version is None:
            log(f"peer {name} is missing: pip could not install it")
        versions[name] = version
    return versions


def peer_version(module):
    if not VENV_PYTHON.exists():
        return None
    probe = subprocess.run([str(VENV_PYTHON), "-c", f"import importlib.metadata as m; import {module}; print(m.version('{module}'))"],
                           capture_output=True, text=True)
    return probe.stdout.strip() if probe.returncode == 0 else None


def key_values(text):
    """`key=value` lines (and `key=value` words on one line) as a dict of strings."""
    result = {}
    for line in text.splitlines():
        for word in line.split():
            if "=" in word:
                key, _, value = word.partition("=")
                result[key] = value
    return result


def write_json(path, payload):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, indent=2, default=str) + "\n")
    tmp.replace(path)


# Work folders are deleted when the whole run has ended, not after their own benchmark: this
# ext4 has no journal, and on such a file system every file created within about a minute after
# many deletions pays a kernel scan of the recently freed inodes (`recently_deleted`, a third of
# our CPU in one extraction profile), so one benchmark's cleanup slowed the next one's writes.
# For the same reason a run starts only SETTLE_SECONDS after the previous run's cleanup.
_DELETE_AT_END = []


def delete_at_end(path):
    _DELETE_AT_END.append(path)


# When the last run deleted its folders; the next run waits until the kernel forgets them.
_DELETED_AT = WORK / ".deleted-at"
SETTLE_SECONDS = 75


def delete_deferred():
    import shutil
    if not _DELETE_AT_END:
        return
    while _DELETE_AT_END:
        shutil.rmtree(_DELETE_AT_END.pop(), ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    _DELETED_AT.write_text(str(time.time()))


def settle_after_last_cleanup():
    """Waits until SETTLE_SECONDS have passed since the previous run deleted its folders."""
    try:
        wait = float(_DELETED_AT.read_text()) + SETTLE_SECONDS - time.time()
    except (OSError, ValueError):
        return
    if wait > 0:
        log(f"waiting {wait:.0f} s: the previous run deleted its work folders (see delete_at_end)")
        time.sleep(wait)
