public import Foundation

/// What one `run` or `backfill` pass reports to monitoring, filled from the run summary and
/// written with ``MetricsTextfile`` at the end of every pass (failed ones included).
///
/// ``families(previous:)`` turns it into Prometheus families: "last run" gauges, plus
/// `_total` counters carried over from the previous file so that `rate()` and `increase()`
/// work across runs.
public struct RunMetrics: Sendable, Equatable {
    /// `run` or `backfill`; a label on every per-run metric so a backfill never hides the timer's runs.
    public var command: String
    /// When the pass began.
    public var startedAt: Date
    /// When the pass ended; the timestamps in the file are this instant.
    public var finishedAt: Date
    /// False when the pass ended with an error (the process exits non-zero).
    public var succeeded: Bool
    /// New records written (text file or manifest line).
    public var recordsWritten: Int
    /// Near-duplicates of an earlier record.
    public var duplicates: Int
    /// Updated versions of an earlier record.
    public var revisions: Int
    /// Pages whose extraction was flagged low-confidence.
    public var lowConfidenceExtractions: Int
    /// Texts in the dedupe index after the pass.
    public var dedupeIndexSize: Int
    /// Fetch outcomes per source, in the order sources were first seen.
    public var fetches: [SourceFetchCounts]
    /// Fetched pages that gave no article text: source → reason → count.
    public var withoutText: [String: [String: Int]] = [:]
    /// The worker that ran the pass, exported as `copydesk_worker_info{worker=…}`.
    public var worker: String?

    /// A pass's figures; counts default to zero.
    public init(
        command: String = "run", startedAt: Date, finishedAt: Date, succeeded: Bool,
        recordsWritten: Int = 0, duplicates: Int = 0, revisions: Int = 0,
        lowConfidenceExtractions: Int = 0, dedupeIndexSize: Int = 0, fetches: [SourceFetchCounts] = []
    ) {
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.succeeded = succeeded
        self.recordsWritten = recordsWritten
        self.duplicates = duplicates
        self.revisions = revisions
        self.lowConfidenceExtractions = lowConfidenceExtractions
        self.dedupeIndexSize = dedupeIndexSize
        self.fetches = fetches
    }

    /// Pages of this pass that gave no article text, whatever the source and reason.
    public var withoutTextTotal: Int { withoutText.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Wall-clock length of the pass, never negative.
    public var durationSeconds: Double { max(0, finishedAt.timeIntervalSince(startedAt)) }

    /// Counts one fetch of `source`.
    public mutating func recordFetch(source: String, outcome: FetchOutcome) {
        if let index = fetches.firstIndex(where: { $0.source == source }) {
            fetches[index].record(outcome)
        } else {
            var counts = SourceFetchCounts(source: source)
            counts.record(outcome)
            fetches.append(counts)
        }
    }
}
