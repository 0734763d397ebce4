"""Generate the feeds benchmark inputs: an N-entry (default 10,000) RSS 2.0 feed, an N-entry Atom
feed and a sitemap of about SITEMAP_MB megabytes (plain and gzip-compressed).

usage: feeds_generate.py OUT_DIR SITEMAP_MB [N]"""
import gzip
import os
import sys

out, sitemap_mb = sys.argv[1], int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
PARA = ("<p>The council met on Thursday evening to discuss the harbour budget, the new bus routes and "
        "the repairs to the sea wall, which were damaged by the winter storms.</p>") * 3

with open(os.path.join(out, "feed-rss.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><title>Bench Gazette</title><link>https://bench.example/</link><ttl>15</ttl>\n")
    for i in range(N):
        day = i % 28 + 1
        f.write(f"<item><title>Story number {i}: council approves budget &amp; repairs</title>"
                f"<link>https://bench.example/2024/03/{day:02d}/story-number-{i}-council-budget?utm_source=rss</link>"
                f'<guid isPermaLink="false">bench-{i}</guid>'
                f"<pubDate>Fri, {day:02d} Mar 2024 {i % 24:02d}:{i % 60:02d}:00 +0000</pubDate>"
                f"<dc:creator>Reporter {i % 50}</dc:creator><category>Local</category><category>Council</category>"
                f"<description>Summary of story {i}.</description>"
                f"<content:encoded><![CDATA[{PARA}]]></content:encoded></item>\n")
    f.write("</channel></rss>\n")

with open(os.path.join(out, "feed-atom.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
            '<title>Bench Times</title><link href="https://bench.example/"/><id>tag:bench.example,2024:feed</id>'
            "<updated>2024-03-15T10:00:00Z</updated><author><name>Desk</name></author>\n")
    for i in range(N):
        day = i % 28 + 1
        f.write(f"<entry><title>Story number {i}</title>"
                f'<link rel="alternate" type="text/html" href="https://bench.example/2024/03/{day:02d}/story-{i}"/>'
                f"<id>tag:bench.example,2024:{i}</id><published>2024-03-{day:02d}T10:00:00+01:00</published>"
                f"<updated>2024-03-{day:02d}T11:00:00Z</updated><author><name>Reporter {i % 50}</name></author>"
                f'<category term="local"/><summary>Summary of story {i}.</summary>'
                f'<content type="html">{PARA.replace("<", "&lt;").replace(">", "&gt;")}</content></entry>\n')
    f.write("</feed>\n")

target = sitemap_mb * 1_000_000
path = os.path.join(out, "sitemap.xml")
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n')
    i = 0
    while f.tell() < target:
        day = i % 28 + 1
        f.write(f"<url><loc>https://bench.example/news/2024/02/{day:02d}/a-long-article-slug-number-{i}</loc>"
                f"<lastmod>2024-02-{day:02d}T{i % 24:02d}:00:00+00:00</lastmod><changefreq>never</changefreq>"
                + (f"<news:news><news:publication><news:name>Bench</news:name><news:language>en</news:language>"
                   f"</news:publication><news:publication_date>2024-02-{day:02d}</news:publication_date>"
                   f"<news:title>Story {i}</news:title></news:news>" if i % 10 == 0 else "")
                + "</url>\n")
        i += 1
    f.write("</urlset>\n")
with open(path, "rb") as src, gzip.open(path + ".gz", "wb", compresslevel=6) as dst:
    while chunk := src.read(1 << 20):
        dst.write(chunk)
