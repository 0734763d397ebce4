import Foundation
public import Logging
import Fetch
import Normalize

/// How a pass is started.
public struct IngestionOptions: Sendable {
    /// Poll every enabled source, due or not.
    public var pollAll = false
    /// Wait for a running pass instead of exiting with status 75.
    public var waitForLock = false

    public init(pollAll: Bool = false, waitForLock: Bool = false) {
        self.pollAll = pollAll
        self.waitForLock = waitForLock
    }
}

/// One incremental pass of `copydesk run`: recover, poll due sources, fetch, extract, dedupe
/// and write the queued articles, then report.
public final class Ingestion: Sendable {
    public let config: PipelineConfig
    private let options: IngestionOptions
    private let logger: Logger
    private let flow: Locked<ArticleFlow?> = Locked(nil)
    private let stopped = Locked(false)

    public init(config: PipelineConfig, options: IngestionOptions, logger: Logger) {
        self.config = config
        self.options = options
        self.logger = logger
    }

    /// Asks the pass to start no new work; in-flight work finishes.
    public func requestStop() {
        stopped.withLock { $0 = true }
        flow.withLock { $0?.stopRequested.withLock { $0 = true } }
    }

    /// Runs the pass. Throws ``RunLock/Busy`` when another pass holds the lock.
    public func run() async throws -> RunSummary {
        try await PipelineRuntime.pass(config: config, kind: "run", lock: "run", mode: options.waitForLock ? .wait : .failFast,
                                       logger: logger, interrupted: { [weak self] in self?.stopped.withLock { $0 } ?? true }) { context in
            try await pass(context)
        }
    }

    private func pass(_ context: PipelineContext) async throws {
        var due = try dueSources(context.store, now: Date())
        logger.info("pass started", metadata: ["sources.due": "\(due.count)", "sources.configured": "\(config.sources.count)",
                                               "worker": "\(context.worker.name)"])
        // Leases: with several workers sharing the state, each polls its share of the sources
        // and fetches the queue of its share of the hosts; alone, a worker takes everything.
        let leases = WorkerLeases(store: context.store, client: context.client, identity: context.worker, logger: logger)
        try leases.start()
        defer { leases.stop() }
        let poller = SourcePoller(context: context)
        while !due.isEmpty, !stopped.withLock({ $0 }) {
            let mine = try leases.claimSources(due, due: !options.pollAll)
            if mine.isEmpty { break }  // the rest are held by other workers
            let claimed = Set(mine.map(\.name))
            due.removeAll { claimed.contains($0.name) }
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for source in mine {
                    if stopped.withLock({ $0 }) { break }
                    if running >= config.fetch.concurrency {
                        await group.next()
                        running -= 1
                    }
                    group.addTask {
                        await poller.poll(source, now: Date())
                        leases.releaseSource(source.name)
                    }
                    running += 1
                }
            }
        }
        leases.releaseHosts()

        // The due queue a page at a time, so memory stays flat however long it is. A URL is
        // taken once per pass: one that neither succeeds nor fails for good (a write error)
        // waits for the next pass instead of looping. Only those are remembered — a recorded
        // URL leaves the queue and a failed one is rescheduled — so the set stays as small as
        // the failures, not as large as the pass. Each page is this worker's share of the hosts
        // with due entries, held until the page is done.
        let enabled = config.sources.filter(\.enabled).map(\.name)
        var taken = Set<String>()
        while !stopped.withLock({ $0 }) {
            let page = try leases.claimQueue(sources: enabled, limit: pageSize(context)).filter { !taken.contains($0.canonicalURL) }
            if page.isEmpty {
                // Other workers may hold the rest for a moment (polling a source, or a page of
                // a host): wait for their next release and take a share then.
                guard try workHeldElsewhere(context, enabled: Set(enabled), taken: taken) else { break }
                try? await Task.sleep(for: Self.claimRetry)
                continue
            }
            let articleFlow = ArticleFlow(context: context)
            flow.withLock { $0 = articleFlow }
            if stopped.withLock({ $0 }) { articleFlow.stopRequested.withLock { $0 = true } }
            await articleFlow.run(page)
            taken.formUnion(try context.store.stillDue(page.map(\.canonicalURL), now: Date()))
            leases.releaseHosts()
        }
    }

    /// Queued URLs handed to the stages at a time.
    static let queuePage = 5_000

    /// How long a worker waits before claiming again while others hold due work.
    static let claimRetry: Duration = .milliseconds(200)

    /// Whether, sharing a PostgreSQL state, due work exists that other workers hold now: due
    /// queue entries (other than those this pass gave up on) or sources being polled.
    private func workHeldElsewhere(_ context: PipelineContext, enabled: Set<String>, taken: Set<String>) throws -> Bool {
        guard context.config.state.url != nil else { return false }
        let now = Date()
        let due = try context.store.dueQueue(source: nil, now: now, limit: taken.count + 1)
        if due.contains(where: { enabled.contains($0.source) && !taken.contains($0.canonicalURL) }) { return true }
        return try context.store.workers(now: now).contains { worker in
            worker.name != context.worker.name && worker.sourceLeases > 0
                && now.timeIntervalSince(worker.lastSeenAt) < context.worker.leaseSeconds
        }
    }

    /// Alone (SQLite), a page is as large as memory allows. Sharing a PostgreSQL state, pages
    /// are a few URLs per held host, so that hosts go back to the pool often and a worker that
    /// started later, or one that finished early, gets its share at the next claim.
    private func pageSize(_ context: PipelineContext) -> Int {
        context.config.state.url == nil ? Self.queuePage : max(64, context.config.fetch.concurrency * 8)
    }

    private func dueSources(_ store: any StateStore, now: Date) throws -> [SourceConfig] {
        let states = Dictionary(uniqueKeysWithValues: try store.allSources().map { ($0.name, $0) })
        return config.sources.filter { source in
            guard source.enabled else { return false }
            if options.pollAll { return true }
            guard let state = states[source.name], state.url == source.url, let next = state.nextPollAt else { return true }
            return next <= now
        }
    }
}
