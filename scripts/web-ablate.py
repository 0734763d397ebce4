#!/usr/bin/env python3
"""Fallback fidelity on the tuning folds of a real-web set: the same pages with a signal taken out.

  scripts/web-ablate.py WEB_DEV_DIR WORK_DIR [--bin PATH] [--peer PYTHON]

Held-back pages are unlike the tuning ones mostly in what they leave out: many carry no JSON-LD,
no date or author meta tags, no class names that a lexicon knows. This script copies the pages
of folds A and B1 (never B2, see scripts/web_folds.py) with one kind of signal removed, runs
`copydesk extract --json` on each copy and scores it with the shared scorer on those folds'
annotations, so that a fallback (visible datelines, byline markup, density scoring without class
hints) is measured on real pages and its failures can be read where no figure is held back:

  dates          JSON-LD and every meta tag whose name speaks of a date removed
  dates-markup   and `datetime` / date `content` attributes too
  dates-text     and the canonical, `og:url` and alternate links (no URL to date the page)
  authors        JSON-LD and every meta tag whose name speaks of an author removed
  classes        every `class` and `id` attribute removed
  semantic       HTML5 sectioning tags (`article`, `main`, `header`, `footer`, `aside`, `nav`,
                 `section`, `figure`, `time`) made `div`/`span`, and `itemprop`, `itemscope`,
                 `itemtype`, `role` and (but on `<link>`) `rel` removed: a page written the way older sites are
  paragraphs     every `<p>` made a `<div>` (CMSs and page builders that wrap each paragraph in a div)
  breaks         every `<p>` taken out, its end made `<br><br>` (text blocks broken by line breaks)

Name variants after WORK_DIR to run only those.

--peer runs bench/web_peers.py (htmldate for the date variants, trafilatura for the others) with
that Python on the same copies, for a figure beside ours. WORK_DIR is made anew."""
import gzip, os, re, shutil, subprocess, sys, tempfile

from web_folds import command_line, subfold, write_folds

JSON_LD = re.compile(rb'<script[^>]*application/ld\+json[^>]*>.*?</script>', re.S | re.I)
META = re.compile(rb'<meta\b[^>]*>', re.I)
META_NAME = re.compile(rb'(?:name|property|itemprop|http-equiv)\s*=\s*["\']?([^"\'\s>]+)', re.I)
DATE_WORDS = re.compile(rb'(date|time|publish|modif|creat|updat|dc\.|dcterms|issued)', re.I)
AUTHOR_WORDS = re.compile(rb'(author|creator|byl|dc\.|dcterms|parsely|sailthru)', re.I)
URL_LINKS = re.compile(rb'<link[^>]*rel=["\']?(canonical|amphtml|alternate|shortlink)[^>]*>', re.I)
URL_META = re.compile(rb'<meta[^>]*(og:url|twitter:url|parsely-link)[^>]*>', re.I)
SECTIONING = re.compile(rb'<(/?)(article|main|header|footer|aside|nav|section|figure|figcaption)\b', re.I)
PARAGRAPH = re.compile(rb'<(/?)p(?=[\s>/])', re.I)
PARAGRAPH_OPEN = re.compile(rb'<p(?:\s[^>]*)?>', re.I)
PARAGRAPH_CLOSE = re.compile(rb'</p\s*>', re.I)
TIME_TAG = re.compile(rb'<(/?)time\b', re.I)
MICRODATA = re.compile(rb'(<(?!link\b)[a-zA-Z][^>]*?)\s(?:itemprop|itemscope|itemtype|rel|role)(?:\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+))?(?=[\s/>])')
CLASS_ID = re.compile(rb'(<[a-zA-Z][^>]*?)\s(?:class|id)\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)')


def without_meta(raw, words):
    def keep(match):
        names = META_NAME.findall(match.group(0))
        return b"" if any(words.search(name) for name in names) else match.group(0)
    return META.sub(keep, JSON_LD.sub(b"", raw))


VARIANTS = ("dates", "dates-markup", "dates-text", "authors", "classes", "semantic", "paragraphs", "breaks")


def ablate(variant, raw):
    if variant == "authors":
        return without_meta(raw, AUTHOR_WORDS)
    if variant == "classes":
        for _ in range(4):  # several attributes per tag
            raw = CLASS_ID.sub(rb"\1", raw)
        return raw
    if variant == "paragraphs":
        return PARAGRAPH.sub(rb"<\1div", raw)
    if variant == "breaks":
        return PARAGRAPH_CLOSE.sub(b"<br><br>", PARAGRAPH_OPEN.sub(b"", raw))
    if variant == "semantic":
        raw = TIME_TAG.sub(rb"<\1span", SECTIONING.sub(rb"<\1div", raw))
        for _ in range(4):
            raw = MICRODATA.sub(rb"\1", raw)
        return raw
    raw = without_meta(raw, DATE_WORDS)
    if variant in ("dates-markup", "dates-text"):
        raw = re.sub(rb'(<time\b[^>]*?)\sdatetime="[^"]*"', rb"\1", raw, flags=re.I)
        raw = re.sub(rb'(<[^>]*itemprop="date[^"]*"[^>]*?)\scontent="[^"]*"', rb"\1", raw, flags=re.I)
    if variant == "dates-text":
        raw = URL_META.sub(b"", URL_LINKS.sub(b"", raw))
    return raw


def main():
    args, web, work, here, scorer = command_line(__doc__)
    binary = args[args.index("--bin") + 1] if "--bin" in args else os.path.join(here, "..", ".build", "release", "copydesk")
    peer = args[args.index("--peer") + 1] if "--peer" in args else None
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    html = os.path.join(web, "html")
    pages = [name for name in sorted(os.listdir(html)) if subfold(name[:-3]) in ("A", "B1")]
    with tempfile.TemporaryDirectory() as tmp:
        folds = write_folds(web, tmp, ["A", "B1"], of=subfold)
        chosen = [a for a in args[2:] if a in VARIANTS and args[args.index(a) - 1] not in ("--bin", "--peer")]
        for variant in chosen or VARIANTS:
            pages_dir = os.path.join(work, variant, "html")
            os.makedirs(pages_dir)
            for name in pages:
                with gzip.open(os.path.join(html, name)) as source:
                    raw = ablate(variant, source.read())
                with gzip.open(os.path.join(pages_dir, name), "wb") as target:
                    target.write(raw)
            outputs = {"copydesk": os.path.join(work, variant, "copydesk")}
            subprocess.run([binary, "extract", "--json", "--input-dir", pages_dir, "--output-dir", outputs["copydesk"]],
                           check=True, capture_output=True)
            if peer:
                name = "htmldate" if variant.startswith("dates") else "trafilatura"
                outputs[name] = os.path.join(work, variant, name)
                subprocess.run([peer, os.path.join(here, "..", "bench", "web_peers.py"), name, pages_dir, outputs[name]],
                               check=True, capture_output=True)
            for tool, out in outputs.items():
                for part in ("A", "B1"):
                    result = subprocess.run([sys.executable, scorer, folds[part], out], capture_output=True, text=True)
                    line = next((l for l in result.stdout.splitlines() if l.startswith("web:")), result.stderr.strip())
                    print(f"{variant:13} {tool:12} fold {part:3} {line}")


main()
