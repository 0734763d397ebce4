#!/usr/bin/env python3
"""Peer for bench/bench_extract.py: Resiliparse (C++ main-content extraction) over the same pages,
same output layout as `copydesk extract --input-dir` (<name>.txt).

usage: extract_resiliparse.py INPUT_DIR OUTPUT_DIR [--jobs N]
Prints one line: pages, seconds (wall, extraction only), pages/s, MB/s.
"""
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree

from peer_pages import pages, read


def extract_one(job):
    path, name, output_dir = job
    raw = read(path)
    tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw))
    text = extract_plain_text(tree, main_content=True, preserve_formatting=True, list_bullets=False,
                              alt_texts=False, links=False, form_fields=False, noscript=False)
    Path(output_dir, name + ".txt").write_text(text + "\n", encoding="utf-8")
    return len(raw)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
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


if __name__ == "__main__":
    sys.exit(main(sys.argv))
