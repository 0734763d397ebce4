import Fetch
import Foundation
import Logging
import Normalize

/// The long-lived parts a pass needs, opened once: state store, writer (after recovery), HTTP
/// client, extractor and dedupe index. Shared by `run` and `backfill`.
struct PipelineRuntime: Sendable {
    let config: PipelineConfig
    let store: any StateStore
    let writer: RecordWriter
    let client: HTTPClient
    let dedupe: DedupeGate
    let logger: Logger
    let archive: ResponseArchive?
    /// Journal entries a killed process left, finished while opening.
    let recovered: Int
    /// This process among the workers sharing the state.
    let worker: WorkerIdentity

    static func open(config: PipelineConfig, kind: String = "run", logger: Logger) throws -> PipelineRuntime {
        let worker = WorkerIdentity(config: config, kind: kind)
        // Every line the stages log names the worker, so merged logs of a cluster stay readable.
        var logger = logger
        logger[metadataKey: "worker"] = "\(worker.name)"
        let (store, dedupe) = try openState(config: config, worker: worker)
        let writer = try RecordWriter(outputDirectory: config.output.directory, store: store, logger: logger)
        let recovered = try writer.recover()
        // A killed process may have written these records without indexing them: index the
        // first reports now, so a reprint arriving later is still caught.
        for entry in recovered where entry.duplicateOf == nil {
            guard let body = entry.body else { continue }
            dedupe.insert(id: entry.id, fingerprint: dedupe.fingerprint(body), at: Date(), decision: .unique)
        }
        let client = HTTPClient(configuration: config.fetch.httpClientConfiguration(), logger: logger)
        let archive = try config.archive.directory.map {
            try ResponseArchive(config: config.archive, directory: $0, userAgent: config.fetch.userAgent, logger: logger)
        }
        return PipelineRuntime(config: config, store: store, writer: writer, client: client, dedupe: dedupe,
                               logger: logger, archive: archive, recovered: recovered.count, worker: worker)
    }

    /// The state store and the dedupe index in it: PostgreSQL when `state.url` is set (the
    /// index in the same database, shared by every worker), else the SQLite file.
    private static func openState(config: PipelineConfig, worker: WorkerIdentity) throws -> (any StateStore, DedupeGate) {
        if let url = config.state.url {
            // The writer, the leases' heartbeat and the stages' queue reads each hold a
            // connection at times, and the commit lock holds one for a whole group.
            let store = try PostgresStateStore(uri: url, worker: worker.recordWorker, maxConnections: 6,
                                               additionalMigrations: DedupeGate.postgresMigrations)
            return (store, try DedupeGate(config: config.dedupe, postgres: store.pool))
        }
        let store = try SQLiteStateStore(path: config.state.path, worker: worker.recordWorker, additionalMigrations: DedupeGate.migrations)
        return (store, try DedupeGate(config: config.dedupe, database: store.database))
    }

    /// The lock file's base path: beside the SQLite file, or in the worker's own output folder
    /// when the state is a server every worker shares.
    static func lockBase(_ config: PipelineConfig) -> String {
        config.state.url == nil ? config.state.path
            : (config.output.directory as NSString).appendingPathComponent(".copydesk-state")
    }

    func context(stats: RunStats) -> PipelineContext {
        PipelineContext(config: config, store: store, writer: writer, client: client, extractor: ArticleExtractor(),
                        dedupe: dedupe, stats: stats, logger: logger, archive: archive, worker: worker)
    }

    func shutdown() async {
        archive?.close()
        await client.shutdown()
    }

    /// One pass of `kind` (`run`, `backfill`) under its lock: opens the runtime (finishing
    /// interrupted commits), records the run in the history, hands the stages' context to
    /// `body`, expires old dedupe entries, and returns the summary — whatever `body` throws,
    /// the HTTP client is shut down and the lock released.
    static func pass(
        config: PipelineConfig, kind: String, lock lockKind: String, mode: RunLock.Mode, logger: Logger,
        interrupted: @Sendable () -> Bool, _ body: (PipelineContext) async throws -> Void
    ) async throws -> RunSummary {
        let lock = try RunLock(statePath: lockBase(config), kind: lockKind, mode: mode)
        defer { lock.release() }
        let startedAt = Date()
        let runtime = try PipelineRuntime.open(config: config, kind: kind, logger: logger)
        do {
            let context = runtime.context(stats: RunStats(kind: kind, startedAt: startedAt))
            context.stats.updateRun {
                $0.recovered = runtime.recovered
                $0.worker = runtime.worker.name
            }
            let runID = try context.store.beginRun(kind: kind, pid: ProcessInfo.processInfo.processIdentifier, at: startedAt)
            try await body(context)
            context.dedupe.expire(now: Date())
            context.stats.updateRun {
                $0.finishedAt = Date()
                $0.interrupted = interrupted()
                $0.dedupeIndexSize = context.dedupe.indexSize
            }
            let summary = context.stats.snapshot
            let summaryJSON = (try? JSONEncoder().encode(summary)).map { String(decoding: $0, as: UTF8.self) }
            try context.store.finishRun(id: runID, outcome: summary.interrupted ? "interrupted" : "completed",
                                        summaryJSON: summaryJSON, at: Date())
            await runtime.shutdown()
            return summary
        } catch {
            await runtime.shutdown()
            throw error
        }
    }
}
