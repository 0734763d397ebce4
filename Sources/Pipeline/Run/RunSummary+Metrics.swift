import Foundation

extension RunSummary {
    /// The Prometheus view of this pass.
    public func metrics(succeeded: Bool) -> RunMetrics {
        let totals = self.totals
        var metrics = RunMetrics(
            command: kind, startedAt: startedAt, finishedAt: finishedAt ?? Date(), succeeded: succeeded,
            recordsWritten: totals.records + totals.revisions, duplicates: totals.duplicates, revisions: totals.revisions,
            lowConfidenceExtractions: totals.lowConfidence, dedupeIndexSize: dedupeIndexSize)
        metrics.worker = worker
        for (source, counts) in sources.sorted(by: { $0.key < $1.key }) {
            if !counts.withoutText.isEmpty { metrics.withoutText[source] = counts.withoutText }
            for (outcome, count) in counts.fetches.sorted(by: { $0.key < $1.key }) {
                let mapped: FetchOutcome = outcome == "ok" ? .fetched : outcome == "not_modified" ? .notModified : .failed(errorClass: outcome)
                for _ in 0..<count { metrics.recordFetch(source: source, outcome: mapped) }
            }
        }
        return metrics
    }
}

/// Writes a pass's metrics file (textfile-collector convention, atomic replace).
public enum MetricsExport {
    public static func write(summary: RunSummary, to path: String) throws {
        try MetricsTextfile(path: path).write(summary.metrics(succeeded: !summary.interrupted))
    }
}
