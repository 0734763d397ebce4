"""Parse one feed with a Python peer; print the entry count, the wall seconds and the CPU
seconds of the parse call alone (the file read and the import excluded, as in
`copydesk-bench feed-parse`).

usage: feeds_peer.py feedparser|fastfeedparser|feedparser_rs FILE
- feedparser: the reference Python library;
- fastfeedparser: lxml-based (C) parsing;
- feedparser_rs: feedparser-rs, a Rust parser with a feedparser-compatible API."""
import importlib
import sys
import time

tool, path = sys.argv[1], sys.argv[2]
module = importlib.import_module(tool)
with open(path, "rb") as handle:
    data = handle.read()
started = time.perf_counter()
started_cpu = time.process_time()
parsed = module.parse(data)
cpu = time.process_time() - started_cpu
entries = parsed["entries"] if isinstance(parsed, dict) else parsed.entries
print(len(entries), f"{time.perf_counter() - started:.6f}", f"{cpu:.6f}")
