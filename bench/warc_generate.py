#!/usr/bin/env python3
"""Generates a large gzip-per-record WARC 1.1 of news pages for the backfill benchmark.

    python3 bench/warc_generate.py --size-mb 600 --out /tmp/news.warc.gz [--seed 7]

Standard library only. Each capture is a request + response pair (like Common Crawl's CC-NEWS).
Pages have the proportions of the real pages in ../shared/extraction-dev (HTML median 121 KB,
article text median 3.8 KB, mean 9.3 KB): an article of log-normally distributed length
(median 4.5 KB of text, 1.2-40 KB) inside site furniture (navigation, cookie banner, ads,
related links, comments, inline state and style blocks) that brings the page to a log-normally
distributed size (median 120 KB, 50-400 KB). Version 1 of this generator wrote 30-170 KB of
article text per page, ten times real pages, which made text-proportional work (the dedupe
fingerprint) weigh far more than it does on real news; about 1 in 12 articles is a reprint
of an earlier one on another outlet (same text, different furniture and URL), 1 in 40 captures a
revisit, 1 in 50 a metadata record. Some responses keep the raw transfer (gzip content coding).
Deterministic for a given seed; the size is reached to within one record.
"""
import argparse
import gzip
import hashlib
import base64
import json
import math
import random
import uuid
import zlib

WORDS = ("council harbour ferry market school hospital police budget minister election vote storm "
         "flood road bridge rail station strike wages prices energy farmers fishing tourism museum "
         "festival concert theatre football rugby cricket rowing coach season league final winter "
         "summer spring autumn morning evening residents neighbours officials spokesperson report "
         "investigation court judge appeal planning permission development housing rent mortgage "
         "business company jobs workers union talks agreement plan proposal scheme project funding "
         "grant charity volunteers community library park beach coast island village town city "
         "county region government parliament committee inquiry survey study research university "
         "students teachers parents children families pensioners doctors nurses patients ambulance "
         "weather forecast rain wind snow heat record highest lowest rise fall increase decrease").split()
NAMES = ["Anna Petrov", "Tomás Ferreira", "Sam O'Neill", "Gwen Howells", "Lena Braun", "Rhian Morgan",
         "Dafydd Morgan", "Mei Chen", "Olu Adeyemi", "Priya Nair", "Jonas Lind", "Chloé Martin"]
OUTLETS = [("news.harbour-gazette.example", "The Harbour Gazette"),
           ("www.coastal-times.example", "The Coastal Times"),
           ("valley-echo.example", "Valley Echo"),
           ("www.northern-ledger.example", "Northern Ledger"),
           ("metro.daily-lantern.example", "The Daily Lantern")]
SECTIONS = ["news", "business", "sport", "culture", "opinion", "local", "world"]


def sentence(rng):
    words = rng.choices(WORDS, k=rng.randint(8, 24))
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(NAMES))
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def article(rng, target_bytes):
    paragraphs = []
    size = 0
    while size < target_bytes:
        p = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        paragraphs.append(p)
        size += len(p) + 10
    return paragraphs


def furniture(rng, outlet, section):
    host, name = outlet
    nav = "".join(f'<li><a href="/{s}/">{s.title()}</a></li>' for s in SECTIONS)
    ads = "".join(f'<div class="ad ad-{i}" data-slot="{rng.randint(1000, 9999)}">Advertisement — '
                  f'{sentence(rng)}</div>\n' for i in range(rng.randint(2, 5)))
    related = "".join(f'<li><a href="https://{host}/{rng.choice(SECTIONS)}/2024/{rng.randint(1, 12):02d}/'
                      f'{"-".join(rng.choices(WORDS, k=4))}">{sentence(rng)}</a></li>' for _ in range(rng.randint(4, 10)))
    comments = "".join(f'<div class="comment"><b>{rng.choice(NAMES).split()[0].lower()}{rng.randint(1, 99)}</b> '
                       f'{sentence(rng)}</div>' for _ in range(rng.randint(0, 25)))
    script = "<script>" + "var cfg=" + repr({"k%d" % i: rng.randint(0, 10**9) for i in range(rng.randint(20, 200))}) + ";</script>"
    head = (f'<header class="site-header"><a class="logo" href="/">{name}</a><nav><ul>{nav}</ul></nav></header>\n'
            f'<div id="cookie-banner" role="dialog">We use cookies to improve your experience. '
            f'<button>Accept all</button> <button>Manage choices</button></div>\n{ads}')
    foot = (f'<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>\n'
            f'<section class="comments"><h2>Comments</h2>{comments}</section>\n'
            f'<footer><p>&copy; 2024 {name} · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>')
    return script, head, foot


def page(rng, outlet, section, title, author, date, paragraphs):
    script, head, foot = furniture(rng, outlet, section)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{script}</head>'
            f'<body>\n{head}<main><article><h1>{title}</h1><p class="byline">By {author} · '
            f'<time datetime="{date}">{date[:10]}</time></p>\n{body}\n</article></main>\n{foot}\n</body></html>\n').encode()


def article_bytes(rng):
    """Length of an article's text, in bytes: log-normal around real news (median 4.5 KB)."""
    return int(min(40_000, max(1_200, rng.lognormvariate(math.log(4_500), 0.7))))


def page_bytes(rng):
    """Size of a whole page, in bytes: log-normal around real news pages (median 120 KB)."""
    return int(min(400_000, max(50_000, rng.lognormvariate(math.log(120_000), 0.5))))


def padding(rng, host):
    """A block of the markup that makes up most of a real page: inline state, styles, menus."""
    kind = rng.random()
    if kind < 0.5:
        state = {"page": {"id": rng.randint(1, 10**9), "tags": rng.choices(WORDS, k=12),
                          "teasers": [{"url": f"https://{host}/{rng.choice(SECTIONS)}/{rng.randint(1, 99999)}",
                                       "headline": sentence(rng), "image": f"/img/{rng.randint(1, 10**6)}.jpg"}
                                      for _ in range(rng.randint(10, 40))]}}
        return f'<script type="application/json" id="__STATE_{rng.randint(1, 10**6)}__">{json.dumps(state)}</script>\n'
    if kind < 0.8:
        rules = "".join(f".c-{rng.randint(1, 10**6):x}{{margin:{rng.randint(0, 40)}px;color:#{rng.randint(0, 0xFFFFFF):06x};"
                        f"font-size:{rng.randint(10, 30)}px}}" for _ in range(rng.randint(40, 160)))
        return f"<style>{rules}</style>\n"
    items = "".join(f'<li class="menu-item"><a href="https://{host}/{rng.choice(SECTIONS)}/{"-".join(rng.choices(WORDS, k=3))}" '
                    f'data-track="nav-{rng.randint(1, 999)}">{rng.choice(WORDS).title()}</a></li>' for _ in range(rng.randint(20, 60)))
    return f'<nav class="mega-menu" aria-hidden="true"><ul>{items}</ul></nav>\n'


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(kind, uri, date, content_type, block, extra=()):
    rid = "<urn:uuid:%s>" % uuid.UUID(int=random.getrandbits(128))
    headers = [("WARC-Type", kind), ("WARC-Record-ID", rid), ("WARC-Date", date)]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers += list(extra)
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n", rid


def member(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, required=True, help="approximate output size in MB (compressed)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    random.seed(args.seed)
    limit = int(args.size_mb * 1_000_000)
    written = 0
    captures = 0
    earlier = []  # (title, author, paragraphs) for reprints
    previous_response = None
    with open(args.out, "wb") as out:
        info = b"software: copydesk bench/warc_generate.py\r\nformat: WARC File Format 1.1\r\n"
        data, _ = record("warcinfo", None, "2024-03-01T00:00:00Z", "application/warc-fields", info)
        written += out.write(member(data))
        while written < limit:
            captures += 1
            day = 1 + captures % 28
            date = f"2024-03-{day:02d}T{captures % 24:02d}:{captures % 60:02d}:{(captures * 7) % 60:02d}Z"
            outlet = rng.choice(OUTLETS)
            section = rng.choice(SECTIONS)
            if earlier and rng.random() < 1 / 12:
                title, author, paragraphs = rng.choice(earlier)
            else:
                title = sentence(rng).rstrip(".?!")[:90]
                author = rng.choice(NAMES)
                paragraphs = article(rng, article_bytes(rng))
                if len(earlier) < 500:
                    earlier.append((title, author, paragraphs))
                else:
                    earlier[rng.randrange(500)] = (title, author, paragraphs)
            slug = "-".join(title.lower().split()[:8])
            uri = f"https://{outlet[0]}/{section}/2024/03/{slug}-{captures}"
            if previous_response and rng.random() < 1 / 40:
                prev_uri, prev_date, prev_digest = previous_response
                http = b"HTTP/1.1 304 Not Modified\r\nDate: Fri, 01 Mar 2024 00:00:00 GMT\r\n\r\n"
                data, _ = record("revisit", prev_uri, date, "application/http; msgtype=response", http, [
                    ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"),
                    ("WARC-Refers-To-Target-URI", prev_uri), ("WARC-Refers-To-Date", prev_date),
                    ("WARC-Payload-Digest", prev_digest)])
                written += out.write(member(data))
                continue
            html = page(rng, outlet, section, title, author, date, paragraphs)
            target = page_bytes(rng)
            blocks = []
            size = len(html)
            while size < target:
                blocks.append(padding(rng, outlet[0]))
                size += len(blocks[-1])
            # Half the padding in the head (state, styles), half before </body> (menus, scripts).
            half = len(blocks) // 2
            html = html.replace(b"</head>", "".join(blocks[:half]).encode() + b"</head>", 1)
            html = html.replace(b"</body>", "".join(blocks[half:]).encode() + b"</body>", 1)
            request = (f"GET /{uri.split('/', 3)[3]} HTTP/1.1\r\nHost: {outlet[0]}\r\n"
                       f"User-Agent: copydesk-bench/1.0\r\nAccept-Encoding: gzip\r\n\r\n").encode()
            data, request_id = record("request", uri, date, "application/http; msgtype=request", request)
            written += out.write(member(data))
            body = html
            headers = "Content-Type: text/html; charset=utf-8\r\n"
            if rng.random() < 0.2:
                body = gzip.compress(html, mtime=0)
                headers += "Content-Encoding: gzip\r\n"
            http = (f"HTTP/1.1 200 OK\r\nDate: Fri, 01 Mar 2024 00:00:00 GMT\r\n{headers}"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
            payload_digest = digest(body)
            data, response_id = record("response", uri, date, "application/http; msgtype=response", http, [
                ("WARC-Concurrent-To", request_id), ("WARC-IP-Address", f"192.0.2.{captures % 250 + 1}"),
                ("WARC-Payload-Digest", payload_digest)])
            written += out.write(member(data))
            previous_response = (uri, date, payload_digest)
            if rng.random() < 1 / 50:
                meta = f"fetchTimeMs: {rng.randint(20, 900)}\r\noutlink: https://{outlet[0]}/\r\n".encode()
                data, _ = record("metadata", uri, date, "application/warc-fields", meta, [("WARC-Refers-To", response_id)])
                written += out.write(member(data))
    print(f"wrote {args.out}: {written / 1e6:.1f} MB, {captures} captures")


if __name__ == "__main__":
    main()
