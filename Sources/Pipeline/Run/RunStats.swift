import Foundation

/// The running tally of a pass, updated from every stage.
final class RunStats: Sendable {
    private let summary: Locked<RunSummary>

    init(kind: String, startedAt: Date) {
        summary = Locked(RunSummary(kind: kind, startedAt: startedAt))
    }

    func update(_ source: String, _ change: (inout RunSummary.SourceCounts) -> Void) {
        summary.withLock { $0.update(source, change) }
    }

    func updateRun(_ change: (inout RunSummary) -> Void) {
        summary.withLock { change(&$0) }
    }

    func fetched(_ source: String, outcome: String) {
        update(source) { $0.fetches[outcome, default: 0] += 1 }
    }

    func failed(_ source: String, errorClass: String, message: String) {
        update(source) {
            $0.errors[errorClass, default: 0] += 1
            $0.lastError = message
        }
    }

    var snapshot: RunSummary { summary.withLock { $0 } }
}
