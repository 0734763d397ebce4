#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from the test fixtures and small
hand-made inputs. Run from the repository root; the output is committed, rerun only when
the fixtures change."""
import gzip, hashlib, os, shutil, glob

ROOT = "fuzz/corpus"
FIX = "Tests/NormalizeTests/Fixtures"

def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def files(pattern, limit=200_000):
    for path in sorted(glob.glob(pattern)):
        with open(path, "rb") as f:
            data = f.read()
        if len(data) <= limit:
            yield os.path.basename(path), data

shutil.rmtree(ROOT, ignore_errors=True)
for name, data in files(f"{FIX}/feeds/*"):
    put("feed", data, name)
for name, data in files("Tests/PipelineTests/Fixtures/feeds/*"):
    put("feed", data, "pipeline-" + name)
for name, data in files(f"{FIX}/sitemaps/*"):
    put("sitemap", data, name)
put("sitemap", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    '<sitemap><loc>/s1.xml</loc><lastmod>2026-01-02</lastmod></sitemap></sitemapindex>', "relative-index.xml")
for name, data in files(f"{FIX}/opml/*"):
    put("opml", data, name)
put("opml", '<opml version="2.0"><head><title>t</title></head><body><outline text="f">'
    '<outline text="a" xmlUrl="https://a.example/feed"/></outline></body></opml>', "nested.opml")
# The article and charset targets read their first byte as a header selector.
for i, (name, data) in enumerate(files(f"{FIX}/articles/*") ):
    put("article", bytes([i]) + data, name)
for i, (name, data) in enumerate(files(f"{FIX}/pages/*")):
    put("article", bytes([0x80 + i]) + data, name)
charset_docs = [
    b'<meta charset="shift_jis"><p>\x93\xfa\x96\x7b</p>',
    b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>\xf0\xd2\xc9</p>',
    b'\xef\xbb\xbf<p>caf\xc3\xa9</p>', b'\xff\xfe<\x00p\x00>\x00', b'\xfe\xff\x00<\x00p',
    b'<p>caf\xe9 \x93quoted\x94</p>', b'<?xml version="1.0" encoding="iso-8859-15"?><p>\xa4</p>',
    b'<p>broken \xc3 utf-8 \xe2\x82</p>',
]
for i, doc in enumerate(charset_docs):
    put("charset", bytes([i]) + doc)
for name, data in files(f"{FIX}/warc/*.warc*", limit=60_000):
    put("warc", data, name)
put("warc", b"filedesc://a.arc 0.0.0.0 20260101000000 text/plain 76\n1 0 Alexa\nURL IP-address Archive-date Content-type Archive-length\n\n"
    b"http://a.example/ 1.2.3.4 20260101000000 text/html 56\nHTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\n\n", "v1.arc")
put("warc", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
    b"Content-Length: 91\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n5\r\nhello\r\n0\r\n\r\n\r\n\r\n", mtime=0), "chunked.warc.gz")
robots = [
    "User-agent: *\nDisallow: /private/\nAllow: /private/ok\nCrawl-delay: 2\nSitemap: https://news.example/sitemap.xml\n",
    "User-agent: copydesk\nDisallow: /*.pdf$\nDisallow: /search?\n\nUser-agent: *\nDisallow: /\n",
    "user-agent: Copydesk/1.0\nallow: /\ndisallow: /a*b*c*d$\n# comment\ncrawl-delay: 0.5\n",
    "\ufeffUser-agent: *\r\nDisallow: /%7Euser/\r\nAllow: /$\r\nSitemap: /relative.xml\r\n",
    "User-agent: a\nUser-agent: copydesk\nDisallow:\n\nUser-agent: *\nDisallow: /x\n",
]
for text in robots:
    put("robots", text)
urls = [
    "https://Example.com/a?utm_source=x", "https://example.com./a", "https://example.com/%7Euser/%61bc%2fdef%c3%a9",
    "https://example.com/a/./b/../c", "https://example.com/a?b=2&a=2&a=1", "https://user:pw@example.com/a",
    "https://example.com:8443/a#frag", "http://[::1]:80/a?x", "https://xn--caf-dma.example/caf%C3%A9?q=a%20b",
    "https://example.com/a?fbclid=x&gclid=y&id=7", "https://example.com:99999/", "HTTP://EXAMPLE.COM/A/b/..",
]
for url in urls:
    put("url", url)
# Findings of the url target (FuzzRegressionURLTests): kept as seeds so the fuzzer starts there.
put("url", b"http://V::1]:tp://[::1]:880/a?x", "finding-bracket-host")
put("url", b"https://\x9b\x8eample.com/a/./b/../\x00\x01\x00\x00\x00\x00\x00\x02c", "finding-host-not-url")
put("url", b"https://htt?\x00.p.xm&\xe3&aHHHl&\xcc\xb6]bm9?32&\xa8=4/./=/./1", "finding-combining-query")
for text in ["7", "3600", "-1", " 12 ", "Sun, 21 Sep 2026 14:13:50 GMT", "Sunday, 21-Sep-26 14:13:30 GMT",
             "Sun Sep 21 14:13:25 2026", "soon", "Mon, 31 Feb 2026 99:00:00 GMT", "99999999999999999999"]:
    put("http", text)
with open("pipeline.json", "rb") as f:
    put("config", f.read(), "pipeline.json")
put("config", '{"sources":[{"name":"a","type":"rss","url":"https://a.example/feed"}],"fetch":{"concurrency":4}}', "small.json")
put("config", '{"sources":[],"state":{"url":"postgresql://localhost/x"},"worker":{"name":"w1","leaseSeconds":30}}', "postgres.json")
put("config", '{"sources":[{"name":"s","type":"sitemap","url":"https://a.example/s.xml","articlePattern":"/news/"}],'
    '"dedupe":{"threshold":0.5,"windowDays":3,"policy":"flag"},"output":{"directory":"out"}}', "sitemap.json")
