"""Parse one feed with Python's feedparser and print the entry count (bench/feeds.sh)."""
import sys

import feedparser

with open(sys.argv[1], "rb") as handle:
    parsed = feedparser.parse(handle.read())
print(len(parsed.entries))
