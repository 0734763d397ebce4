import Foundation

/// Committed records as JSON lines for downstream consumers (`copydesk records`): each line is
/// the record's manifest line (every key of the record contract) with `cursor` (its place in
/// commit order), `path` (the text file, absolute; absent for a dropped duplicate) and, when
/// asked, `text`. Records appear in commit order and only once committed: the writer adds a
/// record to the log in its last step, after the text file is renamed into place and the
/// manifest line is flushed, so a line never names a half-written file.
///
/// With workers sharing a PostgreSQL state the log holds every worker's records; a record
/// another worker wrote has its text in that worker's output folder, so its line carries
/// `worker` and `file` but no `path` (and no `text`): read it on that worker's machine, or
/// filter with `--worker`.
public struct RecordFeed: Sendable {
    /// One batch: the lines, and the position to resume after (past filtered-out records too).
    public struct Batch: Sendable {
        public var lines: [String]
        public var resumeAfter: Int64
    }

    private let store: any StateStore
    private let outputDirectory: String
    public var filter: RecordLogFilter
    public var withText: Bool
    /// This machine's worker when workers share the state (nil: every record is local).
    private let localWorker: String?

    public init(store: any StateStore, outputDirectory: String, filter: RecordLogFilter = .init(), withText: Bool = false,
                localWorker: String? = nil) {
        self.store = store
        self.outputDirectory = outputDirectory
        self.localWorker = localWorker
        self.filter = filter
        self.withText = withText
    }

    /// The next lines after `position`, at most `limit`.
    public func next(after position: Int64, limit: Int = 500) throws -> Batch {
        let upper = try store.lastRecordPosition()
        guard upper > position else { return Batch(lines: [], resumeAfter: position) }
        let records = try store.committedRecords(after: position, through: upper, filter: filter, limit: limit)
        var manifests = DayManifests(outputDirectory: outputDirectory)
        var lines: [String] = []
        lines.reserveCapacity(records.count)
        for record in records {
            guard let manifest = try record.manifestLine ?? manifests.line(of: record) else {
                throw RecordFeedError.manifestLineMissing(id: record.id, day: record.day)
            }
            lines.append(try line(record, manifest: manifest))
        }
        // A short batch read everything up to `upper`; a full one stops at its last record.
        let resume = records.count < limit ? upper : records.last!.position
        return Batch(lines: lines, resumeAfter: resume)
    }

    private func line(_ record: CommittedRecord, manifest: String) throws -> String {
        var extra = #","cursor":\#(record.position)"#
        let isLocal = localWorker == nil || record.worker == nil || record.worker == localWorker
        if let file = record.file, isLocal {
            let path = ((outputDirectory as NSString).appendingPathComponent(record.day) as NSString).appendingPathComponent(file)
            extra += #","path":"# + Self.jsonString(path)
            if withText {
                let text = try FileBytes.string(path)
                extra += #","text":"# + Self.jsonString(text)
            }
        }
        guard manifest.hasSuffix("}") else { throw RecordFeedError.manifestLineMissing(id: record.id, day: record.day) }
        return String(manifest.dropLast()) + extra + "}"
    }

    static func jsonString(_ text: String) -> String { DedupeStream.jsonString(text) }
}

/// A record the log names but whose manifest line cannot be found.
public enum RecordFeedError: Error, CustomStringConvertible {
    case manifestLineMissing(id: String, day: String)

    public var description: String {
        switch self {
        case .manifestLineMissing(let id, let day): return "record \(id) of \(day): its manifest line was not found"
        }
    }
}
