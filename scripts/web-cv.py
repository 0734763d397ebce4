#!/usr/bin/env python3
"""Two-fold check of extraction fidelity on a real-web set (shared/web-dev layout).

  scripts/web-cv.py WEB_DEV_DIR OUT_DIR [--score PATH_TO_score_web.py] [--show N] [--split-b]

OUT_DIR holds `copydesk extract --json --input-dir WEB_DEV_DIR/html --output-dir OUT_DIR`.
Fold A (tuning) and fold B (held back) are made by scripts/web_folds.py and each is scored with
the shared scorer (score_web.py) on its own annotations. Changes to the method are tuned while
looking at fold A only (--show prints fold A's misses); fold B is the figure a user can expect."""
import subprocess, sys, tempfile

from web_folds import command_line, subfold, write_folds


def main():
    args, web, out, _, scorer = command_line(__doc__)
    if "--score" in args: scorer = args[args.index("--score") + 1]
    show = args[args.index("--show") + 1] if "--show" in args else None
    # --split-b: tune on B1 (fold B split again), hold back B2; fold A is shown for reference.
    if "--split-b" in args:
        parts = (("A", "fold A (tuned on in earlier rounds)"), ("B1", "fold B1 (tuning)"), ("B2", "fold B2 (held back)"))
        tuning, of = "B1", subfold
    else:
        parts = (("A", "fold A (tuning)"), ("B", "fold B (held back)"))
        tuning, of = "A", None
    with tempfile.TemporaryDirectory() as tmp:
        folders = write_folds(web, tmp, [part for part, _ in parts], **({"of": of} if of else {}))
        for part, label in parts:
            cmd = [sys.executable, scorer, folders[part], out] + (["--show", show] if show and part == tuning else [])
            result = subprocess.run(cmd, capture_output=True, text=True)
            print(f"== {label}")
            print(result.stdout.rstrip())
            if result.returncode != 0: print(result.stderr.rstrip())
    full = subprocess.run([sys.executable, scorer, web, out], capture_output=True, text=True)
    print("== all pages")
    print(full.stdout.rstrip())


main()
