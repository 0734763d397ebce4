"""Extraction (issue 5): `copydesk extract --input-dir` vs trafilatura on the same pages, single
job and all cores, plus F1 of both with the shared scorer when the gold file exists."""
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BENCH, BIN, ROOT, VENV_PYTHON, Row, log, measure, spread

SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"


def page_files(folder):
    return sorted(p for p in Path(folder).iterdir() if p.name.endswith(".html") or p.name.endswith(".html.gz"))


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


def run(quick, peers, pages_dir, gold):
    pages_dir = Path(pages_dir)
    if not pages_dir.is_dir():
        return [Row("extraction", "pages/s", "pages/s", note=f"page folder {pages_dir} missing: not measured",
                    target=">= 7x trafilatura (1 job)", met=False)], {}
    copies = 1 if quick else 4
    unique_pages = len(page_files(pages_dir))
    pages = unique_pages * copies
    megabytes = html_megabytes(pages_dir) * copies
    cores = os.cpu_count() or 1
    repeats = 2 if quick else 3
    work = Path(tempfile.mkdtemp(prefix="copydesk-extract-bench-"))
    rows, raw = [], {"pages": pages, "copies_of_each_page": copies, "html_megabytes": megabytes, "repeats": repeats,
                     "folder": str(pages_dir)}
    try:
        quality = {}
        # Quality on the original folder, once per tool.
        measure([BIN, "extract", "--input-dir", pages_dir, "--output-dir", work / "quality-copydesk", "--jobs", "1"]) \
            .check("copydesk extract")
        quality["copydesk"] = score(gold, work / "quality-copydesk")
        if peers.get("trafilatura"):
            measure([VENV_PYTHON, BENCH / "extract_trafilatura.py", pages_dir, work / "quality-trafilatura"]).check("trafilatura")
            quality["trafilatura"] = score(gold, work / "quality-trafilatura")
        timed_dir = pages_dir if copies == 1 else replicate(pages_dir, copies, work / "pages")
        # Fixed process costs (start-up; for trafilatura the interpreter and its imports), taken
        # from runs over an empty folder and subtracted from each run's CPU time, so that CPU
        # seconds per page compare the extraction work alone. CPU time is far less disturbed
        # than wall time by other processes on a shared machine.
        empty = work / "empty"
        empty.mkdir()
        fixed_ours = min(measure([BIN, "extract", "--input-dir", empty, "--output-dir", work / "empty-out",
                                  "--jobs", "1"]).check("copydesk extract").cpu for _ in range(3))
        fixed_theirs = None
        if peers.get("trafilatura"):
            fixed_theirs = min(measure([VENV_PYTHON, BENCH / "extract_trafilatura.py", empty, work / "empty-out"])
                               .check("trafilatura").cpu for _ in range(3))
        raw["fixed_cpu_seconds"] = {"copydesk": fixed_ours, "trafilatura": fixed_theirs}
        cpu = {}
        results = {}
        for jobs in sorted({1, cores}):
            ours, theirs = [], []
            for _ in range(repeats):
                out = work / f"copydesk-{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                m = measure([BIN, "extract", "--input-dir", timed_dir, "--output-dir", out,
                             "--jobs", str(jobs)]).check("copydesk extract")
                ours.append(ours_seconds(m))
                cpu.setdefault((jobs, "ours"), []).append(m.cpu - fixed_ours)
                if peers.get("trafilatura"):
                    out = work / f"trafilatura-{jobs}"
                    shutil.rmtree(out, ignore_errors=True)
                    m = measure([VENV_PYTHON, BENCH / "extract_trafilatura.py", timed_dir, out, "--jobs", str(jobs)])
                    theirs.append(float(re.search(r"seconds=([0-9.]+)", m.check("trafilatura").stdout).group(1)))
                    cpu.setdefault((jobs, "theirs"), []).append(m.cpu - fixed_theirs)
            results[jobs] = (ours, theirs)
            raw[f"cpu_seconds_jobs_{jobs}"] = {"copydesk": cpu.get((jobs, "ours")), "trafilatura": cpu.get((jobs, "theirs"))}
            log(f"extraction jobs={jobs}: ours {pages / min(ours):.0f} pages/s"
                + (f", trafilatura {pages / min(theirs):.0f} pages/s" if theirs else ""))
        for jobs, (ours, theirs) in results.items():
            name = f"extraction, {unique_pages} dev pages x {copies}, {jobs} job{'s' if jobs > 1 else ''}"
            rate_ours = spread(pages / s for s in ours)
            mbps_ours = spread(megabytes / s for s in ours)
            if theirs:
                rate_peer = spread(pages / s for s in theirs)
                ratio = rate_ours.median / rate_peer.median
                target = ">= 7x trafilatura" if jobs == 1 else ""
                rows.append(Row(name, "pages/s", "pages/s", rate_ours, rate_peer, "trafilatura", ratio, "ours/trafilatura",
                                target, (ratio >= 7) if jobs == 1 else None))
                rows.append(Row(name, "MB/s", "MB/s", mbps_ours, spread(megabytes / s for s in theirs), "trafilatura", ratio,
                                "ours/trafilatura"))
                if jobs == 1:
                    cpu_ours = spread(pages / c for c in cpu[(1, "ours")])
                    cpu_theirs = spread(pages / c for c in cpu[(1, "theirs")])
                    rows.append(Row(name, "pages per CPU-second (start-up subtracted)", "pages/cpu-s", cpu_ours,
                                    cpu_theirs, "trafilatura", cpu_ours.median / cpu_theirs.median, "ours/trafilatura",
                                    note="process CPU time minus that of a run over an empty folder, both tools"))
            else:
                rows.append(Row(name, "pages/s", "pages/s", rate_ours, None, "trafilatura (missing)", None, "",
                                ">= 7x trafilatura" if jobs == 1 else "", None, note="peer missing"))
        ours_f1 = quality.get("copydesk")
        peer_f1 = quality.get("trafilatura")
        if ours_f1:
            rows.append(Row("extraction quality, dev pages", "F1", "", ours_f1[0], peer_f1[0] if peer_f1 else None,
                            "trafilatura", None, "", ">= 0.985", ours_f1[0] >= 0.985 if ours_f1[0] is not None else None))
            raw["score_copydesk"] = ours_f1[1]
            if peer_f1:
                raw["score_trafilatura"] = peer_f1[1]
        else:
            raw["score"] = f"not scored: gold {gold} or scorer {SCORER} missing"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows, raw
