import GRDB

/// The posting-table rows a check read, kept for the insert that follows it.
///
/// The pipeline checks a commit group in one read transaction and then indexes its texts in
/// one write transaction. A text's sample is the first half of the hashes its check looked up,
/// so the insert would read the same posting-table rows again (64 B-tree seeks a text) only
/// to count them towards boilerplate. They are reused when the table cannot have changed in
/// between: no other connection committed (`PRAGMA data_version`, which moves with every
/// commit of another connection or process) and this process wrote nothing to the table
/// (``generation``, moved by every batch of postings and expiry here; a boilerplate mark
/// written here is added to the rows instead).
/// Postings of the newest texts are in the tail, which is always looked up afresh.
final class SQLPostingCache {
    // Not Sendable: used under the engine's lock, like the tail.

    /// Moves whenever this process changes the posting table.
    private(set) var generation = 0
    /// Posting-table rows (hash << 32 | doc, doc 0 marking boilerplate) per hash looked up, as
    /// a range of `flat` (start << 32 | count); an empty range for a hash that had none. One
    /// flat array rather than an array per hash: a group records about 8,000 hashes, and as
    /// many small arrays cost more to allocate and free than the lookups themselves.
    private var ranges: [UInt32: UInt64] = [:]
    private var flat: [Int64] = []
    private var dataVersion: Int64 = -1
    private var readAtGeneration = -1

    /// Marks a change of the posting table by this process.
    func tableChanged() {
        generation += 1
        ranges.removeAll(keepingCapacity: true)
        flat.removeAll(keepingCapacity: true)
    }

    /// Notes a boilerplate mark this process wrote (the row `hash, 0`): the one change to the
    /// table an insert makes, so the rows recorded stay exact.
    func markWritten(_ hash: UInt32) {
        let mark = Int64(hash) << 32
        guard let range = ranges[hash] else { return }
        let (start, count) = Self.unpack(range)
        guard !flat[start..<start + count].contains(mark) else { return }
        // The hash's rows move to the end, with the mark: a range stays contiguous.
        let moved = flat.count
        flat.append(contentsOf: flat[start..<start + count])
        flat.append(mark)
        ranges[hash] = Self.pack(moved, count + 1)
    }

    /// Starts recording for a read transaction, dropping the rows of the check before: an
    /// insert follows the check of its own group, so one group's rows (at most 128 hashes a
    /// text) are all that is kept. Called before the transaction's first read: a commit by
    /// another connection after it moves the version past the one noted here, so rows read
    /// later can only look older than they are (dropped), never newer.
    func beginRecording(_ db: Database) throws {
        ranges.removeAll(keepingCapacity: ranges.count <= Self.keptCapacity)
        flat.removeAll(keepingCapacity: flat.count <= Self.keptRows)
        dataVersion = try Self.dataVersion(db)
        readAtGeneration = generation
    }

    /// Whether the recorded rows still describe the table, in a transaction of `db`.
    func isCurrent(_ db: Database) throws -> Bool {
        guard !ranges.isEmpty, readAtGeneration == generation else { return false }
        return try Self.dataVersion(db) == dataVersion
    }

    /// Records the table rows one lookup of `hashes` found. A hash recorded already (looked up
    /// by an earlier text on the same table) keeps its rows: they are the same rows.
    func record(_ hashes: [UInt32], rows found: [Int64]) {
        // The table's index returns a lookup's rows by ascending hash; any other order is
        // brought to one where each hash's rows are together.
        var inOrder = true
        var previous: UInt32 = 0
        for packed in found {
            let hash = UInt32(truncatingIfNeeded: packed >> 32)
            if hash < previous { inOrder = false; break }
            previous = hash
        }
        let grouped = inOrder ? found : found.sorted { UInt32(truncatingIfNeeded: $0 >> 32) < UInt32(truncatingIfNeeded: $1 >> 32) }
        // The hashes asked for are ascending in every lookup the index makes; checked, not assumed.
        let ascending = zip(hashes, hashes.dropFirst()).allSatisfy { $0 < $1 }
        func asked(_ hash: UInt32) -> Bool {
            guard ascending else { return hashes.contains(hash) }
            var low = 0
            var high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < hash { low = middle + 1 } else { high = middle }
            }
            return low < hashes.count && hashes[low] == hash
        }
        var index = 0
        while index < grouped.count {
            let hash = UInt32(truncatingIfNeeded: grouped[index] >> 32)
            var end = index + 1
            while end < grouped.count, UInt32(truncatingIfNeeded: grouped[end] >> 32) == hash { end += 1 }
            if ranges[hash] == nil, asked(hash) {
                ranges[hash] = Self.pack(flat.count, end - index)
                flat.append(contentsOf: grouped[index..<end])
            }
            index = end
        }
        for hash in hashes where ranges[hash] == nil { ranges[hash] = Self.pack(flat.count, 0) }
    }

    /// The rows recorded for every one of `hashes`, or nil when one was not looked up.
    func rows(of hashes: [UInt32]) -> [Int64]? {
        var result: [Int64] = []
        for hash in hashes {
            guard let range = ranges[hash] else { return nil }
            let (start, count) = Self.unpack(range)
            result.append(contentsOf: flat[start..<start + count])
        }
        return result
    }

    private static func pack(_ start: Int, _ count: Int) -> UInt64 { UInt64(start) << 32 | UInt64(count) }

    private static func unpack(_ range: UInt64) -> (start: Int, count: Int) {
        (Int(range >> 32), Int(range & 0xFFFF_FFFF))
    }

    /// Rows kept allocated between groups.
    static let keptRows = 1 << 18

    /// Dictionary capacity kept between groups (a group of 64 texts looks up about 8,000).
    static let keptCapacity = 16_384

    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
}
