#!/usr/bin/env python3
"""Authors on pages no one tuned on: the author cases of trafilatura's own unit tests.

  scripts/author-cases.py TRAFILATURA_SDIST_DIR WORK_DIR [COPYDESK]

TRAFILATURA_SDIST_DIR is an unpacked trafilatura source distribution
(`pip download --no-deps --no-binary :all: trafilatura==2.3.1 && tar xzf trafilatura-2.3.1.tar.gz`).
The HTML snippets and expected authors of `test_author_from_meta`, `test_author_from_markup`
(tests/metadata_tests.py) and of every `extract_metadata`/`extract_meta_json` call followed by an
author assertion (tests/json_metadata_tests.py) are read from its test sources (nothing of them is
kept in this repository), each snippet gets one paragraph of body text, `copydesk extract --json`
runs over them, and the author sets are compared (trafilatura joins names with "; ").
Prints each disagreement and the count of agreements per file."""
import ast
import json
import os

from sdist_cases import arguments, extract, write_page



def cases_of_lists(source, functions):
    """`cases = [(html, expected), ...]` inside the named test functions."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            scope = {}
            for statement in node.body:
                if isinstance(statement, ast.Assign):
                    exec(compile(ast.Module([statement], []), "cases", "exec"), scope)
            found += scope.get("cases", [])
    return found


def cases_of_calls(source):
    """`metadata = extract_metadata("<html>…")` (or `extract_meta_json(html.fromstring("…"), …)`)
    followed by `assert metadata.author == "…"`."""
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef):
            continue
        html = None
        for statement in function.body:
            call = statement.value if isinstance(statement, ast.Assign) else None
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("extract_metadata", "extract_meta_json"):
                argument = call.args[0] if call.args else None
                if isinstance(argument, ast.Call) and argument.args:
                    argument = argument.args[0]
                html = argument.value if isinstance(argument, ast.Constant) and isinstance(argument.value, str) else None
            elif isinstance(statement, ast.Assert) and html and isinstance(statement.test, ast.Compare):
                left, right = statement.test.left, statement.test.comparators[0]
                if isinstance(left, ast.Attribute) and left.attr == "author" and isinstance(right, ast.Constant):
                    found.append((html, right.value))
    return found


def main():
    sdist, work, binary = arguments(__doc__)
    tests = os.path.join(sdist, "tests")
    sets = {
        "metadata_tests.py": cases_of_lists(open(os.path.join(tests, "metadata_tests.py")).read(),
                                            ("test_author_from_meta", "test_author_from_markup")),
        "json_metadata_tests.py": cases_of_calls(open(os.path.join(tests, "json_metadata_tests.py")).read()),
    }
    for name, cases in sets.items():
        pages, output = os.path.join(work, name, "html"), os.path.join(work, name, "out")
        os.makedirs(pages, exist_ok=True)
        expected = {}
        for number, (html, author) in enumerate(cases):
            stem = f"case{number:03d}"
            write_page(html, os.path.join(pages, stem + ".html"))
            expected[stem] = [a for a in (author or "").split("; ") if a]
        extract(binary, pages, output)
        agree = 0
        for stem, want in sorted(expected.items()):
            got = json.load(open(os.path.join(output, stem + ".json"))).get("authors") or []
            if sorted(got) == sorted(want):
                agree += 1
            else:
                print(f"{name} {stem}: expected {want}, got {got}")
        print(f"{name}: {agree} of {len(expected)} agree")


main()
