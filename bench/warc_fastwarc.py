#!/usr/bin/env python3
"""Peer for bench/bench_warc.py: the script a user would write instead of `copydesk backfill
--warc` — FastWARC reads the WARC, Resiliparse extracts each 200 HTML response's main content,
one text file is written per record. Single process, as such a script is.

usage: warc_fastwarc.py WARC OUTPUT_DIR
Prints key=value lines: records, articles, seconds (wall), cpu_seconds."""
import gzip
import os
import sys
import time
import zlib

from fastwarc.warc import ArchiveIterator, WarcRecordType
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree


def main(argv):
    path, output = argv[1], argv[2]
    os.makedirs(output, exist_ok=True)
    records = articles = 0
    started, started_cpu = time.perf_counter(), time.process_time()
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            records += 1
            if record.http_headers is None or record.http_headers.status_code != 200:
                continue
            content_type = (record.http_headers.get("Content-Type") or "").lower()
            if "html" not in content_type:
                continue
            body = record.reader.read()
            # FastWARC hands the payload over as stored; undo a content coding, as a crawler would.
            coding = (record.http_headers.get("Content-Encoding") or "").lower()
            if coding == "gzip":
                body = gzip.decompress(body)
            elif coding == "deflate":
                body = zlib.decompress(body)
            html = bytes_to_str(body, detect_encoding(body))
            text = extract_plain_text(HTMLTree.parse(html), main_content=True, preserve_formatting=True,
                                      list_bullets=False, alt_texts=False, links=False, form_fields=False, noscript=False)
            articles += 1
            with open(os.path.join(output, f"{articles:07d}.txt"), "w", encoding="utf-8") as out:
                out.write(text + "\n")
    print(f"records={records}")
    print(f"articles={articles}")
    print(f"seconds={time.perf_counter() - started:.3f}")
    print(f"cpu_seconds={time.process_time() - started_cpu:.3f}")


if __name__ == "__main__":
    main(sys.argv)
