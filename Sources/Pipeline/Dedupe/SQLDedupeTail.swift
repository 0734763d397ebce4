import GRDB

/// The postings of the texts indexed last, held in memory until they are written to the
/// posting table in one sorted batch.
///
/// Inserting a text's 64 sampled hashes into a B-tree keyed by hash changes 64 pages spread
/// over the whole table: every insert would write about 256 KB to the write-ahead log
/// (measured: 2 ms a text at 100,000 texts). So an insert writes only the text's row (an
/// append), and the postings of the newest texts — every row past the `posted_through`
/// mark — are looked up here. Once ``capacity`` texts wait, they are written in hash order,
/// in short transactions over hash ranges: consecutive postings share pages, and each page
/// is written once per batch. The tail is rebuilt from the rows, so every process sharing
/// the database sees every text, flushed or not. Its size is bounded (≈ 0.7 KB a text, a
/// few MB), whatever the size of the index.
final class SQLDedupeTail {
    // Not Sendable on its own: ``SQLDedupeIndex`` uses it under its engine's lock.

    /// Texts kept before their postings are written.
    let capacity: Int
    /// Rows up to this ordinal have their postings in `dedupe_sample`.
    private(set) var postedThrough: Int64 = 0
    /// Rows up to this ordinal are in the tail (or posted).
    private var lastSeen: Int64 = 0
    private var samples: SampleIndex
    /// Row ordinal of each text of the tail, by position in `samples`.
    private(set) var ordinals: [Int64] = []

    init(capacity: Int) {
        self.capacity = capacity
        samples = Self.emptySamples(capacity: capacity)
    }

    /// A table sized for a full tail (64 hashes a text at most), so that it never grows:
    /// growing rehashes every entry. The mapping is filled in by the kernel as it is used.
    private static func emptySamples(capacity: Int) -> SampleIndex {
        SampleIndex(expectedEntries: capacity * 64, boilerplateLimit: .max)
    }

    /// Catches up with the database: new rows join, and when another process has written
    /// the postings of the texts held here, they are dropped.
    func refresh(_ db: Database) throws {
        let posted = try Self.postedThrough(db)
        if posted != postedThrough { reset(postedThrough: posted) }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT ordinal, sample, indexed_mask FROM dedupe_doc WHERE ordinal > ? ORDER BY ordinal
            """), arguments: [max(lastSeen, postedThrough)])
        while let row = try rows.next() {
            let ordinal: Int64 = row[0]
            let mask: Int64 = row[2]
            let sample = try row.withUnsafeData(atIndex: 1, SQLDedupeSession.decode) ?? []
            add(ordinal: ordinal, postings: Self.indexed(sample, mask: UInt64(bitPattern: mask)))
        }
    }

    /// Forgets every text (after an expiry, or a flush) and starts again from the rows.
    func reset(postedThrough posted: Int64) {
        postedThrough = posted
        lastSeen = posted
        samples = Self.emptySamples(capacity: capacity)
        ordinals = []
    }

    /// Adds the indexed hashes of a text just inserted (so that the next refresh finds
    /// nothing new).
    func add(ordinal: Int64, postings: [UInt32]) {
        let position = UInt32(ordinals.count)
        ordinals.append(ordinal)
        _ = samples.insert(keys: postings, document: position)
        lastSeen = max(lastSeen, ordinal)
    }

    /// Appends the (hash, row ordinal) postings held for each of `hashes`, except pairs in
    /// `skipping` (keyed hash << 32 ^ ordinal).
    func appendPostings(of hashes: [UInt32], to found: inout [(hash: UInt32, doc: Int64)], skipping: Set<Int64>) {
        guard !ordinals.isEmpty else { return }
        samples.forEachHit(of: hashes) { hash, position in
            let doc = ordinals[Int(position)]
            if skipping.isEmpty || !skipping.contains(Int64(hash) << 32 ^ doc) { found.append((hash, doc)) }
        }
    }

    var isFull: Bool { ordinals.count >= capacity }

    /// Every posting held, in hash order, as the table stores it: hash << 32 | position + 1,
    /// where position indexes ``ordinals``.
    func sortedPostings() -> [UInt64] {
        var entries = samples.slots.withUnsafeBufferPointer { $0.filter { $0 != 0 } }
        entries.sort()
        return entries
    }

    /// The sampled hashes of a text that were indexed: bit i of `mask` for `sample[i]`.
    static func indexed(_ sample: [UInt32], mask: UInt64) -> [UInt32] {
        sample.enumerated().compactMap { index, hash in
            index < 64 && mask & (1 << UInt64(index)) != 0 ? hash : nil
        }
    }

    static func postedThrough(_ db: Database) throws -> Int64 {
        let value = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM dedupe_meta WHERE key = 'posted_through'"))
        return value.flatMap { Int64($0) } ?? 0
    }
}
