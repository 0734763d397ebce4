#!/usr/bin/env python3
"""`make bench`: every benchmark the issues name, each with its peer in the same invocation, one
table, JSON results in bench/results/latest.json.

    python3 bench/run.py [--quick] [--only fetch,feeds,extract,web,dedupe,e2e,warc] [--no-build]
                         [--pages DIR] [--gold FILE]

--quick is a ~2 minute smoke run on small inputs. Generated inputs are cached in bench/work/, so
only the first run pays for generating them. The peers are installed with pip into bench/.venv.
"""
import argparse
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_cluster  # noqa: E402
import bench_dedupe  # noqa: E402
import bench_e2e  # noqa: E402
import bench_extract  # noqa: E402
import bench_web  # noqa: E402
import bench_feeds  # noqa: E402
import bench_fetch  # noqa: E402
import bench_warc  # noqa: E402
import common  # noqa: E402
from common import RESULTS, ROOT, Row, Spread, ensure_peers, log, write_json  # noqa: E402

BENCHMARKS = ["fetch", "feeds", "extract", "web", "dedupe", "e2e", "warc", "cluster"]


def build():
    for cmd in (["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "copydesk"],
                ["swift", "build", "-c", "release", "--product", "copydesk-corpus-server"],
                ["swift", "build", "-c", "release", "--product", "copydesk-bench"]):
        log(" ".join(cmd))
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit("release build failed:\n" + (done.stdout + done.stderr)[-3000:])


def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines() if line.startswith("Model name")), "?")
    memory = next((int(line.split()[1]) * 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory_gb": round(memory / 2**30, 1), "kernel": platform.release(),
            "swift": swift[0] if swift else "?", "load_average_at_start": os.getloadavg()}


def fmt(value):
    if value is None:
        return "-"
    if isinstance(value, Spread):
        if len(value.values) == 1:
            return fmt(value.median)
        return f"{fmt(value.median)} [{fmt(value.low)}-{fmt(value.high)}]"
    if isinstance(value, str):
        return value
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(rows):
    """Markdown table: readable in a terminal and pasted as is into the README."""
    header = ["Benchmark", "Metric", "Copydesk", "Peer", "Ratio", "Target", "Met?"]
    lines = []
    for row in rows:
        unit = f" ({row.unit})" if row.unit else ""
        peer = f"{fmt(row.peer)} {row.peer_name}".strip() if row.peer is not None else (row.peer_name or "-")
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        met = {True: "yes", False: "**NO**", None: "-"}[row.met]
        lines.append([row.benchmark, row.metric + unit, fmt(row.ours), peer, ratio, row.target or "-", met])
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(len(header))]

    def render(cells):
        return "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)) + " |"
    return "\n".join([render(header), render(["-" * w for w in widths])] + [render(line) for line in lines])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a ~2 minute smoke run on small inputs")
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated subset of " + ",".join(BENCHMARKS))
    parser.add_argument("--no-build", action="store_true", help="use the release binaries already built")
    parser.add_argument("--pages", default=str(ROOT.parent / "shared" / "extraction-dev" / "html"),
                        help="page folder of the extraction benchmark (default ../shared/extraction-dev/html)")
    parser.add_argument("--gold", default=None, help="ground truth of --pages (default: ground-truth.json beside it)")
    parser.add_argument("--output", default=str(RESULTS / "latest.json"))
    args = parser.parse_args()
    chosen = [name for name in args.only.split(",") if name]
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error("unknown benchmark(s): " + ", ".join(sorted(unknown)))
    gold = args.gold or str(Path(args.pages).parent / "ground-truth.json")

    common.settle_after_last_cleanup()
    started = time.time()
    if not args.no_build:
        build()
    peers = ensure_peers()
    info = machine()
    log(f"machine: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory_gb']} GB, load {info['load_average_at_start']}")
    log("peers: " + ", ".join(f"{k} {v or 'MISSING'}" for k, v in peers.items()))

    runners = {
        "fetch": lambda: bench_fetch.run(args.quick),
        "feeds": lambda: bench_feeds.run(args.quick, peers),
        "extract": lambda: bench_extract.run(args.quick, peers, args.pages, gold),
        "web": lambda: bench_web.run(args.quick, peers),
        "dedupe": lambda: bench_dedupe.run(args.quick, peers),
        "e2e": lambda: bench_e2e.run(args.quick),
        "warc": lambda: bench_warc.run(args.quick, peers),
        "cluster": lambda: bench_cluster.run(args.quick),
    }
    rows, raw, durations = [], {}, {}
    for name in chosen:
        log(f"=== {name}")
        began = time.time()
        try:
            produced, details = runners[name]()
        except Exception as error:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            produced, details = [Row(name, "error", "", note=f"benchmark failed: {error}".splitlines()[0], met=False)], \
                {"error": str(error)}
        durations[name] = round(time.time() - began, 1)
        log(f"{name} took {durations[name]} s")
        rows += produced
        raw[name] = details
        # Partial results are kept as they come, so a long run interrupted late still leaves them.
        write_json(Path(args.output), {"partial": True, "rows": [r.as_json() for r in rows], "raw": raw})

    common.delete_deferred()
    info["load_average_at_end"] = os.getloadavg()
    total = round(time.time() - started, 1)
    rendered = table(rows)
    print(rendered)
    missed = [r for r in rows if r.met is False]
    print(f"\n{len(rows)} figures, {sum(r.met is True for r in rows)} targets met, {len(missed)} missed; "
          f"{'quick' if args.quick else 'full'} run in {total / 60:.1f} min on {info['cpus']} CPUs ({info['cpu_model']}), "
          f"load average {info['load_average_at_start'][0]:.1f} at start, {info['load_average_at_end'][0]:.1f} at end")
    notes = [f"- {r.benchmark} / {r.metric}: {r.note}" for r in rows if r.note]
    if notes:
        print("\nNotes:\n" + "\n".join(notes))
    write_json(Path(args.output), {
        "quick": args.quick, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": total, "durations": durations, "machine": info, "peers": peers,
        "rows": [r.as_json() for r in rows], "raw": raw, "table_markdown": rendered,
    })
    log(f"results written to {args.output}")


if __name__ == "__main__":
    main()
