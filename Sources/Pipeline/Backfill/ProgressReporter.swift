import Foundation
public import Logging
import Synchronization

/// Backfill progress: on a terminal one live line (done / total, rate, ETA, errors), redrawn
/// every second; otherwise a log line every 10 seconds.
public struct ProgressReporter: Sendable {
    public enum Style: Sendable { case liveLine, logLines, silent }

    public let style: Style
    private let logger: Logger

    public init(style: Style, logger: Logger) {
        self.style = style
        self.logger = logger
    }

    /// The style fitting standard error: a live line on a terminal, log lines otherwise.
    public static func forStandardError(logger: Logger) -> ProgressReporter {
        ProgressReporter(style: isatty(STDERR_FILENO) == 1 ? .liveLine : .logLines, logger: logger)
    }

    func start(stats: RunStats, source: String, total: Int?) -> ProgressTicker {
        ProgressTicker(style: style, logger: logger, stats: stats, source: source, total: total)
    }
}

/// The running reporter of one backfill; a Dispatch timer, stopped by ``finish()``.
final class ProgressTicker: @unchecked Sendable {
    // @unchecked: `timer` is set once in init; a Dispatch source may be cancelled from any
    // thread. Everything the timer reads is behind `state`'s mutex or in `RunStats`.
    private let timer: (any DispatchSourceTimer)?
    private let state: Shared<(total: Int?, startedAt: Date)>
    private let style: ProgressReporter.Style

    init(style: ProgressReporter.Style, logger: Logger, stats: RunStats, source: String, total: Int?) {
        self.style = style
        let state = Shared<(total: Int?, startedAt: Date)>((total, Date()))
        self.state = state
        guard style != .silent else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "copydesk.progress"))
        let interval: DispatchTimeInterval = style == .liveLine ? .seconds(1) : .seconds(10)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            let counts = stats.snapshot.sources[source] ?? RunSummary.SourceCounts()
            let (total, startedAt) = state.withLock { $0 }
            let line = Self.line(counts: counts, total: total, elapsed: Date().timeIntervalSince(startedAt))
            if style == .liveLine {
                FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            } else {
                logger.info("backfill progress", metadata: ["source": "\(source)", "progress": "\(line)"])
            }
        }
        timer.resume()
        self.timer = timer
    }

    func setTotal(_ total: Int) {
        state.withLock { $0.total = total }
    }

    func finish() {
        timer?.cancel()
        if style == .liveLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func line(counts: RunSummary.SourceCounts, total: Int?, elapsed: TimeInterval) -> String {
        let done = counts.records + counts.duplicates + counts.revisions + counts.unchangedArticles + counts.errors.values.reduce(0, +)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\(done)"
        if let total, total > 0 {
            line += "/\(total) (\(Int(Double(done) / Double(total) * 100))%)"
            if rate > 0, total > done {
                let eta = Double(total - done) / rate
                line += " ETA \(eta < 90 ? "\(Int(eta))s" : eta < 5400 ? "\(Int(eta / 60))m" : "\(Int(eta / 3600))h")"
            }
        }
        line += String(format: " %.1f/s", rate)
        line += " records=\(counts.records) dupes=\(counts.duplicates) errors=\(counts.errors.values.reduce(0, +))"
        return line
    }
}
