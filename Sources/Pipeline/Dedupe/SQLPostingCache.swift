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
    /// Posting-table rows (hash << 32 | doc, doc 0 marking boilerplate) per hash looked up;
    /// an empty list for a hash that had none.
    private var rows: [UInt32: [Int64]] = [:]
    private var dataVersion: Int64 = -1
    private var readAtGeneration = -1

    /// Marks a change of the posting table by this process.
    func tableChanged() {
        generation += 1
        rows.removeAll(keepingCapacity: true)
    }

    /// Notes a boilerplate mark this process wrote (the row `hash, 0`): the one change to the
    /// table an insert makes, so the rows recorded stay exact.
    func markWritten(_ hash: UInt32) {
        let mark = Int64(hash) << 32
        if let found = rows[hash], !found.contains(mark) { rows[hash] = found + [mark] }
    }

    /// Starts recording for a read transaction, dropping the rows of the check before: an
    /// insert follows the check of its own group, so one group's rows (at most 128 hashes a
    /// text) are all that is kept. Called before the transaction's first read: a commit by
    /// another connection after it moves the version past the one noted here, so rows read
    /// later can only look older than they are (dropped), never newer.
    func beginRecording(_ db: Database) throws {
        rows.removeAll(keepingCapacity: rows.count <= Self.keptCapacity)
        dataVersion = try Self.dataVersion(db)
        readAtGeneration = generation
    }

    /// Whether the recorded rows still describe the table, in a transaction of `db`.
    func isCurrent(_ db: Database) throws -> Bool {
        guard !rows.isEmpty, readAtGeneration == generation else { return false }
        return try Self.dataVersion(db) == dataVersion
    }

    /// Records the table rows one lookup of `hashes` found. A hash recorded already (looked up
    /// by an earlier text on the same table) keeps its rows: they are the same rows.
    func record(_ hashes: [UInt32], rows found: [Int64]) {
        var fresh: [UInt32: [Int64]] = [:]
        for hash in hashes where rows[hash] == nil { fresh[hash] = [] }
        guard !fresh.isEmpty else { return }
        for packed in found {
            let hash = UInt32(truncatingIfNeeded: packed >> 32)
            fresh[hash]?.append(packed)
        }
        rows.merge(fresh) { old, _ in old }
    }

    /// The rows recorded for every one of `hashes`, or nil when one was not looked up.
    func rows(of hashes: [UInt32]) -> [Int64]? {
        var result: [Int64] = []
        for hash in hashes {
            guard let found = rows[hash] else { return nil }
            result += found
        }
        return result
    }

    /// Dictionary capacity kept between groups (a group of 64 texts looks up about 8,000).
    static let keptCapacity = 16_384

    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
}
