public import Foundation

/// What one pass did, per source and in total; printed at the end of a run, stored in the run
/// history and turned into metrics.
public struct RunSummary: Sendable, Codable, Equatable {
    /// Counters of one source.
    public struct SourceCounts: Sendable, Codable, Equatable {
        /// Polls made (0 when the source was not due).
        public var polled = 0
        /// Polls answered "not modified" (304 or an unchanged body).
        public var unchanged = 0
        /// Entries announced that were not known yet.
        public var newEntries = 0
        /// Records written (text file + manifest line).
        public var records = 0
        /// Near or exact duplicates (manifest line, text file per policy).
        public var duplicates = 0
        /// New revisions of known URLs.
        public var revisions = 0
        /// Known URLs fetched again whose text had not changed materially.
        public var unchangedArticles = 0
        /// Pages extracted with low confidence.
        public var lowConfidence = 0
        /// Fetched pages that gave no article text, by reason (`NoTextReason` raw values). Such a
        /// page writes no record; it is counted here, logged with its URL and retried later.
        public var withoutText: [String: Int] = [:]
        /// Fetches by outcome: `ok`, `not_modified`, or an error class.
        public var fetches: [String: Int] = [:]
        /// Failures by error class (poll and article fetches, extraction).
        public var errors: [String: Int] = [:]
        /// The last error message, for the one-line report.
        public var lastError: String?

        public init() {}

        var errorCount: Int { errors.values.reduce(0, +) }
        /// Pages that gave no article text, whatever the reason.
        public var withoutTextCount: Int { withoutText.values.reduce(0, +) }
    }

    public var kind: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var sources: [String: SourceCounts] = [:]
    /// Journal entries a killed process left, finished at start.
    public var recovered = 0
    /// True when the run stopped early on SIGTERM/SIGINT.
    public var interrupted = false
    public var dedupeIndexSize = 0
    /// The worker that ran the pass (its lease holder name).
    public var worker: String?

    public init(kind: String, startedAt: Date) {
        self.kind = kind
        self.startedAt = startedAt
    }

    public var totals: SourceCounts {
        var t = SourceCounts()
        for c in sources.values {
            t.polled += c.polled
            t.unchanged += c.unchanged
            t.newEntries += c.newEntries
            t.records += c.records
            t.duplicates += c.duplicates
            t.revisions += c.revisions
            t.unchangedArticles += c.unchangedArticles
            t.lowConfidence += c.lowConfidence
            t.withoutText.merge(c.withoutText, uniquingKeysWith: +)
            t.fetches.merge(c.fetches, uniquingKeysWith: +)
            t.errors.merge(c.errors, uniquingKeysWith: +)
        }
        return t
    }

    mutating func update(_ source: String, _ change: (inout SourceCounts) -> Void) {
        change(&sources[source, default: SourceCounts()])
    }

    /// The human summary: one line per source, then totals.
    public func rendered() -> String {
        var lines: [String] = []
        let duration = (finishedAt ?? Date()).timeIntervalSince(startedAt)
        lines.append("\(kind) \(interrupted ? "interrupted" : "finished") in \(String(format: "%.1f", duration)) s" +
                     (recovered > 0 ? " (recovered \(recovered) interrupted commits)" : ""))
        let header = "source".padding(toLength: 24, withPad: " ", startingAt: 0) + "  polled unchanged    new records  dupes revs notext errors"
        lines.append(header)
        func row(_ name: String, _ c: SourceCounts) -> String {
            let n = name.count > 24 ? String(name.prefix(23)) + "…" : name.padding(toLength: 24, withPad: " ", startingAt: 0)
            var line = n + "  " + [c.polled, c.unchanged, c.newEntries, c.records, c.duplicates, c.revisions,
                                   c.withoutTextCount, c.errorCount]
                .enumerated().map { i, v in String(v).leftPadded(to: [6, 9, 6, 7, 6, 4, 6, 6][i]) }.joined(separator: " ")
            if !c.withoutText.isEmpty {
                line += "  no text: " + c.withoutText.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }
            if !c.errors.isEmpty {
                line += "  " + c.errors.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }
            return line
        }
        for (name, counts) in sources.sorted(by: { $0.key < $1.key }) {
            lines.append(row(name, counts))
        }
        lines.append(row("total", totals))
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
