public import Foundation

/// What `copydesk status` shows: per-source health from the state store.
public struct StatusReport: Sendable, Codable {
    public struct SourceHealth: Sendable, Codable {
        public var name: String
        public var url: String
        public var configured: Bool
        public var lastSuccess: Date?
        public var lastPoll: Date?
        public var consecutiveFailures: Int
        public var lastError: String?
        public var polls: Int
        /// Share of polls answered 304 / unchanged.
        public var notModifiedShare: Double
        public var nextPoll: Date?
        public var queued: Int
        /// Records written per UTC day, newest first.
        public var recordsPerDay: [String: Int]
        /// Pages of the last finished pass that gave no article text, by reason.
        public var withoutTextLastRun: [String: Int] = [:]
    }

    public var sources: [SourceHealth]
    public var dedupeIndexSize: Int
    public var queuedURLs: Int
    public var lastRuns: [RunRecord]
    /// Every worker that has used the state: when it was last seen, the leases it holds and
    /// the records it wrote.
    public var workers: [WorkerRecord] = []

    /// Reads the report from a store; `config` marks which stored sources are still configured.
    public static func read(store: any StateStore, config: PipelineConfig?, dedupeIndexSize: Int, days: Int = 7) throws -> StatusReport {
        let stored = try store.allSources()
        let counts = try store.recordsPerDay(days: days)
        let queue = try store.dueQueue(source: nil, now: .distantFuture, limit: 1_000_000)
        var sources: [SourceHealth] = []
        var names = Set<String>()
        for s in stored {
            names.insert(s.name)
            var perDay: [String: Int] = [:]
            for c in counts where c.source == s.name { perDay[c.day] = c.records }
            sources.append(SourceHealth(
                name: s.name, url: s.url, configured: config?.sources.contains { $0.name == s.name } ?? true,
                lastSuccess: s.lastSuccessAt, lastPoll: s.lastPollAt, consecutiveFailures: s.consecutiveFailures,
                lastError: s.lastError, polls: s.polls,
                notModifiedShare: s.polls > 0 ? Double(s.notModified) / Double(s.polls) : 0,
                nextPoll: s.nextPollAt, queued: queue.filter { $0.source == s.name }.count, recordsPerDay: perDay))
        }
        let lastRuns = try store.recentRuns(limit: 5)
        let lastFinished = lastRuns.first { $0.finishedAt != nil }
        for index in sources.indices {
            sources[index].withoutTextLastRun = lastFinished?.withoutText[sources[index].name] ?? [:]
        }
        for source in config?.sources ?? [] where !names.contains(source.name) {
            sources.append(SourceHealth(name: source.name, url: source.url, configured: true, lastSuccess: nil, lastPoll: nil,
                                        consecutiveFailures: 0, lastError: nil, polls: 0, notModifiedShare: 0,
                                        nextPoll: nil, queued: 0, recordsPerDay: [:]))
        }
        return StatusReport(sources: sources.sorted { $0.name < $1.name }, dedupeIndexSize: dedupeIndexSize,
                            queuedURLs: queue.count, lastRuns: lastRuns, workers: try store.workers(now: Date()))
    }

    /// The human table.
    public func rendered(now: Date = Date()) -> String {
        func ago(_ date: Date?) -> String {
            guard let date else { return "never" }
            let s = now.timeIntervalSince(date)
            if s < 0 { return "in " + span(-s) }
            return span(s) + " ago"
        }
        func span(_ s: Double) -> String {
            if s < 90 { return "\(Int(s))s" }
            if s < 5400 { return "\(Int(s / 60))m" }
            if s < 172_800 { return "\(Int(s / 3600))h" }
            return "\(Int(s / 86_400))d"
        }
        var lines = ["source                    last success  failures  304s  next poll  queued  records/day (newest first)"]
        for s in sources {
            let perDay = s.recordsPerDay.sorted { $0.key > $1.key }.prefix(7).map { "\($0.value)" }.joined(separator: " ")
            var line = s.name.padding(toLength: 24, withPad: " ", startingAt: 0) + "  "
            line += ago(s.lastSuccess).padding(toLength: 12, withPad: " ", startingAt: 0) + "  "
            line += String(s.consecutiveFailures).leftPadded(to: 8) + "  "
            line += (String(Int((s.notModifiedShare * 100).rounded())) + "%").leftPadded(to: 4) + "  "
            line += ago(s.nextPoll).padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
            line += String(s.queued).leftPadded(to: 6) + "  " + (perDay.isEmpty ? "-" : perDay)
            if !s.configured { line += "  (no longer configured)" }
            lines.append(line)
            if let error = s.lastError, s.consecutiveFailures > 0 { lines.append("    last error: \(error)") }
            if !s.withoutTextLastRun.isEmpty {
                lines.append("    no article text in the last pass: " + Self.reasons(s.withoutTextLastRun))
            }
        }
        lines.append("dedupe index: \(dedupeIndexSize) articles; retry queue: \(queuedURLs) URLs")
        if !workers.isEmpty {
            lines.append("worker                    last seen     pid  sources  hosts  records")
            for w in workers {
                var line = w.name.padding(toLength: 24, withPad: " ", startingAt: 0) + "  "
                line += ago(w.lastSeenAt).padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                line += String(w.pid).leftPadded(to: 6) + "  " + String(w.sourceLeases).leftPadded(to: 7) + "  "
                line += String(w.hostLeases).leftPadded(to: 5) + "  " + String(w.records).leftPadded(to: 7)
                lines.append(line)
            }
        }
        if let run = lastRuns.first {
            var line = "last run: \(run.kind) #\(run.id) started \(ago(run.startedAt)), \(run.outcome ?? "running or killed")"
            if run.withoutTextTotal > 0 { line += "; \(run.withoutTextTotal) pages gave no article text (see the log)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `paywall=1, script_only=2`, sorted by reason.
    static func reasons(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
