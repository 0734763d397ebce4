public import Logging
public import ServiceLifecycle
import Foundation
import UnixSignals

/// Delivers the record log to one consumer: batch after batch, each handed to `deliver` (which
/// writes and flushes it) before the cursor moves past it, so delivery is at-least-once: a crash
/// of either side between the two steps only repeats the last batch. With `follow`, it keeps
/// waiting for new commits (a concurrent `run` or `backfill`) until a graceful shutdown
/// (SIGTERM/SIGINT), checking every `pollInterval`.
public final class RecordFollower: Service, Sendable {
    public typealias Deliver = @Sendable (_ lines: [String]) throws -> Void
    public typealias SaveCursor = @Sendable (_ position: Int64) throws -> Void

    private let feed: RecordFeed
    private let start: Int64
    private let follow: Bool
    private let pollInterval: Duration
    private let batchSize: Int
    private let deliver: Deliver
    private let save: SaveCursor

    public init(feed: RecordFeed, after start: Int64, follow: Bool, pollInterval: Duration = .milliseconds(200),
                batchSize: Int = 500, deliver: @escaping Deliver, save: @escaping SaveCursor) {
        self.batchSize = batchSize
        self.feed = feed
        self.start = start
        self.follow = follow
        self.pollInterval = pollInterval
        self.deliver = deliver
        self.save = save
    }

    public func run() async throws {
        var position = start
        while true {
            let batch = try feed.next(after: position, limit: batchSize)
            if !batch.lines.isEmpty { try deliver(batch.lines) }
            if batch.resumeAfter != position {
                position = batch.resumeAfter
                try save(position)
            }
            if !batch.lines.isEmpty { continue }  // more may be waiting: no pause between full batches
            guard follow, !Task.isShuttingDownGracefully else { return }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.pollInterval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { return }
        }
    }

    /// Runs the follower in a service group that turns SIGTERM/SIGINT into a graceful stop.
    public func runWithSignals(logger: Logger) async throws {
        let configuration = ServiceGroupConfiguration(
            services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup,
                             failureTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        try await ServiceGroup(configuration: configuration).run()
    }
}
