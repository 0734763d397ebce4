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
    /// numbers, in one transaction. A record whose URL another writer has already journalled,
    /// or committed at this revision or a later one, gets no entry (workers and processes
    /// sharing the state never write one URL twice): the result holds the accepted records'
    /// entries, in order. `bodyFiles[i]` names the pending file that already holds
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

    // MARK: Workers and leases (several workers sharing one state)
    /// Runs `body` while no other process sharing the state runs its own: the writer decides
    /// (dedupe) and commits a group inside it, so two copies of one story committed at the
    /// same moment by two workers make one original and one duplicate, never two originals.
    /// `body` may end the exclusion early by calling the function it is given (once the
    /// decisions are journalled and indexed, the files and the final rows need no exclusion).
    func exclusively<T>(_ body: (_ release: () -> Void) throws -> T) throws -> T
    /// Notes that `worker` (process `pid`) is alive and extends every lease it holds to
    /// `until`. When the name comes back with another pid (the worker was restarted), the
    /// leases of the process that died are given back first, each host marked as used `now`
    /// (it may have sent a request just before it died).
    func heartbeat(worker: String, pid: Int32, now: Date, until: Date) throws
    /// Leases to `worker`, until `until`, up to `limit` of `claims` (in order) that no other
    /// worker holds (or whose lease ran out) and whose host is free or already the worker's,
    /// with their hosts. With `dueBy`, only sources whose next poll is due by then (checked in
    /// the same transaction, so a source another worker polled a moment ago is not taken).
    func claimSources(_ claims: [SourceClaim], worker: String, dueBy: Date?, limit: Int, now: Date, until: Date) throws -> SourceGrant
    /// Gives back source leases (their next poll time is saved first).
    func releaseSources(_ names: [String], worker: String) throws
    /// Leases to `worker` hosts that have due queue entries of `sources` and that no other
    /// worker holds, up to its share (1/`share`, rounded up) of all the hosts with due entries
    /// counting those it already holds, and returns up to `limit` due
    /// entries of `sources` on the hosts it holds, round-robin over sources: each queued URL
    /// is fetched by one worker, and each host talked to by one worker at a time.
    func claimQueue(worker: String, sources: [String], now: Date, until: Date, share: Int, limit: Int) throws -> QueueGrant
    /// Gives back host leases, with how the worker last used each host.
    func releaseHosts(_ uses: [HostUse], worker: String) throws
    /// Leases one input of a backfill job (a WARC file) to `worker` unless another worker
    /// holds it: several workers started with the same job share its files.
    func claimBackfillItem(job: String, item: String, worker: String, now: Date, until: Date) throws -> Bool
    /// Gives back a backfill input (finished, or stopped at a checkpoint).
    func releaseBackfillItem(job: String, item: String, worker: String) throws
    /// Every worker that has used the state, with the leases it holds at `now`.
    func workers(now: Date) throws -> [WorkerRecord]

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
