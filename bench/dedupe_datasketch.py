#!/usr/bin/env python3
"""Baseline for bench/dedupe.sh: datasketch MinHash (128 permutations) + MinHashLSH on the
same JSON-lines stream the Swift engine is measured on.

Per document: lower-case word 3-shingles, MinHash.update_batch, LSH query, insert when no
candidate. Prints key=value lines like the Swift benchmark.

usage: dedupe_datasketch.py STREAM.jsonl [LIMIT]
"""
import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def shingles(text, width=3):
    words = WORD.findall(text.lower())
    if len(words) < width:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i:i + width]).encode() for i in range(len(words) - width + 1)]


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    docs = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    duplicates = 0
    wall = time.perf_counter()
    cpu = time.process_time()
    for doc in docs:
        minhash = MinHash(num_perm=128)
        minhash.update_batch(shingles(doc["text"]))
        if lsh.query(minhash):
            duplicates += 1
        else:
            lsh.insert(doc["id"], minhash)
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    print(f"datasketch.documents={len(docs)}")
    print(f"datasketch.duplicates={duplicates}")
    print(f"datasketch.seconds={wall:.3f}")
    print(f"datasketch.docs_per_second={int(len(docs) / wall)}")
    print(f"datasketch.docs_per_cpu_second={int(len(docs) / cpu)}")


if __name__ == "__main__":
    main()
