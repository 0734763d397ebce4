"""Parse one feed with Python's feedparser; print the entry count, the wall seconds and the CPU
seconds of the parse() call alone (the file read and the import excluded, as in copydesk's
--time-parse figure)."""
import sys
import time

import feedparser

with open(sys.argv[1], "rb") as handle:
    data = handle.read()
started = time.perf_counter()
started_cpu = time.process_time()
parsed = feedparser.parse(data)
cpu = time.process_time() - started_cpu
print(len(parsed.entries), f"{time.perf_counter() - started:.6f}", f"{cpu:.6f}")
