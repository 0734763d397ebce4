#!/usr/bin/env python3
"""Regenerates the WARC fixtures of NormalizeTests (the tests only read the committed files).

The well-formed files are written by warcio (an independent WARC implementation), so the Swift
reader is not only checked against its own idea of the format:

    python3 -m venv /tmp/warcvenv && /tmp/warcvenv/bin/pip install warcio
    /tmp/warcvenv/bin/python Tests/NormalizeTests/Fixtures/warc/make_fixtures.py

The damaged variants are cut and patched from those files with offsets warcio reports.
Output is deterministic (fixed dates and record IDs, gzip headers without a time stamp).
"""
import gzip
import io
import json
import os
import uuid
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))

NAV = """<header class="site-header">
  <a class="logo" href="/">The Harbour Gazette</a>
  <nav><ul><li><a href="/news/">News</a></li><li><a href="/business/">Business</a></li>
  <li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li>
  <li><a href="/weather/">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<div id="cookie-banner" role="dialog">We use cookies to improve your experience and to show
  relevant advertising. <button>Accept all</button> <button>Manage choices</button></div>
<div class="ad ad-leaderboard">Advertisement — Spring sale on garden furniture, 30% off</div>"""

FOOTER = """<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/news/2024/03/ferry-timetable-changes">Ferry timetable changes from April</a></li>
  <li><a href="/news/2024/03/harbour-wall-repairs">Harbour wall repairs to start next month</a></li>
  <li><a href="/business/2024/03/fish-market-prices">Fish market prices climb for third week</a></li></ul></aside>
<section class="comments"><h2>Comments (3)</h2>
  <div class="comment"><b>seagull_watcher</b> Finally some common sense from the council.</div>
  <div class="comment"><b>mary.k</b> Who is going to pay for all this?</div>
  <div class="comment"><b>DockWorker77</b> Been saying this for years.</div></section>
<div class="ad ad-footer">Advertisement — Book your summer ferry crossing now</div>
<footer><p>&copy; 2024 The Harbour Gazette · <a href="/privacy">Privacy</a> ·
  <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p></footer>"""

ARTICLES = [
    ("http://news.harbour-gazette.example/news/2024/03/council-approves-new-marina",
     "Council approves new marina after two-year dispute",
     "Anna Petrov", "2024-03-11T09:30:00Z",
     ["The town council voted nine to four on Monday evening to approve the long-disputed marina "
      "development on the eastern quay, ending a planning battle that began in the spring of 2022.",
      "The scheme will add 240 berths, a boatyard and a public promenade. Opponents had argued that "
      "the dredging required would damage the mussel beds that supply three local businesses.",
      "\u201cWe have listened, and the final plan moves the dredging channel away from the beds,\u201d "
      "said the council leader, Gwen Howells. Work is expected to begin in September.",
      "The harbour fishermen\u2019s association said it would study the conditions attached to the "
      "permission before deciding whether to seek a judicial review."]),
    ("http://news.harbour-gazette.example/business/2024/03/bakery-chain-expands",
     "Family bakery chain opens its tenth shop",
     "Tomás Ferreira", "2024-03-12T07:15:00Z",
     ["Crumb & Co., the bakery founded in a back-street garage in 1987, opened its tenth shop on "
      "Market Street on Tuesday, creating fourteen jobs.",
      "The owners, siblings Rhian and Dafydd Morgan, said rising flour and energy prices had made "
      "the expansion \u201ca calculated risk\u201d but that demand for their sourdough had never been higher.",
      "The new shop will also host evening baking classes for schools."]),
    ("https://www.coastal-times.example/sport/2024/03/rowing-club-wins-regatta",
     "Rowing club wins first regatta in a decade",
     "Sam O'Neill", "2024-03-13T18:45:00Z",
     ["The Harbour Rowing Club won the coastal regatta on Saturday for the first time since 2014, "
      "beating eleven crews in choppy conditions.",
      "Coach Lena Braun credited a winter of early-morning training sessions. \u201cThey rowed in sleet "
      "in January. Today was their reward,\u201d she said.",
      "The club will now represent the region at the national championships in July."]),
]


def page(url, title, author, published, paragraphs):
    body = "\n".join(f"  <p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Harbour Gazette</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'event':'pageview'}});</script>
</head><body>
{NAV}
<main><article>
  <h1>{title}</h1>
  <p class="byline">By {author} · <time datetime="{published}">{published[:10]}</time></p>
{body}
  <div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
</article></main>
{FOOTER}
</body></html>
""".encode("utf-8")


class FixedWriter(WARCWriter):
    """warcio's writer with deterministic record IDs and dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.counter = 0

    def _make_warc_id(self, id_=None):
        self.counter += 1
        return "<urn:uuid:%s>" % uuid.UUID(int=0x5EED0000 + self.counter)

    def curr_warc_date(self):
        return "2024-03-14T12:00:00Z" if self.warc_version == "WARC/1.0" else "2024-03-14T12:00:00.250000Z"


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def write_warc(path, version, compress):
    """warcinfo, then request/response pairs, a revisit, a metadata record, a 404 and a resource."""
    with open(path, "wb") as fh:
        writer = FixedWriter(fh, gzip=compress, warc_version=version)
        writer.write_record(writer.create_warcinfo_record(os.path.basename(path), {
            "software": "make_fixtures.py (warcio)", "format": "WARC File Format " + version,
            "isPartOf": "copydesk-fixtures", "robots": "obey"}))
        dates = ["2024-03-11T10:00:00Z", "2024-03-12T08:00:00Z", "2024-03-13T19:00:00Z"]
        for index, (url, title, author, published, paragraphs) in enumerate(ARTICLES):
            html = page(url, title, author, published, paragraphs)
            host = url.split("/")[2]
            request = StatusAndHeaders("GET /" + url.split("/", 3)[3] + " HTTP/1.1",
                                       [("Host", host), ("User-Agent", "copydesk-fixtures/1.0"),
                                        ("Accept-Encoding", "gzip")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", http_headers=request,
                warc_headers_dict={"WARC-Date": dates[index]}))
            headers = [("Date", "Mon, 11 Mar 2024 10:00:00 GMT"), ("Content-Type", "text/html; charset=utf-8")]
            body = html
            if index == 1:
                # Kept as the raw transfer: gzip content coding inside chunked transfer coding.
                gz = gzip.compress(html, mtime=0)
                body = chunked(gz)
                headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
            else:
                headers += [("Content-Length", str(len(html)))]
            response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=response,
                warc_headers_dict={"WARC-Date": dates[index], "WARC-IP-Address": "192.0.2.%d" % (10 + index)}))
        # The first article captured again, unchanged: a revisit with the HTTP headers only.
        first = ARTICLES[0][0]
        digest = None
        with open(path, "rb") as check:
            for record in ArchiveIterator(check):
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == first:
                    digest = record.rec_headers.get_header("WARC-Payload-Digest")
                    break
        revisit_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                      ("Content-Length", "0")], protocol="HTTP/1.1")
        writer.write_record(writer.create_revisit_record(
            first, digest, first, "2024-03-11T10:00:00Z", http_headers=revisit_headers,
            warc_headers_dict={"WARC-Date": "2024-03-15T06:00:00Z"}))
        outlinks = ("outlink: http://news.harbour-gazette.example/news/2024/03/ferry-timetable-changes a/@href\r\n"
                    "outlink: http://news.harbour-gazette.example/privacy a/@href\r\n").encode()
        writer.write_record(writer.create_warc_record(
            first, "metadata", payload=io.BytesIO(outlinks), length=len(outlinks),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": "2024-03-11T10:00:00Z"}))
        missing = b"<html><body><h1>Page not found</h1><p>Try the <a href='/'>front page</a>.</p></body></html>"
        writer.write_record(writer.create_warc_record(
            "http://news.harbour-gazette.example/news/2024/03/deleted-story", "response",
            payload=io.BytesIO(missing), length=len(missing),
            http_headers=StatusAndHeaders("404 Not Found", [("Content-Type", "text/html"),
                                                            ("Content-Length", str(len(missing)))],
                                          protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-03-16T09:00:00Z"}))
        note = page("https://www.coastal-times.example/opinion/2024/03/letters", "Letters to the editor",
                    "Readers", "2024-03-16T10:00:00Z", ["The new marina will bring visitors year round."])
        writer.write_record(writer.create_warc_record(
            "https://www.coastal-times.example/opinion/2024/03/letters", "resource",
            payload=io.BytesIO(note), length=len(note), warc_content_type="text/html",
            warc_headers_dict={"WARC-Date": "2024-03-16T10:00:00Z"}))


def records(path):
    """(offset, length, type, uri) of every record, as warcio reads them."""
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        out = []
        for record in iterator:
            record.content_stream().read()
            out.append((iterator.get_record_offset(), iterator.get_record_length(), record.rec_type,
                        record.rec_headers.get_header("WARC-Target-URI")))
        return out


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(data)


def main():
    write_warc(os.path.join(HERE, "news-1.1.warc.gz"), "1.1", True)
    write_warc(os.path.join(HERE, "news-1.0.warc.gz"), "1.0", True)
    write_warc(os.path.join(HERE, "news-1.1.warc"), "1.1", False)
    write_warc(os.path.join(HERE, "news-1.0.warc"), "1.0", False)

    manifest = {}
    for name in ["news-1.1.warc.gz", "news-1.0.warc.gz", "news-1.1.warc", "news-1.0.warc"]:
        manifest[name] = [{"offset": o, "length": n, "type": t, "uri": u} for o, n, t, u in records(os.path.join(HERE, name))]
    with open(os.path.join(HERE, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
        fh.write("\n")

    gz = open(os.path.join(HERE, "news-1.1.warc.gz"), "rb").read()
    members = manifest["news-1.1.warc.gz"]
    # Record 4 is the second response (the chunked one); record 2 the first response.
    r2, r4, r5 = members[2], members[4], members[5]

    # Cut in the middle of the last record's member: everything before it still reads.
    last = members[-1]
    write("truncated.warc.gz", gz[:last["offset"] + last["length"] // 2])
    # Bytes flipped inside the first response's deflate data.
    damaged = bytearray(gz)
    for i in range(r2["offset"] + 40, r2["offset"] + 60):
        damaged[i] ^= 0x5A
    write("corrupt-member.warc.gz", bytes(damaged))
    # Junk between two members.
    junk = b"\x00\x00JUNK-BETWEEN-MEMBERS\r\n" * 4
    write("garbage-between.warc.gz", gz[:r4["offset"]] + junk + gz[r4["offset"]:])
    # A member cut short (an interrupted write) with the rest of the file appended after it.
    write("cut-member.warc.gz", gz[:r4["offset"] + r4["length"] // 2] + gz[r5["offset"]:])
    # A record whose Content-Length is 300 bytes too long, re-compressed on its own.
    plain_record = gzip.decompress(gz[r2["offset"]:r2["offset"] + r2["length"]])
    declared = int(plain_record.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    lying = plain_record.replace(b"Content-Length: %d\r\n" % declared, b"Content-Length: %d\r\n" % (declared + 300), 1)
    write("lying-length.warc.gz", gz[:r2["offset"]] + gzip.compress(lying, mtime=0) + gz[r2["offset"] + r2["length"]:])
    # The whole plain file as one gzip member (plain `gzip file.warc`).
    plain = open(os.path.join(HERE, "news-1.1.warc"), "rb").read()
    write("single-member.warc.gz", gzip.compress(plain, mtime=0))

    # Plain damage.
    p = manifest["news-1.1.warc"]
    p2, p3, p4, p5, p6 = p[2], p[3], p[4], p[5], p[6]
    write("truncated.warc", plain[:p[-1]["offset"] + p[-1]["length"] // 2])
    write("garbage-between.warc", plain[:p4["offset"]] + b"garbage line one\r\nWARCish but not /1.0\r\n" + plain[p4["offset"]:])
    # (warcio's plain record lengths leave out the CRLF CRLF that ends a record: slice by offsets.)
    # Content-Length too long (runs into the next record) on record 2, too short on record 5.
    rec2 = plain[p2["offset"]:p3["offset"]]
    n2 = int(rec2.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    rec2 = rec2.replace(b"Content-Length: %d\r\n" % n2, b"Content-Length: %d\r\n" % (n2 + 900), 1)
    rec5 = plain[p5["offset"]:p6["offset"]]
    n5 = int(rec5.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    rec5 = rec5.replace(b"Content-Length: %d\r\n" % n5, b"Content-Length: %d\r\n" % (n5 - 120), 1)
    write("lying-length.warc", plain[:p2["offset"]] + rec2 + plain[p3["offset"]:p5["offset"]] + rec5 + plain[p6["offset"]:])
    # Bare LF everywhere in record 3's header and its terminator, the others untouched.
    rec3 = plain[p3["offset"]:p4["offset"]]
    head, _, block_and_end = rec3.partition(b"\r\n\r\n")
    n3 = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    block = block_and_end[:n3]
    write("missing-crlf.warc", plain[:p3["offset"]] + head.replace(b"\r\n", b"\n") + b"\n\n" + block + b"\n\n" + plain[p4["offset"]:])


if __name__ == "__main__":
    main()
