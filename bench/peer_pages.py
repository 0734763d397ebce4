"""The page files of a folder as `copydesk extract --input-dir` names them, for the peer scripts:
`a.html(.gz)` → `a`, `a.htm(.gz)` → `a.htm`; and the batch driver the extraction peers share."""
import gzip
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SUFFIXES = ((".html.gz", 8), (".htm.gz", 3), (".html", 5), (".htm", 0))


def pages(input_dir):
    for path in sorted(Path(input_dir).iterdir()):
        for suffix, cut in SUFFIXES:
            if path.name.endswith(suffix) and len(path.name) > len(suffix):
                yield path, path.name[: len(path.name) - cut] if cut else path.name
                break


def read(path):
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def run_batch(argv, extract_one, usage):
    """`SCRIPT INPUT_DIR OUTPUT_DIR [--jobs N]`: `extract_one((path, name, output_dir))` over every
    page, in one process or a pool; prints pages, seconds (wall, extraction only), pages/s, MB/s."""
    if len(argv) < 3:
        print(usage, file=sys.stderr)
        return 2
    input_dir, output_dir = argv[1], argv[2]
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 1
    Path(output_dir).mkdir(parents=True, exist_ok=True)
    work = [(path, name, output_dir) for path, name in pages(input_dir)]
    started = time.perf_counter()
    if jobs == 1:
        sizes = [extract_one(job) for job in work]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            sizes = list(pool.map(extract_one, work, chunksize=2))
    seconds = time.perf_counter() - started
    megabytes = sum(sizes) / 1e6
    print(f"pages={len(work)} seconds={seconds:.3f} pages_per_s={len(work) / seconds:.1f} "
          f"mb_per_s={megabytes / seconds:.2f}")
    return 0
