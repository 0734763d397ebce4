#!/usr/bin/env python3
"""Two-fold check of extraction fidelity on a real-web set (shared/web-dev layout).

  scripts/web-cv.py WEB_DEV_DIR OUT_DIR [--score PATH_TO_score_web.py] [--show N]

OUT_DIR holds `copydesk extract --json --input-dir WEB_DEV_DIR/html --output-dir OUT_DIR`.
Pages are split into fold A (tuning) and fold B (held back) by the SHA-1 of their file name:
the split never depends on content, so it is the same on every machine and every run. Each fold
is scored with the shared scorer (score_web.py) on its own annotations. Changes to the method
are tuned while looking at fold A only; fold B is the figure a user can expect."""
import hashlib, json, os, subprocess, sys, tempfile

def fold(name):
    return "A" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "B"

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    web, out = args[0], args[1]
    here = os.path.dirname(os.path.abspath(__file__))
    scorer = os.path.join(here, "..", "..", "shared", "tools", "score_web.py")
    if "--score" in args: scorer = args[args.index("--score") + 1]
    show = args[args.index("--show") + 1] if "--show" in args else None
    body = json.load(open(os.path.join(web, "body.json"), encoding="utf-8"))
    dates = json.load(open(os.path.join(web, "dates.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for part in ("A", "B"):
            d = os.path.join(tmp, part)
            os.makedirs(d)
            json.dump({u: it for u, it in body.items() if fold(it["file"]) == part},
                      open(os.path.join(d, "body.json"), "w"))
            json.dump({u: it for u, it in dates.items() if fold(it["file"]) == part},
                      open(os.path.join(d, "dates.json"), "w"))
            cmd = [sys.executable, scorer, d, out] + (["--show", show] if show and part == "A" else [])
            result = subprocess.run(cmd, capture_output=True, text=True)
            label = "fold A (tuning)" if part == "A" else "fold B (held back)"
            print(f"== {label}")
            print(result.stdout.rstrip())
            if result.returncode != 0: print(result.stderr.rstrip())
    full = subprocess.run([sys.executable, scorer, web, out], capture_output=True, text=True)
    print("== all pages")
    print(full.stdout.rstrip())

main()
