"""The page files of a folder as `copydesk extract --input-dir` names them, for the peer scripts:
`a.html(.gz)` → `a`, `a.htm(.gz)` → `a.htm`."""
import gzip
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
