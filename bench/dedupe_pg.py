"""The near-duplicate index in PostgreSQL against SQLite's (issue 16): the pipeline's serial
dedupe step (check, then insert with the decision, each one transaction) timed per text on the
first DEDUPE_PG_DOCS texts (default 2,000) of the synthetic stream (a quarter reprints), into a
fresh SQLite file and into a fresh database of a throwaway PostgreSQL server (pg_server.py:
Unix socket, fsync on, synchronous_commit on). Release build of copydesk-bench; prints the
`database.*` figures of both (and the PostgreSQL server's CPU per text) and writes them to bench/results/dedupe-pg.txt.

    python3 bench/dedupe_pg.py            (DEDUPE_PG_NO_BUILD=1 to skip the build)
"""
import os
import subprocess
import tempfile
from pathlib import Path

from common import BENCH_BIN, RESULTS, ROOT, WORK
from pg_server import PostgresServer

DOCS = int(os.environ.get("DEDUPE_PG_DOCS", "2000"))


def run(*args):
    return subprocess.run([str(BENCH_BIN), "dedupe", *map(str, args)], check=True, capture_output=True, text=True).stdout


def main():
    if not os.environ.get("DEDUPE_PG_NO_BUILD"):
        subprocess.run(["swift", "build", "-c", "release", "--product", "copydesk-bench"], cwd=ROOT, check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stream = WORK / f"dedupe-stream-{DOCS}.jsonl"
    if not stream.exists() or stream.stat().st_size == 0:
        stream.write_text(run("--generate", DOCS))
    lines = []
    with tempfile.TemporaryDirectory(prefix="copydesk-dedupe-pg-") as scratch:
        output = run("--state", Path(scratch) / "index.sqlite", stream)
        lines += [line.replace("database.", "sqlite.") for line in output.splitlines()]
    with PostgresServer() as server:
        uri = server.create_database("dedupe_bench")
        cpu = server.cpu_seconds()
        output = run("--postgres", uri, stream)
        cpu = server.cpu_seconds() - cpu
        lines += [line.replace("database.", "postgres.") for line in output.splitlines()]
        # The server's share of the work (its backends' CPU), per check + insert.
        lines.append(f"postgres.server_cpu_microseconds={cpu / DOCS * 1e6:.1f}")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (RESULTS / "dedupe-pg.txt").write_text(text)


if __name__ == "__main__":
    main()
