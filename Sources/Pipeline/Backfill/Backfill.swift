import Foundation
public import Logging
import Fetch
import Normalize

/// `copydesk backfill`: one-shot ingestion of the past through the same stages, state, dedupe
/// index and record format as `run`, so backfilled and live records deduplicate together.
///
/// Resumable: discovered URLs go to the durable retry queue under the job's source label before
/// any is fetched, recorded URLs leave it in the same transaction as their record, and WARC
/// positions are checkpointed after the records before them are committed. Started again with
/// the same arguments after SIGTERM or SIGKILL, it carries on where it stopped.
public final class Backfill: Sendable {
    public let config: PipelineConfig
    public let options: BackfillOptions
    private let logger: Logger
    private let progress: ProgressReporter
    private let flow: Locked<ArticleFlow?> = Locked(nil)
    private let stopped = Locked(false)

    /// URLs fetched from the queue per batch (bounds memory however long the list).
    static let batchSize = 2_000

    public init(config: PipelineConfig, options: BackfillOptions, logger: Logger, progress: ProgressReporter) {
        self.config = config
        self.options = options
        self.logger = logger
        self.progress = progress
    }

    public func requestStop() {
        stopped.withLock { $0 = true }
        flow.withLock { $0?.stopRequested.withLock { $0 = true } }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    public func run() async throws -> RunSummary {
        try await PipelineRuntime.pass(config: config, kind: "backfill", lock: "backfill-\(options.jobKey)", mode: .failFast,
                                       logger: logger, interrupted: { [weak self] in self?.stopped.withLock { $0 } ?? true }) { context in
            try await pass(context)
        }
    }

    private func pass(_ context: PipelineContext) async throws {
        let source = options.sourceName
        let reporter = progress.start(stats: context.stats, source: source, total: nil)
        defer { reporter.finish() }

        let discovery = BackfillDiscovery(context: context, options: options, source: source)
        if let list = options.urlList { try discovery.enqueueURLList(list) }
        if let sitemap = options.sitemap, !isStopped { try await discovery.enqueueSitemap(sitemap) }
        if let feed = options.feed, !isStopped { try await discovery.enqueueFeedArchive(feed) }
        reporter.setTotal(try context.store.dueQueue(source: source, now: Date(), limit: 10_000_000).count)

        // Queued URLs, a batch at a time, until none is due or a stop is asked for; each URL
        // once per backfill (one that hit a write error waits for the next start). A batch is
        // this worker's share of the hosts: workers running the same job split its URLs, and
        // talk to one host one at a time.
        let leases = WorkerLeases(store: context.store, client: context.client, identity: context.worker, logger: logger)
        try leases.start()
        defer { leases.stop() }
        var taken = Set<String>()
        while !isStopped {
            let batch = try leases.claimQueue(sources: [source], limit: Self.batchSize).filter { !taken.contains($0.canonicalURL) }
            if batch.isEmpty { break }
            batch.forEach { taken.insert($0.canonicalURL) }
            let articleFlow = ArticleFlow(context: context)
            flow.withLock { $0 = articleFlow }
            await articleFlow.run(batch)
            leases.releaseHosts()
        }

        if !options.warcFiles.isEmpty, !isStopped {
            let warc = WARCBackfill(context: context, options: options, source: source, job: options.jobKey, leases: leases,
                                    isStopped: { [weak self] in self?.isStopped ?? true },
                                    onFlow: { [weak self] flow in self?.flow.withLock { $0 = flow } })
            try await warc.run()
        }
    }
}
