"""Shared by scripts/author-cases.py and scripts/date-cases.py: the command line, the body text
each test snippet gets, and the extraction run over the snippets."""
import os
import subprocess
import sys

BODY = "<p>" + "This is a paragraph of the article text that is long enough to count as a body. " * 5 + "</p>"


def arguments(usage):
    """SDIST_DIR, WORK_DIR and the copydesk binary (the release build unless given)."""
    if len(sys.argv) < 3:
        sys.exit(usage)
    here = os.path.dirname(os.path.abspath(__file__))
    binary = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", ".build", "release", "copydesk")
    return sys.argv[1], sys.argv[2], binary


def write_page(html, path):
    """The snippet with a paragraph of body text, so that the page is an article."""
    page = html.replace("</body>", BODY + "</body>") if "</body>" in html else html + BODY
    with open(path, "w", encoding="utf-8", errors="replace") as out:
        out.write(page)


def extract(binary, pages, output):
    subprocess.run([binary, "extract", "--json", "--input-dir", pages, "--output-dir", output],
                   check=True, capture_output=True)
