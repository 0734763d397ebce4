"""Scale-out on PostgreSQL (issue 16): several `copydesk` workers sharing one PostgreSQL state.

- Cluster pass: H hosts x N articles served by copydesk-corpus-server (latency L, per-host delay
  d, per-host concurrency 1), one pass by 1 worker and by 3 workers started together, each worker
  with its own output folder. The pass cannot beat the politeness bound: every host in parallel,
  its R = N + 2 requests (robots.txt, the feed, N articles) one at a time, each taking at least
  L, and with one request per host at a time the delay runs from the end of one to the start of
  the next: T_min = R*L + (R-1)*d. Target: wall / T_min <= 1.1 for both, every article
  recorded once across the workers, and no host hit twice closer than d (the corpus server reports
  the smallest gap between arrivals per host).
- WARC backfill on 2 files, 1 worker and 2 workers with the same job: throughput ratio (target
  >= 1.7x one worker's).
- State cost per committed record: the same WARC backfill into SQLite and into PostgreSQL, CPU per
  1,000 records (copydesk's own, and the PostgreSQL server's).
"""
import json
import math
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench_e2e import CorpusServer
import sys

from bench_warc import warc
from common import BIN, CORPUS_SERVER, WORK, Row, log, measure
from pg_server import PostgresServer


def seeded_warc(size_mb, seed):
    """A news WARC with its own seed: distinct articles from the default one of the same size."""
    path = WORK / f"news-v2-{size_mb}mb-seed{seed}.warc.gz"
    if not path.exists():
        log(f"generating {path} (first run only)")
        partial = path.with_suffix(".partial")
        subprocess.run([sys.executable, Path(__file__).resolve().parent / "warc_generate.py", "--size-mb", str(size_mb),
                        "--seed", str(seed), "--out", partial], check=True)
        partial.replace(path)
    return path


def write_config(folder, state, name, sources, fetch=None, lease_seconds=30):
    config = {"output": {"directory": str(folder / "records")}, "state": state,
              "worker": {"name": name, "leaseSeconds": lease_seconds},
              "dedupe": {"policy": "drop"}, "sources": sources}
    if fetch:
        config["fetch"] = fetch
    path = folder / "pipeline.json"
    path.write_text(json.dumps(config, indent=1))
    return path


def summary_counts(stdout):
    total = next((line for line in stdout.splitlines() if line.startswith("total")), None)
    if total is None:
        return None
    polled, unchanged, new, records, dupes, revisions, errors = map(int, re.findall(r"\d+", total)[:7])
    return {"records": records, "duplicates": dupes, "errors": errors}


def start(cmd, folder):
    out = open(folder / "stdout.txt", "w")
    err = open(folder / "stderr.txt", "w")
    return subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err), out, err


def cluster_pass(pg, workers, hosts, articles, latency_ms, delay_ms):
    spacing = Path(tempfile.mkdtemp(prefix="cluster-spacing-", dir=WORK)) / "spacing.json"
    server = CorpusServer(hosts, articles, latency_ms, page_kb="20-60")
    server.args += ["--spacing-file", spacing]
    folders = []
    with server:
        url = pg.create_database(f"cluster_{workers}_{int(time.time())}")
        sources = [{"name": f"outlet-{i:03d}", "type": "feed", "url": h["feed"]} for i, h in enumerate(server.ready["hosts"])]
        fetch = {"concurrency": hosts, "perHostConcurrency": 1, "perHostDelayMs": delay_ms,
                 "allowPrivateNetworks": True, "respectRobotsTxt": True, "timeoutSeconds": 60}
        procs = []
        for index in range(workers):
            folder = Path(tempfile.mkdtemp(prefix=f"cluster-w{index}-", dir=WORK))
            folders.append(folder)
            config = write_config(folder, {"url": url}, f"w{index}", sources, fetch)
            procs.append(start([BIN, "run", "--config", config], folder))
        began = time.perf_counter()
        for proc, out, err in procs:
            proc.wait(timeout=1800)
            out.close()
            err.close()
        wall = time.perf_counter() - began
    report = json.loads(spacing.read_text())
    shutil.rmtree(spacing.parent, ignore_errors=True)
    counts = {"records": 0, "duplicates": 0, "errors": 0}
    statuses = [proc.returncode for proc, _, _ in procs]
    per_worker = []
    for folder in folders:
        facts = summary_counts((folder / "stdout.txt").read_text()) or {}
        per_worker.append(facts.get("records", 0) + facts.get("duplicates", 0))
        for key in counts:
            counts[key] += facts.get(key, 0)
        shutil.rmtree(folder, ignore_errors=True)
    return wall, counts, report, statuses, per_worker


def backfill_workers(pg, files, workers, state=None):
    """`backfill --warc FILES --job J` by `workers` processes together; wall, CPU, counts."""
    url = state or {"url": pg.create_database(f"backfill_{workers}_{int(time.time() * 1000)}")}
    folders, procs = [], []
    source = [{"name": "warc-bench", "type": "feed", "url": "http://127.0.0.1:9/rss.xml", "enabled": False}]
    for index in range(workers):
        folder = Path(tempfile.mkdtemp(prefix=f"backfill-w{index}-", dir=WORK))
        folders.append(folder)
        config_state = url if "url" in url else {"path": str(folder / "state.sqlite")}
        config = write_config(folder, config_state, f"b{index}", source)
        procs.append(start([BIN, "backfill", "--config", config, "--job", "bench", "--warc", *files], folder))
    began = time.perf_counter()
    for proc, out, err in procs:
        proc.wait(timeout=3600)
        out.close()
        err.close()
    wall = time.perf_counter() - began
    counts = {"records": 0, "duplicates": 0, "errors": 0}
    for folder in folders:
        facts = summary_counts((folder / "stdout.txt").read_text()) or {}
        for key in counts:
            counts[key] += facts.get(key, 0)
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    return wall, counts, [proc.returncode for proc, _, _ in procs]


def run(quick):
    rows, raw = [], {}
    hosts, articles, latency_ms, delay_ms = (20, 20, 50, 100) if quick else (100, 100, 50, 300)
    requests = articles + 2
    bound = requests * latency_ms / 1000 + (requests - 1) * delay_ms / 1000
    with PostgresServer() as pg:
        for workers in (1, 3):
            name = f"cluster pass, {hosts} hosts x {articles} articles, {workers} worker{'s' if workers > 1 else ''}"
            log(name)
            wall, counts, spacing, statuses, per_worker = cluster_pass(pg, workers, hosts, articles, latency_ms, delay_ms)
            seen = counts["records"] + counts["duplicates"]
            complete = seen == hosts * articles and all(s == 0 for s in statuses)
            closest = spacing.get("closestGapMilliseconds")
            polite = closest is not None and closest >= delay_ms * 0.9
            ratio = wall / bound
            raw[f"cluster_{workers}"] = {"wall": wall, "bound": bound, "counts": counts, "statuses": statuses,
                                         "per_worker": per_worker, "closest_gap_ms": closest}
            log(f"{name}: {wall:.1f} s (bound {bound:.1f} s), {seen} articles {per_worker}, closest gap {closest} ms")
            rows.append(Row(name, "wall / politeness-bound minimum", "x", ratio, target="<= 1.1", met=ratio <= 1.1 and complete,
                            note=f"bound {bound:.1f} s = {requests} x {latency_ms} ms + {requests - 1} x {delay_ms} ms; wall {wall:.1f} s; "
                                 f"{seen}/{hosts * articles} articles (per worker {per_worker}); exit {statuses}"))
            rows.append(Row(name, "closest two requests to one host", "ms", closest, target=f">= {delay_ms} ms (0.9x for arrival jitter)",
                            met=polite))

        files = [warc(15 if quick else 60), seeded_warc(15 if quick else 60, 8)]
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        name = f"WARC backfill, 2 files ({megabytes:.0f} MB), PostgreSQL state"
        log(f"{name}: 1 worker")
        one_wall, one_counts, one_status = backfill_workers(pg, files, 1)
        log(f"{name}: 2 workers")
        two_wall, two_counts, two_status = backfill_workers(pg, files, 2)
        speedup = one_wall / two_wall
        raw["backfill"] = {"one": [one_wall, one_counts, one_status], "two": [two_wall, two_counts, two_status]}
        rows.append(Row(name, "2 workers / 1 worker throughput", "x", speedup, target=">= 1.7x", met=speedup >= 1.7,
                        note=f"1 worker {one_wall:.1f} s ({one_counts}), 2 workers {two_wall:.1f} s ({two_counts}); "
                             "each worker extracts on every core"))

        # State cost per record: one file, SQLite then PostgreSQL, CPU of copydesk and of the server.
        single = [files[0]]
        folder = Path(tempfile.mkdtemp(prefix="statecost-", dir=WORK))
        source = [{"name": "warc-bench", "type": "feed", "url": "http://127.0.0.1:9/rss.xml", "enabled": False}]
        sqlite_config = write_config(folder, {"path": str(folder / "state.sqlite")}, "s", source)
        sqlite_run = measure([BIN, "backfill", "--config", sqlite_config, "--warc", *single], timeout=3600).check("backfill sqlite")
        sqlite_records = sum((summary_counts(sqlite_run.stdout) or {}).get(k, 0) for k in ("records", "duplicates"))
        shutil.rmtree(folder, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix="statecost-", dir=WORK))
        pg_config = write_config(folder, {"url": pg.create_database(f"statecost_{int(time.time())}")}, "p", source)
        server_before = pg.cpu_seconds()
        pg_run = measure([BIN, "backfill", "--config", pg_config, "--warc", *single], timeout=3600).check("backfill postgres")
        server_cpu = pg.cpu_seconds() - server_before
        pg_records = sum((summary_counts(pg_run.stdout) or {}).get(k, 0) for k in ("records", "duplicates"))
        shutil.rmtree(folder, ignore_errors=True)
        per = lambda cpu, n: cpu / max(n, 1) * 1000
        raw["state_cost"] = {"sqlite": {"wall": sqlite_run.wall, "cpu": sqlite_run.cpu, "records": sqlite_records},
                             "postgres": {"wall": pg_run.wall, "cpu": pg_run.cpu, "server_cpu": server_cpu, "records": pg_records}}
        name = "state cost per committed record (WARC backfill, one file)"
        rows.append(Row(name, "CPU-s per 1000 records, copydesk", "cpu-s", per(pg_run.cpu, pg_records),
                        per(sqlite_run.cpu, sqlite_records), "same backfill on SQLite",
                        per(sqlite_run.cpu, sqlite_records) / max(per(pg_run.cpu, pg_records), 1e-9), "SQLite/PostgreSQL",
                        note=f"PostgreSQL server CPU {per(server_cpu, pg_records):.2f} s per 1000 records on top; wall "
                             f"{pg_run.wall:.1f} s vs {sqlite_run.wall:.1f} s"))
        rows.append(Row(name, "wall, PostgreSQL / SQLite", "x", pg_run.wall / sqlite_run.wall))
    return rows, raw
