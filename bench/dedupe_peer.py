#!/usr/bin/env python3
"""Peers for bench/bench_dedupe.py: MinHash (128 permutations) + LSH on the same JSON-lines
stream the Swift engine is measured on, the way a user of each library would write it.

Per document: lower-case word 3-shingles, a MinHash of them, an LSH query, an insert when no
candidate. Prints key=value lines like the Swift benchmark, prefixed with the peer's name.

usage: dedupe_peer.py datasketch|rensa STREAM.jsonl [LIMIT]
- datasketch: MinHash.update_batch + MinHashLSH(threshold=0.5) (numpy);
- rensa: RMinHash.update + RMinHashLSH(threshold=0.5, 16 bands) (Rust).
"""
import json
import re
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text, width=3):
    words = WORD.findall(text.lower())
    if len(words) < width:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + width]) for i in range(len(words) - width + 1)]


def datasketch_steps():
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=0.5, num_perm=128)

    def signature(tokens):
        minhash = MinHash(num_perm=128)
        minhash.update_batch([token.encode() for token in tokens])
        return minhash
    return signature, lsh.query, lsh.insert


def rensa_steps():
    from rensa import RMinHash, RMinHashLSH
    lsh = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=16)
    keys = {}

    def signature(tokens):
        minhash = RMinHash(num_perm=128, seed=42)
        minhash.update(tokens)
        return minhash

    def insert(key, minhash):
        # rensa keys are integers.
        keys.setdefault(key, len(keys))
        lsh.insert(keys[key], minhash)
    return signature, lsh.query, insert


def main():
    tool, path = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    docs = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    signature, query, insert = {"datasketch": datasketch_steps, "rensa": rensa_steps}[tool]()
    duplicates = 0
    wall = time.perf_counter()
    cpu = time.process_time()
    for doc in docs:
        minhash = signature(shingles(doc["text"]))
        if query(minhash):
            duplicates += 1
        else:
            insert(doc["id"], minhash)
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    print(f"{tool}.documents={len(docs)}")
    print(f"{tool}.duplicates={duplicates}")
    print(f"{tool}.seconds={wall:.3f}")
    print(f"{tool}.docs_per_second={int(len(docs) / wall)}")
    print(f"{tool}.docs_per_cpu_second={int(len(docs) / cpu)}")


if __name__ == "__main__":
    main()
