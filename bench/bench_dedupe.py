"""Dedupe (issues 6, 19): a synthetic stream through `copydesk-bench dedupe` (fingerprint +
query + insert on all cores, bytes per indexed document, query time at 10k/100k/1M indexed) and
through datasketch MinHash(128) + MinHashLSH and rensa (Rust MinHash + LSH) on the same stream."""
from common import BENCH, BENCH_BIN, VENV_PYTHON, WORK, Row, key_values, log, measure, spread


PEER_DOCS = 25_000


def stream(documents):
    path = WORK / f"dedupe-stream-{documents}.jsonl"
    if not path.exists() or path.stat().st_size == 0:
        log(f"generating a {documents}-document dedupe stream in {path}")
        WORK.mkdir(parents=True, exist_ok=True)
        m = measure([BENCH_BIN, "dedupe", "--generate", str(documents)]).check("copydesk-bench dedupe --generate")
        path.write_text(m.stdout)
    return path


def run(quick, peers):
    documents = 10_000 if quick else 100_000
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    repeats = 1 if quick else 3
    path = stream(documents)
    name = f"dedupe, {documents // 1000}k-document stream"
    # The first run also fills the index to every size; the others time the stream only.
    runs = []
    for number in range(repeats):
        bench_sizes = ",".join(map(str, sizes)) if number == 0 else str(sizes[0])
        log(f"dedupe run {number + 1}/{repeats} (index sizes {bench_sizes})")
        m = measure([BENCH_BIN, "dedupe", "--sizes", bench_sizes, path], timeout=900).check("copydesk-bench dedupe")
        runs.append((m, key_values(m.stdout)))
    first = runs[0][1]
    rate_ours = spread(int(kv["stream.docs_per_second"]) for _, kv in runs)
    cpu_rate_ours = spread(int(kv["stream.docs_per_cpu_second"]) for _, kv in runs)
    raw = {"documents": documents, "repeats": repeats, "copydesk": [kv for _, kv in runs]}
    rows = []
    for peer, target_text, wanted in (("datasketch", ">= 10x datasketch and >= 20,000/s", 10.0), ("rensa", ">= 3x rensa", 3.0)):
        if not peers.get(peer):
            rows.append(Row(name, "docs/s (signature + query + insert)", "docs/s", rate_ours, None, f"{peer} (missing)", None,
                            "", target_text, None, note=f"peer missing: pip could not install {peer}"))
            continue
        # A peer's rate is set by its per-document MinHash, not by the index size, so the first
        # PEER_DOCS documents of the same stream measure it (all 100k take datasketch 90 s).
        peer_docs = min(documents, PEER_DOCS)
        log(f"{peer} MinHash(128) + LSH on the first {peer_docs} documents of the same stream")
        result = key_values(measure([VENV_PYTHON, BENCH / "dedupe_peer.py", peer, path, str(peer_docs)],
                                    timeout=1800).check(peer).stdout)
        raw[peer] = result
        rate_peer = int(result[f"{peer}.docs_per_second"])
        ratio = rate_ours.median / rate_peer
        met = ratio >= wanted and (rate_ours.median >= 20_000 if peer == "datasketch" else True)
        rows.append(Row(name, "docs/s (signature + query + insert)", "docs/s", rate_ours, rate_peer, peer, ratio,
                        f"ours/{peer}", target_text, met,
                        note=f"ours: median of {repeats} runs over {documents} docs on {first.get('stream.cores')} cores; "
                             f"{peer}: one run over the first {peer_docs} docs, single-threaded, end to end in Python"))
        rows.append(Row(name, "docs per CPU-second", "docs/cpu-s", cpu_rate_ours, int(result[f"{peer}.docs_per_cpu_second"]),
                        peer, cpu_rate_ours.median / int(result[f"{peer}.docs_per_cpu_second"]), f"ours/{peer}"))
        raw.setdefault("duplicates", {"copydesk": first.get("stream.duplicates")})[peer] = result.get(f"{peer}.duplicates")
    per_doc = int(first["stream.bytes_per_indexed_doc"])
    rows.append(Row(name, "bytes per indexed document", "B", per_doc, target="<= 1024 B", met=per_doc <= 1024,
                    note="as the engine counts its index memory"))
    query = {size: float(first[f"scale.{size}.query_cpu_microseconds"]) for size in sizes}
    smallest, largest = sizes[0], sizes[-1]
    growth = query[largest] / query[smallest] if query[smallest] else None
    for size in sizes:
        rows.append(Row(f"dedupe query, {size // 1000}k indexed", "query CPU time", "us", query[size],
                        target="flat (<= 2x the 10k time)" if size == largest else "",
                        met=(growth <= 2) if size == largest and growth else None,
                        note=f"{growth:.2f}x the {smallest // 1000}k time" if size == largest and growth else ""))
    if "startup.seconds" in first:
        rows.append(Row(f"dedupe start-up, {int(first['startup.indexed']) // 1000}k indexed from SQLite", "seconds", "s",
                        float(first["startup.seconds"])))
    return rows, raw
