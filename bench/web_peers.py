#!/usr/bin/env python3
"""Peers for bench/bench_web.py: body, publication date and authors of every page of a folder,
written in the layout `copydesk extract --json --input-dir` uses, so that one scorer
(shared/tools/score_web.py) judges every tool the same way.

usage: web_peers.py trafilatura|htmldate|resiliparse INPUT_DIR OUTPUT_DIR
- trafilatura: `bare_extraction` (body with tables, `date` with its default settings, `author`
  split on "; " as trafilatura joins names);
- htmldate: `find_date` with original (publication) dates preferred, extensive search on;
- resiliparse: main-content plain text only (it extracts no metadata).
Prints one line: pages, seconds."""
import json
import sys
import time
from pathlib import Path

from peer_pages import pages, read


def trafilatura_page(raw):
    import trafilatura
    doc = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True, with_metadata=True)
    if doc is None:
        return "", None, []
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    authors = [a.strip() for a in (get("author") or "").split(";") if a.strip()]
    return get("text") or "", get("date"), authors


def htmldate_page(raw):
    from htmldate import find_date
    try:
        date = find_date(raw.decode("utf-8", errors="replace"), original_date=True, extensive_search=True)
    except Exception:  # a peer failing on one page must not stop the comparison
        date = None
    return None, date, None


def resiliparse_page(raw):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree
    tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw))
    return extract_plain_text(tree, main_content=True, preserve_formatting=True, list_bullets=False,
                              alt_texts=False, links=False, form_fields=False, noscript=False), None, None


TOOLS = {"trafilatura": trafilatura_page, "htmldate": htmldate_page, "resiliparse": resiliparse_page}


def main(argv):
    if len(argv) < 4 or argv[1] not in TOOLS:
        print(__doc__, file=sys.stderr)
        return 2
    tool, input_dir, output_dir = TOOLS[argv[1]], argv[2], Path(argv[3])
    output_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    count = 0
    for path, name in pages(input_dir):
        text, date, authors = tool(read(path))
        if text is not None:
            (output_dir / (name + ".txt")).write_text(text + "\n", encoding="utf-8")
        record = {}
        if date:
            record["published"] = date
        if authors is not None:
            record["authors"] = authors
        (output_dir / (name + ".json")).write_text(json.dumps(record), encoding="utf-8")
        count += 1
    print(f"pages={count} seconds={time.perf_counter() - started:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
