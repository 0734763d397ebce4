"""The two folds of a real-web set (shared/web-dev layout), shared by scripts/web-cv.py and
bench/bench_web.py. Pages are split by the SHA-1 of their file name, never by content, so the
split is the same on every machine and every run: fold A is where the method is tuned, fold B
is held back and is the figure a user can expect."""
import hashlib
import json
import os
import sys


def fold(name):
    return "A" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "B"


def subfold(name):
    """Fold B split again by another byte of the same digest (B1, B2), for a round that tunes on
    B1 once fold A has little left to teach: B2 is then the held-back figure."""
    part = fold(name)
    return part if part == "A" else "B1" if hashlib.sha1(name.encode()).digest()[1] % 2 == 0 else "B2"


def write_folds(web, into, parts=("A", "B"), of=fold):
    """Writes fold A and fold B annotation folders (body.json, dates.json: all the scorer reads)
    under `into`; returns {"A": path, "B": path}."""
    body = json.load(open(os.path.join(web, "body.json"), encoding="utf-8"))
    dates = json.load(open(os.path.join(web, "dates.json"), encoding="utf-8"))
    made = {}
    for part in parts:
        folder = os.path.join(into, part)
        os.makedirs(folder)
        for name, items in (("body.json", body), ("dates.json", dates)):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                json.dump({u: it for u, it in items.items() if of(it["file"]) == part}, out)
        made[part] = folder
    return made


def command_line(usage):
    """For the scripts over a real-web set: the arguments, WEB_DEV_DIR, the second path (output
    or work folder), the scripts' folder and the shared scorer beside the repository."""
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(usage)
    here = os.path.dirname(os.path.abspath(__file__))
    return args, args[0], args[1], here, os.path.join(here, "..", "..", "shared", "tools", "score_web.py")
