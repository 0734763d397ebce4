import Foundation

/// Inserting into and expiring from the PostgreSQL index.
extension PostgresDedupeSession {
    // MARK: Insert

    func add(id: String, time: Int64, fingerprint: DedupeFingerprint, root: Int64?) throws {
        try add(id: id, time: time, contentHash: fingerprint.contentHash, shingleCount: fingerprint.shingleCount,
                sample: Array(fingerprint.sample(size: parameters.sampleSize)), root: root)
    }

    /// Indexes one text in two statements: the first retires an earlier text with the same id
    /// and counts the postings of the sample's hashes; the second writes the text's row, its
    /// postings and the hashes that became boilerplate. Boilerplate is decided as in memory
    /// and in SQLite: a sampled hash already indexed for `boilerplateLimit - 1` texts becomes
    /// boilerplate instead of being indexed again.
    func add(id: String, time: Int64, contentHash: UInt64, shingleCount: Int, sample: [UInt32], root: Int64?) throws {
        guard shingleCount > 0, !sample.isEmpty else { return }
        // A replaced text stays, out of every window, until the next expiry: its hashes keep
        // counting towards boilerplate and its members keep naming its id, as in memory.
        // (`<>`, not `>`: an `indexed_at` range would not narrow the lookup by id.)
        let counted = try connection.query("""
            WITH retired AS (
                UPDATE dedupe_doc SET indexed_at = $1 WHERE id = $2 AND indexed_at <> $1 RETURNING ordinal
            )
            SELECT hash, count(*) FILTER (WHERE doc <> 0), bool_or(doc = 0) FROM dedupe_sample
            WHERE hash = ANY($3::bigint[]) GROUP BY hash
            """, [Self.replaced, id, Self.array(sample)])
        var counts: [UInt32: Int] = [:]
        var boilerplate = Set<UInt32>()
        for row in 0..<counted.count {
            guard let hash = counted.text(row: row, column: 0).flatMap({ UInt32($0) }) else { continue }
            counts[hash] = counted.text(row: row, column: 1).flatMap { Int($0) } ?? 0
            if counted.text(row: row, column: 2) == "t" { boilerplate.insert(hash) }
        }
        var mask: UInt64 = 0
        var indexed: [UInt32] = []
        var marked: [UInt32] = []
        indexed.reserveCapacity(sample.count)
        for (position, hash) in sample.enumerated() where !boilerplate.contains(hash) {
            if counts[hash, default: 0] + 1 >= parameters.boilerplateLimit {
                marked.append(hash)
            } else {
                indexed.append(hash)
                mask |= 1 << UInt64(position)
            }
        }
        try connection.query("""
            WITH doc AS (
                INSERT INTO dedupe_doc (id, indexed_at, content_hash, shingle_count, indexed_mask, sample, root)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ordinal
            ), marks AS (
                INSERT INTO dedupe_sample (hash, doc) SELECT unnest($8::bigint[]), 0 ON CONFLICT DO NOTHING
            )
            INSERT INTO dedupe_sample (hash, doc) SELECT posting, doc.ordinal FROM doc, unnest($9::bigint[]) AS posting
            """, [id, time, Int64(bitPattern: contentHash), shingleCount, Int64(bitPattern: mask),
                  SQLDedupeSession.encode(sample), root, Self.array(marked), Self.array(indexed)])
    }

    // MARK: Expiry

    /// Deletes up to `limit` texts indexed before `time` or replaced, oldest first, with their
    /// postings; returns how many rows went and how many of them had expired (rather than
    /// been replaced). Members of a deleted text's group become the first of their own.
    func removeOldest(before time: Int64, limit: Int) throws -> (deleted: Int, expired: Int) {
        let rows = try connection.query("""
            SELECT ordinal, indexed_at, sample FROM dedupe_doc WHERE indexed_at < $1 ORDER BY indexed_at LIMIT $2
            """, [time, limit])
        guard rows.count > 0 else { return (0, 0) }
        var ordinals: [Int64] = []
        var postingHashes: [UInt32] = []
        var postingDocs: [Int64] = []
        var expired = 0
        for row in 0..<rows.count {
            guard let ordinal = rows.text(row: row, column: 0).flatMap({ Int64($0) }) else { continue }
            if rows.text(row: row, column: 1).flatMap({ Int64($0) }) != Self.replaced { expired += 1 }
            ordinals.append(ordinal)
            // The postings of a text are found through its stored sample: no index on `doc`.
            let sample = SQLDedupeSession.decode(try? Data(postgresText: rows.text(row: row, column: 2))) ?? []
            postingHashes += sample
            postingDocs += repeatElement(ordinal, count: sample.count)
        }
        try connection.query("""
            DELETE FROM dedupe_sample s USING unnest($1::bigint[], $2::bigint[]) AS gone (hash, doc)
            WHERE s.hash = gone.hash AND s.doc = gone.doc
            """, [Self.array(postingHashes), Self.array(postingDocs)])
        let list = Self.array(ordinals)
        try connection.query("DELETE FROM dedupe_doc WHERE ordinal = ANY($1::bigint[])", [list])
        // A member whose group's first text is gone leads its group now.
        try connection.query("UPDATE dedupe_doc SET root = NULL WHERE root = ANY($1::bigint[])", [list])
        return (ordinals.count, expired)
    }
}
