"""Feeds (issue 4): entries/s on a 10,000-entry RSS and Atom feed vs feedparser; peak RSS of a
100 MB sitemap (plain and gzip)."""
import subprocess
import sys

from common import BENCH, BIN, VENV_PYTHON, WORK, Row, log, measure, spread


def inputs(entries, sitemap_mb):
    folder = WORK / f"feeds-{entries}-{sitemap_mb}mb"
    if not (folder / "sitemap.xml.gz").exists():
        log(f"generating feeds ({entries} entries) and a {sitemap_mb} MB sitemap in {folder}")
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, BENCH / "feeds_generate.py", folder, str(sitemap_mb), str(entries)], check=True)
    return folder


def run(quick, peers):
    entries = 10_000
    sitemap_mb = 10 if quick else 100
    repeats = 1 if quick else 3
    # Ours takes a fraction of a second per run, so its median needs more runs on a shared machine.
    our_repeats = 1 if quick else 7
    folder = inputs(entries, sitemap_mb)
    rows, raw = [], {"entries": entries, "sitemap_mb": sitemap_mb, "repeats": repeats}
    for kind in ("rss", "atom"):
        path = folder / f"feed-{kind}.xml"
        name = f"feed parsing, {entries // 1000}k-entry {kind.upper()}"
        ours = []
        for _ in range(our_repeats):
            m = measure([BIN, "feed", path, "--count"]).check("copydesk feed")
            count = int(m.stdout.split()[-1])
            if count != entries:
                raise RuntimeError(f"copydesk feed counted {count} entries in {path}, expected {entries}")
            ours.append(m)
        rate_ours = spread(entries / m.wall for m in ours)
        if peers.get("feedparser"):
            theirs = []
            for _ in range(repeats):
                m = measure([VENV_PYTHON, BENCH / "feeds_feedparser.py", path]).check("feedparser")
                count, seconds = m.stdout.split()
                theirs.append((int(count), float(seconds), m))
            rate_peer = spread(entries / seconds for _, seconds, _ in theirs)
            ratio = rate_ours.median / rate_peer.median
            rows.append(Row(name, "entries/s", "entries/s", rate_ours, rate_peer, "feedparser", ratio, "ours/feedparser",
                            ">= 20x feedparser", ratio >= 20,
                            note="ours: whole process (start, read, parse); feedparser: parse() call only"))
            rows.append(Row(name, "peak RSS", "MB", spread(m.peak_rss / 1e6 for m in ours),
                            spread(m.peak_rss / 1e6 for _, _, m in theirs), "feedparser"))
        else:
            rows.append(Row(name, "entries/s", "entries/s", rate_ours, None, "feedparser (missing)", None, "",
                            ">= 20x feedparser", None, note="peer missing: pip could not install feedparser"))
    for suffix in ("xml", "xml.gz"):
        path = folder / f"sitemap.{suffix}"
        runs = [measure([BIN, "feed", path, "--count"]).check("copydesk feed sitemap") for _ in range(repeats)]
        urls = int(runs[0].stdout.split()[-1])
        peak = spread(m.peak_rss / 1e6 for m in runs)
        megabytes = (folder / "sitemap.xml").stat().st_size / 1e6
        label = f"sitemap {megabytes:.0f} MB" + (" gzip" if suffix.endswith("gz") else "")
        rows.append(Row(label, "peak RSS", "MB", peak, target="< 50 MB", met=peak.high < 50,
                        note=f"{urls} URLs; no peer (feedparser does not read sitemaps)"))
        rows.append(Row(label, "URLs/s", "URLs/s", spread(urls / m.wall for m in runs)))
        raw[f"sitemap_{suffix}_urls"] = urls
    return rows, raw
