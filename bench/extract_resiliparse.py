#!/usr/bin/env python3
"""Peer for bench/bench_extract.py: Resiliparse (C++ main-content extraction) over the same pages,
same output layout as `copydesk extract --input-dir` (<name>.txt).

usage: extract_resiliparse.py INPUT_DIR OUTPUT_DIR [--jobs N]
Prints one line: pages, seconds (wall, extraction only), pages/s, MB/s.
"""
import sys
from pathlib import Path

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree

from peer_pages import read, run_batch


def extract_one(job):
    path, name, output_dir = job
    raw = read(path)
    tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw))
    text = extract_plain_text(tree, main_content=True, preserve_formatting=True, list_bullets=False,
                              alt_texts=False, links=False, form_fields=False, noscript=False)
    Path(output_dir, name + ".txt").write_text(text + "\n", encoding="utf-8")
    return len(raw)


if __name__ == "__main__":
    sys.exit(run_batch(sys.argv, extract_one, __doc__))
