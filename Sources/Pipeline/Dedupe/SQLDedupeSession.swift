import Foundation
import GRDB

/// The queries of ``SQLDedupeIndex`` inside one transaction.
struct SQLDedupeSession: DedupeIndexSession {
    let db: Database
    let parameters: DedupeParameters
    /// The newest texts, whose postings are still in memory.
    let tail: SQLDedupeTail

    /// `indexed_at` of a replaced text: never in a window, first to go at the next expiry.
    static let replaced = Int64.min

    /// One indexed text as the verification needs it.
    private struct Document {
        var ordinal: Int64
        var id: String
        var time: Int64
        var shingleCount: Int
        var indexedMask: UInt64
        var sample: [UInt32]
        var root: Int64?

        var candidate: DedupeQuery.Candidate {
            let limit = shingleCount > sample.count ? (sample.last ?? .max) : .max
            return DedupeQuery.Candidate(sampleLimit: limit, indexedCount: indexedMask.nonzeroBitCount,
                                         shingleCount: shingleCount)
        }
    }

    // MARK: Check

    func bestMatch(for fingerprint: DedupeFingerprint, excludedID: String, notBefore: Int64) throws
        -> DedupeGroupMatch? {
        guard !fingerprint.hashes.isEmpty else { return nil }
        func isEligible(_ document: Document) -> Bool { document.time >= notBefore && document.id != excludedID }
        // Identical normalized text: the first text indexed with it, if it may be matched.
        if let exact = try fetchDocuments(where: "content_hash = ? AND indexed_at > ? ORDER BY ordinal LIMIT 1",
                                          [Int64(bitPattern: fingerprint.contentHash), Self.replaced]).first,
           isEligible(exact) {
            return try groupMatch(exact, similarity: 1, coverage: 1)
        }
        var query = DedupeQuery(fingerprint: fingerprint, parameters: parameters)
        let looked = Array(query.lookedUp)
        let found = try postings(of: looked)
        query.boilerplateLooked = looked.filter { found.boilerplate.contains($0) }
        var hits: [Int64] = []
        hits.reserveCapacity(found.postings.count)
        for posting in found.postings where !found.boilerplate.contains(posting.hash) { hits.append(posting.doc) }
        guard hits.count >= parameters.minimumSharedHashes else { return nil }
        hits.sort()
        var shared: [Int64: Int] = [:]
        for hit in hits { shared[hit, default: 0] += 1 }
        let wanted = shared.filter { $0.value >= parameters.minimumSharedHashes }.map(\.key)
        guard !wanted.isEmpty else { return nil }
        var documents: [Int64: Document] = [:]
        for start in stride(from: 0, to: wanted.count, by: 128) {
            let chunk = Self.padded(Array(wanted[start..<min(start + 128, wanted.count)]))
            for document in try fetchDocuments(where: "ordinal IN (\(Self.marks(chunk.count)))", chunk) {
                documents[document.ordinal] = document
            }
        }
        // Boilerplate among the query's hashes beyond those looked up, fetched once for the
        // candidates whose sample reaches there (texts much shorter than the query).
        var beyond: Set<UInt32>?
        let best = query.best(sortedHits: hits, isEligible: { documents[$0].map(isEligible) ?? false }) { ordinal, hits in
            guard let document = documents[ordinal] else { return nil }
            let candidate = document.candidate
            return query.score(hits: hits, candidate: candidate) { hash in
                if beyond == nil {
                    let reach = documents.values.map(\.candidate.sampleLimit).max() ?? candidate.sampleLimit
                    let hashes = fingerprint.hashes[query.lookups...].prefix { $0 <= reach }
                    beyond = (try? boilerplateAmong(Array(hashes))) ?? []
                }
                if beyond!.contains(hash) { return .boilerplate }
                return document.sample.binarySearchContains(hash) ? .shared : .absent
            }
        }
        guard let best, let document = documents[best.ordinal] else { return nil }
        return try groupMatch(document, similarity: best.similarity, coverage: best.coverage)
    }

    func groupSize(root: Int64) throws -> Int {
        1 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_doc WHERE root = ?", arguments: [root]) ?? 0)
    }

    private func groupMatch(_ document: Document, similarity: Double, coverage: Double) throws -> DedupeGroupMatch {
        if let root = document.root,
           let rootID = try String.fetchOne(db, sql: "SELECT id FROM dedupe_doc WHERE ordinal = ?", arguments: [root]) {
            return DedupeGroupMatch(similarity: similarity, coverage: coverage, root: root, rootID: rootID)
        }
        return DedupeGroupMatch(similarity: similarity, coverage: coverage, root: document.ordinal, rootID: document.id)
    }

    private func fetchDocuments(where condition: String, _ arguments: [Int64]) throws -> [Document] {
        let statement = try db.cachedStatement(sql: """
            SELECT ordinal, id, indexed_at, shingle_count, indexed_mask, sample, root FROM dedupe_doc WHERE \(condition)
            """)
        return try Row.fetchAll(statement, arguments: StatementArguments(arguments)).map { row in
            let id: String = row[1]
            guard let sample = try row.withUnsafeData(atIndex: 5, Self.decode) else { throw DedupeError.corruptEntry(id: id) }
            let mask: Int64 = row[4]
            return Document(ordinal: row[0], id: id, time: row[2], shingleCount: row[3],
                            indexedMask: UInt64(bitPattern: mask), sample: sample, root: row[6])
        }
    }

    /// Which of `hashes` are boilerplate (marked by a posting to text 0).
    private func boilerplateAmong(_ hashes: [UInt32]) throws -> Set<UInt32> {
        var found = Set<UInt32>()
        for start in stride(from: 0, to: hashes.count, by: 128) {
            let chunk = Self.padded(hashes[start..<min(start + 128, hashes.count)].map { Int64($0) })
            let statement = try db.cachedStatement(sql: """
                SELECT hash FROM dedupe_sample WHERE doc = 0 AND hash IN (\(Self.marks(chunk.count)))
                """)
            for hash in try Int64.fetchAll(statement, arguments: StatementArguments(chunk)) {
                found.insert(UInt32(hash))
            }
        }
        return found
    }

    /// Every (hash, text) posting of `hashes`, from the table and from the tail, each once
    /// (a batch being written by another process can be in both for a moment), and which of
    /// them are boilerplate: one query for both, since boilerplate is marked in the posting
    /// table by a posting to text 0.
    private func postings(of hashes: [UInt32]) throws -> (postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>) {
        guard !hashes.isEmpty, hashes.count <= 128 else {
            return hashes.isEmpty ? ([], []) : try Self.merge(stride(from: 0, to: hashes.count, by: 128).map {
                try postings(of: Array(hashes[$0..<min($0 + 128, hashes.count)]))
            })
        }
        let keys = Self.padded(hashes.map { Int64($0) })
        var found: [(hash: UInt32, doc: Int64)] = []
        var boilerplate = Set<UInt32>()
        var inBoth = Set<Int64>()
        // One integer a posting (hash in the high half: ordinals stay below 2^32), read
        // without the cost of decoding a row.
        let statement = try db.cachedStatement(sql: """
            SELECT ((hash << 32) | doc) FROM dedupe_sample WHERE hash IN (\(Self.marks(keys.count)))
            """)
        let rows = try Int64.fetchCursor(statement, arguments: StatementArguments(keys))
        while let packed = try rows.next() {
            let hash = UInt32(truncatingIfNeeded: packed >> 32)
            let doc = packed & 0xFFFF_FFFF
            if doc == 0 {
                boilerplate.insert(hash)
                continue
            }
            found.append((hash, doc))
            if doc > tail.postedThrough { inBoth.insert(Int64(hash) << 32 ^ doc) }
        }
        tail.appendPostings(of: hashes, to: &found, skipping: inBoth)
        return (found, boilerplate)
    }

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
    private static func merge(_ parts: [(postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>)])
        -> (postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>) {
        parts.reduce(into: ([], [])) { result, part in
            result.postings += part.postings
            result.boilerplate.formUnion(part.boilerplate)
        }
    }

    /// `count` comma-separated placeholders.
    static func marks(_ count: Int) -> String {
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
