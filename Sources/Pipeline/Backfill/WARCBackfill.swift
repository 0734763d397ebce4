import Foundation
import Logging
import Normalize
import Synchronization

/// `backfill --warc`: HTTP responses stored in WARC files go straight to extraction — no
/// network. Each file's position is checkpointed after the records before it are committed, and
/// URLs already recorded are skipped, so a resumed backfill neither loses nor doubles a record.
///
/// Handled deliberately: `response` (HTTP status 200 HTML pages) and `resource` records become
/// articles; `revisit` records carry no payload and are skipped; `request`, `metadata`,
/// `warcinfo` and `conversion` records are skipped; truncated or corrupt records are reported
/// (`warc_corrupt`) and skipped by the reader, which resynchronises on the next record.
struct WARCBackfill {
    let context: PipelineContext
    let options: BackfillOptions
    let source: String
    let job: String
    let isStopped: @Sendable () -> Bool
    let onFlow: @Sendable (ArticleFlow) -> Void

    /// Records handed to the stages at a time; the checkpoint moves after each batch.
    static let batchSize = 256
    /// Largest stored HTTP message read.
    static let maxRecordBytes = 32 << 20

    func run() async throws {
        for file in options.warcFiles {
            if isStopped() { return }
            try await ingest(file)
        }
    }

    private func ingest(_ file: String) async throws {
        let key = "\(job):warc:\(URL(fileURLWithPath: file).standardizedFileURL.path)"
        var start = WARCPosition.start
        if let checkpoint = try context.store.checkpoint(job: key) {
            if checkpoint.done { return }
            if let position = try? JSONDecoder().decode(WARCPosition.self, from: Data(checkpoint.position.utf8)) {
                start = position
            }
        }
        let hosts = options.hostPattern.map { [WARCHostPattern($0)] } ?? []
        let filter = WARCRecordFilter.documents(hosts: hosts, since: options.since, until: options.until)
        let reader: WARCReader
        do {
            reader = try WARCReader(path: file, startingAt: start,
                                    options: WARCReaderOptions(maxBlockBytes: Int64(Self.maxRecordBytes), filter: filter))
        } catch {
            context.stats.failed(source, errorClass: "warc_unreadable", message: "\(file): \(error)")
            return
        }
        let stats = context.stats
        let source = self.source
        let logger = context.logger
        reader.warningHandler = { warning in
            stats.failed(source, errorClass: "warc_corrupt", message: "\(file): \(warning)")
            logger.warning("WARC record skipped", metadata: ["file": "\(file)", "warning": "\(warning)"])
        }
        while !isStopped() {
            var pages: [FetchedPage] = []
            var reachedEnd = false
            while pages.count < Self.batchSize {
                guard let record = try reader.next() else {
                    reachedEnd = true
                    break
                }
                if let page = self.page(from: record) { pages.append(page) }
            }
            let fresh = try unknownPages(pages)
            if !fresh.isEmpty {
                let flow = ArticleFlow(context: context)
                onFlow(flow)
                if isStopped() { flow.stopRequested.withLock { $0 = true } }
                await flow.run(pages: fresh)
                if isStopped() { return }
            }
            let position = String(decoding: try JSONEncoder().encode(reader.position), as: UTF8.self)
            try context.store.saveCheckpoint(job: key, position: position, done: reachedEnd, at: Date())
            if reachedEnd { return }
        }
    }

    /// An article page from a record, or nil for records that carry none.
    private func page(from record: WARCRecord) -> FetchedPage? {
        guard let uri = record.targetURI, let url = URL(string: uri), let canonical = CanonicalURL(url)?.string else { return nil }
        let body: Data
        var contentType: String?
        var contentLanguage: String?
        switch record.type {
        case .response:
            guard record.holdsHTTP("response") else { return nil }
            let response: HTTPResponseParts
            do {
                guard let parsed = try record.httpResponse(maxBodyBytes: Self.maxRecordBytes) else { return nil }
                response = parsed
            } catch {
                context.stats.failed(source, errorClass: "warc_http", message: "\(uri): \(error)")
                return nil
            }
            guard response.status == 200 else { return nil }
            body = response.body
            contentType = response.contentType
            contentLanguage = response.headers["Content-Language"]
        case .resource:
            body = record.block
            contentType = record.headers.contentType
        default:
            return nil
        }
        if let type = contentType?.lowercased(), !(type.contains("html") || type.contains("xml")) { return nil }
        var metadata = EntryMetadata()
        metadata.published = nil
        let item = QueuedURL(canonicalURL: canonical, url: uri, source: source, entryJSON: metadata.json(),
                             nextAttemptAt: Date())
        return FetchedPage(item: item, finalURL: uri, fetchedAt: record.date ?? Date(), body: body,
                           contentType: contentType, contentLanguage: contentLanguage)
    }

    /// Drops pages whose URL is recorded already (a resumed file, or a URL captured twice).
    private func unknownPages(_ pages: [FetchedPage]) throws -> [FetchedPage] {
        let known = try context.store.knownURLs(pages.map(\.item.canonicalURL))
        var seen = Set<String>()
        return pages.filter { known[$0.item.canonicalURL] == nil && seen.insert($0.item.canonicalURL).inserted }
    }
}
