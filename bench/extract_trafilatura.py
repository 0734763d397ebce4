#!/usr/bin/env python3
"""Baseline for bench/extract.sh: trafilatura over the same pages, same output layout.

usage: extract_trafilatura.py INPUT_DIR OUTPUT_DIR [--jobs N]
Prints one line: pages, seconds (wall, extraction only), pages/s, MB/s.
"""
import sys
from pathlib import Path

import trafilatura

from peer_pages import read, run_batch


def extract_one(job):
    path, name, output_dir = job
    raw = read(path)
    text = trafilatura.extract(raw, include_comments=False, include_tables=True) or ""
    Path(output_dir, name + ".txt").write_text(text + "\n", encoding="utf-8")
    return len(raw)


if __name__ == "__main__":
    sys.exit(run_batch(sys.argv, extract_one, __doc__))
