#!/usr/bin/env python3
"""warcio over a WARC (bench/bench_warc.py), run with bench/.venv's python.

    warc_warcio.py read FILE        read every record's payload; prints records, responses, bytes, seconds
    warc_warcio.py dump FILE DIR    write each 200 response's decoded HTML to DIR/<n>.html (the pages
                                    `copydesk extract --input-dir` is timed on)
"""
import os
import sys
import time

from warcio.archiveiterator import ArchiveIterator


def main(argv):
    mode, path = argv[1], argv[2]
    target = argv[3] if mode == "dump" else None
    if target:
        os.makedirs(target, exist_ok=True)
    records = responses = payload = 0
    started = time.perf_counter()
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                record.content_stream().read()
                continue
            body = record.content_stream().read()  # Content-Encoding decoded, as a crawler sees it
            payload += len(body)
            if record.http_headers.get_statuscode() != "200":
                continue
            responses += 1
            if target:
                with open(os.path.join(target, f"{responses:06d}.html"), "wb") as out:
                    out.write(body)
    print(f"records={records} responses={responses} payload_bytes={payload} seconds={time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main(sys.argv)
