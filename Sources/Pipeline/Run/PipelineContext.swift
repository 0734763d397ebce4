import Fetch
import Foundation
import Logging
import Normalize

/// What every stage of one pass shares: settings, state, output, the HTTP client, the
/// extractor, the dedupe index and the tally.
struct PipelineContext: Sendable {
    let config: PipelineConfig
    let store: any StateStore
    let writer: RecordWriter
    let client: HTTPClient
    let extractor: ArticleExtractor
    let dedupe: DedupeGate
    let stats: RunStats
    let logger: Logger
    /// The raw-response archive, when `archive.directory` is set.
    let archive: ResponseArchive?
    /// This worker, among those sharing the state.
    let worker: WorkerIdentity

    /// The `worker` of manifest lines (nil with SQLite).
    var manifestWorker: String? { worker.manifestName }

    func sourceLanguage(_ name: String) -> String? {
        config.sources.first { $0.name == name }?.language
    }

    /// The source's own label (an OPML folder), added to its records' categories.
    func sourceCategory(_ name: String) -> String? {
        config.sources.first { $0.name == name }?.category
    }
}
