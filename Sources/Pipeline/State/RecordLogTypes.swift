public import Foundation

/// One committed record as the record log holds it: its place in commit order and its manifest
/// line (the record contract), with where its text is.
public struct CommittedRecord: Sendable, Equatable {
    /// Place in commit order: increasing, one per record, never reused.
    public var position: Int64
    public var day: String
    /// The text file's name in the day folder; nil for a dropped duplicate (manifest line only).
    public var file: String?
    public var id: String
    public var source: String
    public var revision: Int
    public var duplicateOf: String?
    /// The manifest line; nil for records committed before the log kept it (read it from the
    /// day's `records.jsonl`).
    public var manifestLine: String?
    /// The worker that wrote the record (its text is in that worker's output folder); nil for
    /// records written before workers were named.
    public var worker: String?

    public init(position: Int64, day: String, file: String?, id: String, source: String, revision: Int,
                duplicateOf: String?, manifestLine: String?, worker: String? = nil) {
        self.position = position
        self.day = day
        self.file = file
        self.id = id
        self.source = source
        self.revision = revision
        self.duplicateOf = duplicateOf
        self.manifestLine = manifestLine
        self.worker = worker
    }
}

/// Which records of the log a reader wants.
public struct RecordLogFilter: Sendable, Equatable {
    /// Only these sources (all when empty).
    public var sources: [String] = []
    /// Day folders from / until (inclusive, `YYYY-MM-DD`).
    public var sinceDay: String?
    public var untilDay: String?
    /// Also near and exact duplicates (by default only records that are not duplicates).
    public var includeDuplicates = false
    /// Only records these workers wrote (all when empty).
    public var workers: [String] = []
    /// Only the newest revision of each record id: an older revision is left out when a newer
    /// one is already committed.
    public var latestRevisionOnly = false

    public init(sources: [String] = [], sinceDay: String? = nil, untilDay: String? = nil,
                includeDuplicates: Bool = false, latestRevisionOnly: Bool = false) {
        self.sources = sources
        self.sinceDay = sinceDay
        self.untilDay = untilDay
        self.includeDuplicates = includeDuplicates
        self.latestRevisionOnly = latestRevisionOnly
    }
}

/// A named consumer and how far it has read.
public struct ConsumerCursor: Sendable, Equatable, Codable {
    public var name: String
    public var position: Int64
    public var updatedAt: Date
    /// Committed records after the cursor (whatever the consumer's filters).
    public var behind: Int

    public init(name: String, position: Int64, updatedAt: Date, behind: Int) {
        self.name = name
        self.position = position
        self.updatedAt = updatedAt
        self.behind = behind
    }
}
