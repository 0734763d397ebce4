import Foundation
import GRDB

/// The queries of ``SQLDedupeIndex`` inside one transaction.
struct SQLDedupeSession: DedupeIndexSession {
    let db: Database
    let parameters: DedupeParameters
    /// The newest texts, whose postings are still in memory.
    let tail: SQLDedupeTail
    /// Posting-table rows shared between a check and the insert after it.
    let cache: SQLPostingCache
    /// Whether lookups are recorded in `cache` (read transactions).
    let recording: Bool

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
        // Boilerplate among the query's hashes beyond those looked up, for the candidates
        // whose sample reaches there (texts much shorter than the query).
        let reach = documents.values.lazy.map { $0.candidate.sampleLimit }.max() ?? 0
        let beyond = reach > query.queryLimit
            ? try boilerplateAmong(Array(fingerprint.hashes[query.lookups...].prefix { $0 <= reach }))
            : []
        let best = query.best(sortedHits: hits, isEligible: { documents[$0].map(isEligible) ?? false }) { ordinal, hits in
            guard let document = documents[ordinal] else { return nil }
            return query.score(hits: hits, candidate: document.candidate) { hash in
                if beyond.contains(hash) { return .boilerplate }
                return document.sample.binarySearchContains(hash) ? .shared : .absent
            }
        }
        guard let best, let document = documents[best.ordinal] else { return nil }
        return try groupMatch(document, similarity: best.similarity, coverage: best.coverage)
    }

    func groupSize(root: Int64) throws -> Int {
        1 + (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM dedupe_doc WHERE root = ?"), arguments: [root]) ?? 0)
    }

    private func groupMatch(_ document: Document, similarity: Double, coverage: Double) throws -> DedupeGroupMatch {
        if let root = document.root,
           let rootID = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM dedupe_doc WHERE ordinal = ?"), arguments: [root]) {
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
            try SQLStatementRows.forEach(statement, binding: chunk, in: db) { found.insert(UInt32($0)) }
        }
        return found
    }

    /// Every (hash, text) posting of `hashes`, from the table and from the tail, each once
    /// (a batch being written by another process can be in both for a moment), and which of
    /// them are boilerplate: one query for both, since boilerplate is marked in the posting
    /// table by a posting to text 0.
    func postings(of hashes: [UInt32]) throws -> (postings: [(hash: UInt32, doc: Int64)], boilerplate: Set<UInt32>) {
        guard !hashes.isEmpty, hashes.count <= 128 else {
            return hashes.isEmpty ? ([], []) : try Self.merge(stride(from: 0, to: hashes.count, by: 128).map {
                try postings(of: Array(hashes[$0..<min($0 + 128, hashes.count)]))
            })
        }
        var found: [(hash: UInt32, doc: Int64)] = []
        var boilerplate = Set<UInt32>()
        var inBoth = Set<Int64>()
        try forEachTableRow(of: hashes) { packed in
            let hash = UInt32(truncatingIfNeeded: packed >> 32)
            let doc = packed & 0xFFFF_FFFF
            if doc == 0 {
                boilerplate.insert(hash)
                return
            }
            found.append((hash, doc))
            if doc > tail.postedThrough { inBoth.insert(Int64(hash) << 32 ^ doc) }
        }
        tail.appendPostings(of: hashes, to: &found, skipping: inBoth)
        return (found, boilerplate)
    }

    /// Reads the posting-table rows of every hash the checks of `fingerprints` will look up,
    /// in ascending order and once each, into the cache their checks then read from. One
    /// check's 128 hashes are spread over the whole table, so checking texts one by one
    /// visits most of its leaf pages once per text, and a page cache far smaller than the
    /// table reads nearly every one from the file again; in hash order, each leaf page is
    /// read about once per group. Only in a read transaction (whose rows the cache records).
    func prefetch(_ fingerprints: [DedupeFingerprint]) throws {
        guard recording, fingerprints.count > 1 else { return }
        var wanted: [UInt32] = []
        for fingerprint in fingerprints {
            wanted += DedupeQuery(fingerprint: fingerprint, parameters: parameters).lookedUp
        }
        let sorted = RadixSort.sortedUnique(wanted)
        for start in stride(from: 0, to: sorted.count, by: 128) {
            try forEachTableRow(of: Array(sorted[start..<min(start + 128, sorted.count)])) { _ in }
        }
    }

    /// The posting-table rows of `hashes` (at most 128), each as hash << 32 | doc: from the
    /// rows the check of the same texts read when they still hold (see ``SQLPostingCache``),
    /// otherwise from the table (and recorded, in a read transaction).
    private func forEachTableRow(of hashes: [UInt32], _ body: (Int64) -> Void) throws {
        // In a read transaction, rows recorded are rows of this transaction (recording began
        // with it), read on the same snapshot: the table as a new query would find it.
        if let rows = cache.rows(of: hashes), try recording || cache.isCurrent(db) {
            rows.forEach(body)
            return
        }
        let keys = Self.padded(hashes.map { Int64($0) })
        // One integer a posting (hash in the high half: ordinals stay below 2^32), read
        // without the cost of decoding a row.
        let statement = try db.cachedStatement(sql: """
            SELECT ((hash << 32) | doc) FROM dedupe_sample WHERE hash IN (\(Self.marks(keys.count)))
            """)
        var rows: [Int64] = []
        try SQLStatementRows.forEach(statement, binding: keys, in: db) { packed in
            body(packed)
            if recording { rows.append(packed) }
        }
        if recording { cache.record(hashes, rows: rows) }
    }
}
