public import Foundation

/// A source's stored state: validators, schedule and health.
public struct SourceRecord: Sendable, Equatable, Codable {
    public var name: String
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// Hash of the last fetched body, for sources whose validators cannot be trusted.
    public var contentHash: String?
    /// Opaque schedule state (JSON) owned by the poll scheduler.
    public var scheduleJSON: String?
    public var nextPollAt: Date?
    public var lastPollAt: Date?
    public var lastSuccessAt: Date?
    public var consecutiveFailures: Int
    public var lastError: String?
    public var polls: Int
    public var notModified: Int

    public init(name: String, url: String) {
        self.name = name
        self.url = url
        consecutiveFailures = 0
        polls = 0
        notModified = 0
    }
}

/// The latest record written for a canonical URL.
public struct KnownURL: Sendable, Equatable {
    public var canonicalURL: String
    public var id: String
    public var source: String
    public var contentHash: String?
    public var revision: Int
    public var lastFile: String?
    /// The feed entry's `updated` date when it was last recorded: a newer one means re-fetch.
    public var entryUpdatedAt: Date?
    /// Similarity signature of the last version's text, for revision checks.
    public var signature: Data?
}

/// An article URL announced by a source but not yet recorded.
public struct QueuedURL: Sendable, Equatable {
    public var canonicalURL: String
    public var url: String
    public var source: String
    /// The source's metadata for the entry (JSON), merged into the record later.
    public var entryJSON: String?
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?

    public init(canonicalURL: String, url: String, source: String, entryJSON: String?,
                attempts: Int = 0, nextAttemptAt: Date, lastError: String? = nil) {
        self.canonicalURL = canonicalURL
        self.url = url
        self.source = source
        self.entryJSON = entryJSON
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// A record ready to be written: everything but its place (day, seq, file).
public struct PreparedRecord: Sendable, Equatable {
    public var id: String
    public var canonicalURL: String
    public var source: String
    public var contentHash: String
    public var revision: Int
    public var duplicateOf: String?
    /// Text file body; `nil` for a dropped duplicate (manifest line only).
    public var body: String?
    /// The manifest object without `seq` and `file`, which the commit fills in.
    public var manifest: ManifestRecord
    public var entryUpdatedAt: Date?
    public var signature: Data?

    public init(id: String, canonicalURL: String, source: String, contentHash: String, revision: Int,
                duplicateOf: String?, body: String?, manifest: ManifestRecord,
                entryUpdatedAt: Date? = nil, signature: Data? = nil) {
        self.id = id
        self.canonicalURL = canonicalURL
        self.source = source
        self.contentHash = contentHash
        self.revision = revision
        self.duplicateOf = duplicateOf
        self.body = body
        self.manifest = manifest
        self.entryUpdatedAt = entryUpdatedAt
        self.signature = signature
    }
}

/// A journalled record: its place is fixed, its files may not be written yet.
public struct JournalEntry: Sendable, Equatable {
    public var token: String
    public var day: String
    public var seq: Int?
    public var file: String?
    /// The full manifest line (JSON, no newline).
    public var manifestLine: String
    /// The text file's body. A journal read back by recovery holds it only for entries written
    /// before bodies moved to pending files; the writer reads the others from ``bodyFile``.
    public var body: String?
    /// The pending file (in the output folder's `.pending`) that holds the body until it is
    /// renamed into place; nil when the body is in ``body`` or the record has no file.
    public var bodyFile: String?
    public var canonicalURL: String
    public var source: String
    public var id: String
    public var contentHash: String
    public var revision: Int
    public var duplicateOf: String?
    public var entryUpdatedAt: Date?
    public var signature: Data?
}

/// Records written on one day by one source.
public struct DailyCount: Sendable, Equatable, Codable {
    public var day: String
    public var source: String
    public var records: Int
}

/// One finished run.
public struct RunRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var kind: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var outcome: String?
    /// Fetched pages of that pass that gave no article text: source → reason → count (read
    /// from the stored run summary; empty for runs that had none or are still going).
    public var withoutText: [String: [String: Int]] = [:]

    /// Pages without text over all sources.
    public var withoutTextTotal: Int { withoutText.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}

extension JournalEntry {
    /// The journal entry of `record`, numbered `seq` when it has a body (a dropped duplicate
    /// takes no number and has no file): the manifest line is written here, once, with its
    /// final `seq` and `file`.
    static func numbered(_ record: PreparedRecord, seq: Int, bodyFile: String?, token: String, day: String) throws -> JournalEntry {
        var manifest = record.manifest
        if record.body != nil {
            manifest.seq = seq
            manifest.file = RecordFileName.make(seq: seq, id: record.id)
        } else {
            manifest.seq = nil
            manifest.file = nil
        }
        return JournalEntry(
            token: token, day: day, seq: manifest.seq, file: manifest.file,
            manifestLine: try manifest.jsonLine(), body: record.body, bodyFile: record.body == nil ? nil : bodyFile,
            canonicalURL: record.canonicalURL, source: record.source, id: record.id,
            contentHash: record.contentHash, revision: record.revision, duplicateOf: record.duplicateOf,
            entryUpdatedAt: record.entryUpdatedAt, signature: record.signature)
    }
}
