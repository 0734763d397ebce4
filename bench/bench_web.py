"""Real-web fidelity (issue 15): body, publication date and authors on shared/web-dev, Copydesk
beside trafilatura (body, date, authors), htmldate (date) and Resiliparse (body), every tool
written in one layout and judged by the shared scorer (score_web.py).

The pages are split into two folds by a hash of the file name (scripts/web-cv.py): fold A is
where the method was tuned, fold B was held back. Rows give fold B (what a user can expect) and
all pages; the peers were never tuned on either."""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BENCH, BIN, ROOT, VENV_PYTHON, Row, log, measure, delete_at_end

SCORER = ROOT.parent / "shared" / "tools" / "score_web.py"
WEB_DEV = ROOT.parent / "shared" / "web-dev"
# What each peer extracts; the scorer's other measures are left out of its rows.
PEERS = {"trafilatura": ("body", "news", "general", "authors"), "htmldate": ("news", "general"),
         "resiliparse": ("body",)}
TARGETS = {"body": 0.94, "news": 0.93, "general": 0.93, "authors": 0.65}
LABELS = {"body": "body snippet F1", "news": "publication date, news pages", "general": "publication date, general pages",
          "authors": "authors (exact set)"}


def split(web, into):
    """Fold A / fold B annotation folders (scripts/web_folds.py) plus the whole set."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from web_folds import write_folds
    made = {part: Path(folder) for part, folder in write_folds(str(web), str(into)).items()}
    made["all"] = web
    return made


def score(annotations, output):
    out = subprocess.run([sys.executable, SCORER, annotations, output], capture_output=True, text=True).stdout
    found = re.search(r"web: body F1=([0-9.]+) dates news=([0-9.]+) general=([0-9.]+) authors=([0-9.]+)", out)
    if not found:
        raise RuntimeError("score_web.py printed no summary: " + out[-300:])
    return dict(zip(("body", "news", "general", "authors"), map(float, found.groups())))


def run(quick, peers):
    if not (WEB_DEV / "html").is_dir() or not SCORER.exists():
        return [Row("web fidelity", "F1", "", note=f"{WEB_DEV} or {SCORER} missing: not measured", met=False)], {}
    work = Path(tempfile.mkdtemp(prefix="copydesk-web-bench-"))
    try:
        sets = split(WEB_DEV, work / "folds")
        outputs = {}
        m = measure([BIN, "extract", "--json", "--input-dir", WEB_DEV / "html", "--output-dir", work / "copydesk",
                     "--jobs", "1"]).check("copydesk extract")
        outputs["copydesk"] = work / "copydesk"
        timing = {"copydesk": m.wall}
        for name in PEERS:
            if not peers.get(name):
                continue
            m = measure([VENV_PYTHON, BENCH / "web_peers.py", name, WEB_DEV / "html", work / name]).check(name)
            outputs[name] = work / name
            timing[name] = m.wall
        scores = {tool: {part: score(folder, out) for part, folder in sets.items()} for tool, out in outputs.items()}
        log("web-dev: " + "; ".join(f"{tool} " + " ".join(f"{k}={v:.3f}" for k, v in s["all"].items())
                                    for tool, s in scores.items()))
        rows = []
        for measure_name in ("body", "news", "general", "authors"):
            rivals = [name for name, covers in PEERS.items() if measure_name in covers and name in scores]
            best = max(rivals, key=lambda name: scores[name]["B"][measure_name], default=None)
            for part, label in (("B", "fold B (held back)"), ("all", "all pages")):
                ours = scores["copydesk"][part][measure_name]
                peer = scores[best][part][measure_name] if best else None
                target = f">= {TARGETS[measure_name]:.2f}" if part == "B" else ""
                rows.append(Row(f"web-dev {LABELS[measure_name]}, {label}", "accuracy" if measure_name != "body" else "F1", "",
                                ours, peer, best or "(no peer)", (ours / peer) if peer else None, "ours/peer",
                                target, (ours >= TARGETS[measure_name]) if part == "B" else None,
                                extra={name: scores[name][part][measure_name] for name in rivals}))
        raw = {"scores": scores, "wall_seconds": timing, "pages": len(list((WEB_DEV / "html").iterdir()))}
        return rows, raw
    finally:
        delete_at_end(work)
