public import Foundation

/// Everything Copydesk must remember between runs, behind a protocol with portable SQL so a
/// server database can back multi-worker deployments later. ``SQLiteStateStore`` is the default.
///
/// Methods are synchronous and short: each is one transaction.
public protocol StateStore: Sendable {
    // MARK: Sources
    /// The stored state of one source, `nil` before its first poll.
    func source(named name: String) throws -> SourceRecord?
    /// Every source with stored state.
    func allSources() throws -> [SourceRecord]
    /// Inserts or replaces a source's state.
    func saveSource(_ source: SourceRecord) throws

    // MARK: Known URLs
    /// The latest record of a canonical URL, if any.
    func knownURL(_ canonicalURL: String) throws -> KnownURL?
    /// Which of these canonical URLs are known (one query, for whole feeds).
    func knownURLs(_ canonicalURLs: [String]) throws -> [String: KnownURL]
    /// Notes that a known URL was fetched again and had not changed materially: its entry date
    /// moves on (so the same announcement does not trigger another fetch) and it leaves the queue.
    func markUnchanged(_ canonicalURL: String, entryUpdatedAt: Date?, at: Date) throws
    /// The id of a record whose text had exactly this content hash, for exact-duplicate checks.
    func recordID(withContentHash hash: String) throws -> String?

    // MARK: Retry queue
    /// Announced article URLs that have no record yet.
    func enqueue(_ items: [QueuedURL]) throws
    /// Queue entries of a source (or all when `nil`) whose next attempt is due.
    func dueQueue(source: String?, now: Date, limit: Int) throws -> [QueuedURL]
    /// Drops queue entries (recorded, or given up).
    func dequeue(_ canonicalURLs: [String]) throws
    /// Those of `canonicalURLs` still queued and due at `now` (neither recorded nor rescheduled).
    func stillDue(_ canonicalURLs: [String], now: Date) throws -> Set<String>
    /// Records a failed attempt and when to try again.
    func deferQueued(_ canonicalURL: String, error: String, nextAttempt: Date) throws
    /// Number of queued URLs, for status.
    func queueCount() throws -> Int

    // MARK: Record commit journal
    /// Writes journal entries for records about to be written, handing out their day sequence
    /// numbers, in one transaction. `bodyFiles[i]` names the pending file that already holds
    /// record `i`'s body (see ``RecordWriter``); when it is nil the body is kept in the entry.
    func beginCommits(_ records: [PreparedRecord], bodyFiles: [String?], day: String, at: Date) throws -> [JournalEntry]
    /// Marks journal entries done: record rows, URL rows and the queue are updated and the
    /// entries removed, in one transaction.
    func finishCommits(_ entries: [JournalEntry], at: Date) throws
    /// Journal entries left by a process that stopped mid-commit.
    func pendingCommits() throws -> [JournalEntry]

    // MARK: Record log (consumers)
    /// Committed records after `position` and up to `upper` (inclusive) in commit order, at
    /// most `limit`, filtered.
    func committedRecords(after position: Int64, through upper: Int64, filter: RecordLogFilter, limit: Int) throws -> [CommittedRecord]
    /// The position of the last committed record (0 when there is none).
    func lastRecordPosition() throws -> Int64
    /// A named consumer's cursor, nil before its first read.
    func consumerPosition(_ name: String) throws -> Int64?
    /// Moves a consumer's cursor (forward or, for a replay, back).
    func saveConsumerPosition(_ name: String, position: Int64, at: Date) throws
    /// Every named consumer with its cursor.
    func consumers() throws -> [ConsumerCursor]

    // MARK: Runs and reporting
    func beginRun(kind: String, pid: Int32, at: Date) throws -> Int64
    func finishRun(id: Int64, outcome: String, summaryJSON: String?, at: Date) throws
    /// Records per day over the last `days` days, newest first, per source.
    func recordsPerDay(days: Int) throws -> [DailyCount]
    /// The most recent finished runs.
    func recentRuns(limit: Int) throws -> [RunRecord]

    // MARK: Backfill checkpoints
    func isBackfillItemDone(job: String, item: String) throws -> Bool
    func markBackfillItemsDone(job: String, items: [String]) throws
    func backfillProgress(job: String) throws -> Int
    /// The position a backfill input reached, and whether it is finished.
    func checkpoint(job: String) throws -> (position: String, done: Bool)?
    func saveCheckpoint(job: String, position: String, done: Bool, at: Date) throws
}

extension StateStore {
    /// ``beginCommits(_:bodyFiles:day:at:)`` with every body kept in its journal entry.
    public func beginCommits(_ records: [PreparedRecord], day: String, at: Date) throws -> [JournalEntry] {
        try beginCommits(records, bodyFiles: Array(repeating: nil, count: records.count), day: day, at: at)
    }

    /// ``beginCommits(_:day:at:)`` for one record.
    public func beginCommit(_ record: PreparedRecord, day: String, at: Date) throws -> JournalEntry {
        try beginCommits([record], day: day, at: at)[0]
    }

    /// ``finishCommits(_:at:)`` for one entry.
    public func finishCommit(_ entry: JournalEntry, at: Date) throws {
        try finishCommits([entry], at: at)
    }
}
