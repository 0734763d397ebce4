"""Extraction (issues 5, 15): `copydesk extract --input-dir` vs trafilatura and Resiliparse on the
same pages, single job and all cores, plus F1 of each with the shared scorer when the gold file
exists."""
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BENCH, BIN, ROOT, VENV_PYTHON, Row, log, measure, spread, delete_at_end

SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"


def page_files(folder):
    return sorted(p for p in Path(folder).iterdir() if p.name.endswith((".html", ".html.gz", ".htm", ".htm.gz")))


def html_megabytes(folder):
    total = 0
    for path in page_files(folder):
        data = path.read_bytes()
        total += len(gzip.decompress(data)) if path.name.endswith(".gz") else len(data)
    return total / 1e6


def replicate(folder, copies, into):
    """`copies` copies of every page under new names: the dev set takes ~0.15 s for us, and
    `copydesk extract` reports seconds with two decimals, so one pass would be quantised by ~7%."""
    into.mkdir(parents=True, exist_ok=True)
    for path in page_files(folder):
        for copy in range(copies):
            os.symlink(path.resolve(), into / f"{copy}-{path.name}")
    return into


def ours_seconds(m):
    """Seconds the batch itself took, as `copydesk extract` reports it (start-up excluded, like
    the in-script timing of trafilatura)."""
    found = re.search(r"in ([0-9.]+) s, ", m.stderr)
    if not found:
        raise RuntimeError("copydesk extract printed no summary: " + m.stderr[-300:])
    return float(found.group(1))


def score(gold, output):
    if not (gold and Path(gold).exists() and SCORER.exists()):
        return None
    scored = subprocess.run([sys.executable, SCORER, gold, output], capture_output=True, text=True)
    found = re.search(r"\bF1\b\D*([0-9.]+)", scored.stdout, re.IGNORECASE)
    return (float(found.group(1)) if found else None), scored.stdout.strip()


# Peers timed side by side in the same invocation: name → (script, target ratio ours/peer at 1 job).
PEERS = {"trafilatura": ("extract_trafilatura.py", 10.0), "resiliparse": ("extract_resiliparse.py", 1.0)}


def run(quick, peers, pages_dir, gold):
    pages_dir = Path(pages_dir)
    if not pages_dir.is_dir():
        return [Row("extraction", "pages/s", "pages/s", note=f"page folder {pages_dir} missing: not measured",
                    target=">= 10x trafilatura (1 job)", met=False)], {}
    present = [name for name in PEERS if peers.get(name)]
    copies = 1 if quick else 4
    unique_pages = len(page_files(pages_dir))
    pages = unique_pages * copies
    megabytes = html_megabytes(pages_dir) * copies
    cores = os.cpu_count() or 1
    repeats = 2 if quick else 5
    work = Path(tempfile.mkdtemp(prefix="copydesk-extract-bench-"))
    rows, raw = [], {"pages": pages, "copies_of_each_page": copies, "html_megabytes": megabytes, "repeats": repeats,
                     "folder": str(pages_dir), "peers": present}

    def peer_command(name, folder, out, jobs=1):
        return [VENV_PYTHON, BENCH / PEERS[name][0], folder, out, "--jobs", str(jobs)]

    try:
        quality = {}
        # Quality on the original folder, once per tool.
        measure([BIN, "extract", "--input-dir", pages_dir, "--output-dir", work / "quality-copydesk", "--jobs", "1"]) \
            .check("copydesk extract")
        quality["copydesk"] = score(gold, work / "quality-copydesk")
        for name in present:
            measure(peer_command(name, pages_dir, work / f"quality-{name}")).check(name)
            quality[name] = score(gold, work / f"quality-{name}")
        timed_dir = pages_dir if copies == 1 else replicate(pages_dir, copies, work / "pages")
        # Fixed process costs (start-up; for a Python peer the interpreter and its imports), taken
        # from runs over an empty folder and subtracted from each run's CPU time, so that CPU
        # seconds per page compare the extraction work alone. CPU time is far less disturbed
        # than wall time by other processes on a shared machine.
        empty = work / "empty"
        empty.mkdir()
        fixed = {"copydesk": min(measure([BIN, "extract", "--input-dir", empty, "--output-dir", work / "empty-out",
                                          "--jobs", "1"]).check("copydesk extract").cpu for _ in range(3))}
        for name in present:
            fixed[name] = min(measure(peer_command(name, empty, work / "empty-out")).check(name).cpu for _ in range(3))
        raw["fixed_cpu_seconds"] = fixed
        cpu = {}
        results = {}
        for jobs in sorted({1, cores}):
            seconds = {"copydesk": []}
            # Alternate the tools inside each repeat, so that a slow spell of the shared
            # machine hits every tool alike.
            for repeat in range(repeats):
                # A fresh output folder per run, all deleted after the timed runs: ext4 (without
                # a journal, as here) skips inodes freed in the last minute when it allocates, so
                # deleting the previous run's files just before a run made its file creation pay
                # a kernel scan per file (a third of our CPU in one profile, a far smaller share
                # of the peers' slower runs).
                out = work / f"copydesk-{jobs}-{repeat}"
                m = measure([BIN, "extract", "--input-dir", timed_dir, "--output-dir", out,
                             "--jobs", str(jobs)]).check("copydesk extract")
                seconds["copydesk"].append(ours_seconds(m))
                cpu.setdefault((jobs, "copydesk"), []).append(m.cpu - fixed["copydesk"])
                for name in present:
                    out = work / f"{name}-{jobs}-{repeat}"
                    m = measure(peer_command(name, timed_dir, out, jobs))
                    seconds.setdefault(name, []).append(float(re.search(r"seconds=([0-9.]+)", m.check(name).stdout).group(1)))
                    cpu.setdefault((jobs, name), []).append(m.cpu - fixed[name])
            results[jobs] = seconds
            raw[f"cpu_seconds_jobs_{jobs}"] = {name: cpu.get((jobs, name)) for name in ["copydesk", *present]}
            log(f"extraction jobs={jobs}: " + ", ".join(f"{name} {pages / min(s):.0f} pages/s" for name, s in seconds.items()))
        for jobs, seconds in results.items():
            name = f"extraction, {unique_pages} dev pages x {copies}, {jobs} job{'s' if jobs > 1 else ''}"
            ours = seconds["copydesk"]
            rate_ours = spread(pages / s for s in ours)
            mbps_ours = spread(megabytes / s for s in ours)
            for peer in PEERS:
                theirs = seconds.get(peer)
                wanted = PEERS[peer][1]
                target = f">= {wanted:g}x {peer}" if jobs == 1 else ""
                if not theirs:
                    rows.append(Row(name, "pages/s", "pages/s", rate_ours, None, f"{peer} (missing)", None, "",
                                    target, None, note="peer missing"))
                    continue
                rate_peer = spread(pages / s for s in theirs)
                ratio = rate_ours.median / rate_peer.median
                rows.append(Row(name, "pages/s", "pages/s", rate_ours, rate_peer, peer, ratio, f"ours/{peer}",
                                target, (ratio >= wanted) if jobs == 1 else None))
                if jobs == 1:
                    rows.append(Row(name, "MB/s", "MB/s", mbps_ours, spread(megabytes / s for s in theirs), peer, ratio,
                                    f"ours/{peer}"))
                    cpu_ours = spread(pages / c for c in cpu[(1, "copydesk")])
                    cpu_theirs = spread(pages / c for c in cpu[(1, peer)])
                    rows.append(Row(name, "pages per CPU-second (start-up subtracted)", "pages/cpu-s", cpu_ours,
                                    cpu_theirs, peer, cpu_ours.median / cpu_theirs.median, f"ours/{peer}",
                                    note="process CPU time minus that of a run over an empty folder, both tools"))
        ours_f1 = quality.get("copydesk")
        if ours_f1:
            for peer in PEERS:
                peer_f1 = quality.get(peer)
                rows.append(Row("extraction quality, dev pages", "F1", "", ours_f1[0], peer_f1[0] if peer_f1 else None,
                                peer, None, "", ">= 0.985", ours_f1[0] >= 0.985 if ours_f1[0] is not None else None))
                if peer_f1:
                    raw[f"score_{peer}"] = peer_f1[1]
            raw["score_copydesk"] = ours_f1[1]
        else:
            raw["score"] = f"not scored: gold {gold} or scorer {SCORER} missing"
    finally:
        delete_at_end(work)
    return rows, raw
