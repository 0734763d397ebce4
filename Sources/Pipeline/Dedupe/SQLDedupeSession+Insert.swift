import Foundation
import GRDB

/// Inserting into and expiring from the database index, and the encodings it shares.
extension SQLDedupeSession {
    // MARK: Insert

    func add(id: String, time: Int64, fingerprint: DedupeFingerprint, root: Int64?) throws {
        try add(id: id, time: time, contentHash: fingerprint.contentHash, shingleCount: fingerprint.shingleCount,
                sample: Array(fingerprint.sample(size: parameters.sampleSize)), root: root)
    }

    /// Indexes one text. Boilerplate is decided as in memory: a sampled hash already indexed
    /// for `boilerplateLimit - 1` texts becomes boilerplate instead of being indexed again.
    func add(id: String, time: Int64, contentHash: UInt64, shingleCount: Int, sample: [UInt32], root: Int64?) throws {
        guard shingleCount > 0, !sample.isEmpty else { return }
        // A replaced text stays, out of every window, until the next expiry: its hashes keep
        // counting towards boilerplate and its members keep naming its id, as in memory.
        try db.cachedStatement(sql: "UPDATE dedupe_doc SET indexed_at = ? WHERE id = ? AND indexed_at > ?")
            .execute(arguments: [Self.replaced, id, Self.replaced])
        let found = try postings(of: sample)
        let boilerplate = found.boilerplate
        var counts: [UInt32: Int] = [:]
        for posting in found.postings { counts[posting.hash, default: 0] += 1 }
        var mask: UInt64 = 0
        var indexed: [UInt32] = []
        indexed.reserveCapacity(sample.count)
        for (position, hash) in sample.enumerated() where !boilerplate.contains(hash) {
            if counts[hash, default: 0] + 1 >= parameters.boilerplateLimit {
                try db.execute(sql: "INSERT INTO dedupe_sample(hash, doc) VALUES (?, 0) ON CONFLICT DO NOTHING",
                               arguments: [Int64(hash)])
                cache.markWritten(hash)
            } else {
                indexed.append(hash)
                mask |= 1 << UInt64(position)
            }
        }
        try db.cachedStatement(sql: """
            INSERT INTO dedupe_doc(id, indexed_at, content_hash, shingle_count, indexed_mask, sample, root)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, time, Int64(bitPattern: contentHash), shingleCount, Int64(bitPattern: mask),
                                     Self.encode(sample), root])
        // The postings wait in the tail, to be written with others in hash order.
        tail.add(ordinal: db.lastInsertedRowID, postings: indexed)
    }

    // MARK: Expiry

    /// Deletes up to `limit` texts indexed before `time` or replaced, oldest first; returns
    /// how many rows went and how many of them had expired (rather than been replaced).
    func removeOldest(before time: Int64, limit: Int) throws -> (deleted: Int, expired: Int) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT ordinal, sample, indexed_at FROM dedupe_doc WHERE indexed_at < ? ORDER BY indexed_at LIMIT ?
            """, arguments: [time, limit])
        guard !rows.isEmpty else { return (0, 0) }
        var ordinals: [Int64] = []
        var expired = 0
        let posted = try SQLDedupeTail.postedThrough(db)
        for row in rows {
            let ordinal: Int64 = row[0]
            let indexedAt: Int64 = row[2]
            if indexedAt != Self.replaced { expired += 1 }
            ordinals.append(ordinal)
            // Rows past the mark have no postings in the table yet.
            if ordinal <= posted {
                try deletePostings(of: ordinal, sample: try row.withUnsafeData(atIndex: 1, Self.decode) ?? [])
            }
        }
        let marks = Self.marks(ordinals.count)
        try db.execute(sql: "DELETE FROM dedupe_doc WHERE ordinal IN (\(marks))", arguments: StatementArguments(ordinals))
        // A member whose group's first text is gone leads its group now.
        try db.execute(sql: "UPDATE dedupe_doc SET root = NULL WHERE root IN (\(marks))", arguments: StatementArguments(ordinals))
        return (rows.count, expired)
    }

    /// The postings of a text are found through its stored sample: no index on `doc` needed.
    private func deletePostings(of ordinal: Int64, sample: [UInt32]) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM dedupe_sample WHERE hash = ? AND doc = ?")
        for hash in sample { try delete.execute(arguments: [Int64(hash), ordinal]) }
    }

    // MARK: Encoding

    /// `values` lengthened to 8, 32 or 128 by repeating the first (an `IN` list means the
    /// same with repeats): a handful of statement texts, so the connection's statement cache
    /// stays small however varied the queries.
    static func padded(_ values: [Int64]) -> [Int64] {
        guard let first = values.first else { return values }
        let size = values.count <= 8 ? 8 : values.count <= 32 ? 32 : max(128, values.count)
        return values + Array(repeating: first, count: size - values.count)
    }

    /// Lookups of more than 128 hashes, made in parts.
    static func merge(_ parts: [(postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>)])
        -> (postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>) {
        parts.reduce(into: ([], [])) { result, part in
            result.postings += part.postings
            result.boilerplate.formUnion(part.boilerplate)
        }
    }

    /// `count` comma-separated placeholders (the padded sizes made once).
    static func marks(_ count: Int) -> String {
        switch count {
        case 8: marks8
        case 32: marks32
        case 128: marks128
        default: makeMarks(count)
        }
    }

    private static let marks8 = makeMarks(8)
    private static let marks32 = makeMarks(32)
    private static let marks128 = makeMarks(128)

    private static func makeMarks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// The sample as a BLOB of little-endian 32-bit hashes (at most 256 bytes).
    static func encode(_ sample: [UInt32]) -> Data {
        var data = Data(capacity: sample.count * 4)
        for value in sample {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data?) -> [UInt32]? {
        guard let data, data.count % 4 == 0 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }
}
