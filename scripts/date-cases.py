#!/usr/bin/env python3
"""Publication dates on markup no one tuned on: the date cases of htmldate's own unit tests.

  scripts/date-cases.py HTMLDATE_SDIST_DIR WORK_DIR [COPYDESK]

HTMLDATE_SDIST_DIR is an unpacked htmldate source distribution
(`pip download --no-deps --no-binary :all: htmldate==1.9.3 && tar xzf htmldate-1.9.3.tar.gz`).
Every `assert find_date("<html>…", …) == "YYYY-MM-DD"` of tests/unit_tests.py whose options are
only `original_date`, `extensive_search` or `verbose` is read from its test source (nothing of
them is kept in this repository); each snippet gets one paragraph of body text,
`copydesk extract --json` runs over them, and the published day is compared. htmldate returns
the latest date unless `original_date=True`, so the two kinds are counted apart: `original`
cases ask for the publication date, `latest` cases may rightly differ where a page gives both.
Prints each disagreement and the counts."""
import ast
import json
import os

from sdist_cases import arguments, extract, write_page

ALLOWED = {"original_date", "extensive_search", "verbose"}


def cases(source):
    """(html, options, expected day) of each plain find_date assertion."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq)):
            continue
        call, right = node.left, node.comparators[0]
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "find_date"):
            continue
        if not (isinstance(right, ast.Constant) and isinstance(right.value, str)):
            continue
        if not call.args or not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            continue
        options = {k.arg: getattr(k.value, "value", None) for k in call.keywords}
        if set(options) - ALLOWED:
            continue
        found.append((call.args[0].value, options, right.value))
    return found


def main():
    sdist, work, binary = arguments(__doc__)
    found = cases(open(os.path.join(sdist, "tests", "unit_tests.py")).read())
    pages, output = os.path.join(work, "html"), os.path.join(work, "out")
    os.makedirs(pages, exist_ok=True)
    expected = {}
    for number, (html, options, day) in enumerate(found):
        stem = f"case{number:03d}"
        write_page(html, os.path.join(pages, stem + ".html"))
        kind = "original" if options.get("original_date") else "latest"
        expected[stem] = (kind, day, html)
    extract(binary, pages, output)
    agree = {"original": 0, "latest": 0}
    total = {"original": 0, "latest": 0}
    for stem, (kind, day, html) in sorted(expected.items()):
        total[kind] += 1
        path = os.path.join(output, stem + ".json")
        record = json.load(open(path)) if os.path.exists(path) else {}
        got = (record.get("published") or record.get("date") or "")[:10]
        if got == day:
            agree[kind] += 1
        else:
            print(f"{stem} [{kind}] expected {day}, got {got or None}: {' '.join(html.split())[:300]}")
    for kind in total:
        print(f"{kind}: {agree[kind]} of {total[kind]} agree")


main()
