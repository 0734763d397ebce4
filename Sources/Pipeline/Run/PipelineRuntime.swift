import Fetch
import Foundation
import Logging
import Normalize

/// The long-lived parts a pass needs, opened once: state store, writer (after recovery), HTTP
/// client, extractor and dedupe index. Shared by `run` and `backfill`.
struct PipelineRuntime: Sendable {
    let config: PipelineConfig
    let store: SQLiteStateStore
    let writer: RecordWriter
    let client: HTTPClient
    let dedupe: DedupeGate
    let logger: Logger
    /// Journal entries a killed process left, finished while opening.
    let recovered: Int

    static func open(config: PipelineConfig, logger: Logger) throws -> PipelineRuntime {
        let store = try SQLiteStateStore(path: config.state.path, additionalMigrations: DedupeGate.migrations)
        let writer = try RecordWriter(outputDirectory: config.output.directory, store: store, logger: logger)
        let recovered = try writer.recover()
        let dedupe = try DedupeGate(config: config.dedupe, database: store.database)
        let client = HTTPClient(configuration: config.fetch.httpClientConfiguration(), logger: logger)
        return PipelineRuntime(config: config, store: store, writer: writer, client: client, dedupe: dedupe,
                               logger: logger, recovered: recovered)
    }

    func context(stats: RunStats) -> PipelineContext {
        PipelineContext(config: config, store: store, writer: writer, client: client, extractor: ArticleExtractor(),
                        dedupe: dedupe, stats: stats, logger: logger)
    }

    func shutdown() async {
        await client.shutdown()
    }
}
