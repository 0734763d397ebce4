import AsyncAlgorithms
import Foundation
import Logging
import Normalize

/// `backfill --warc`: HTTP responses stored in WARC files go straight to extraction — no
/// network. The reader is the first stage of the same extract → write flow as `run`, feeding it
/// continuously; each file's position is checkpointed once every record before it is
/// committed, and URLs already recorded are skipped, so a resumed backfill neither loses nor
/// doubles a record.
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
    /// Files are leased: workers started with the same job share them, one file to one worker.
    let leases: WorkerLeases
    let isStopped: @Sendable () -> Bool
    let onFlow: @Sendable (ArticleFlow) -> Void

    /// Largest stored HTTP message read.
    static let maxRecordBytes = 32 << 20

    func run() async throws {
        var heldElsewhere = 0
        for file in options.warcFiles {
            if isStopped() { return }
            let key = Self.key(job: job, file: file)
            if try context.store.checkpoint(job: key)?.done == true { continue }
            guard try leases.claimBackfillItem(job: job, item: key) else {
                heldElsewhere += 1
                continue
            }
            defer { leases.releaseBackfillItem(job: job, item: key) }
            try await ingest(file)
        }
        if heldElsewhere > 0 {
            context.logger.info("WARC files left to other workers of the job", metadata: ["job": "\(job)", "files": "\(heldElsewhere)"])
        }
    }

    /// The checkpoint and lease key of one file of a job.
    static func key(job: String, file: String) -> String {
        "\(job):warc:\(URL(fileURLWithPath: file).standardizedFileURL.path)"
    }

    /// Reads one file as a producer stage feeding extract → write continuously: reading,
    /// inflating and HTTP parsing overlap extraction, and nothing drains until the file ends.
    /// The checkpoint follows the writer (``WARCCheckpointTracker``): saved after each group
    /// that moves the low-watermark, and marked done once the last record is committed.
    private func ingest(_ file: String) async throws {
        let key = Self.key(job: job, file: file)
        var resumeAt = WARCPosition.start
        if let checkpoint = try context.store.checkpoint(job: key) {
            if checkpoint.done { return }
            if let position = try? JSONDecoder().decode(WARCPosition.self, from: Data(checkpoint.position.utf8)) {
                resumeAt = position
            }
        }
        let start = resumeAt
        let tracker = WARCCheckpointTracker(start: start)
        let outcome = Locked(ProducerOutcome())
        let store = context.store
        let logger = context.logger
        let flow = ArticleFlow(context: context)
        onFlow(flow)
        // In input order, so that two backfills of the same files decide everything alike.
        await flow.run(producing: { sink in
            let result = await self.produce(file, from: start, tracker: tracker, flow: flow, into: sink)
            outcome.withLock { $0 = result }
        }, ordered: true, written: { group, committed in
            guard committed else {
                tracker.fail()
                return
            }
            guard let position = tracker.complete(group.compactMap(\.inputOrdinal)) else { return }
            do {
                try store.saveCheckpoint(job: key, position: try Self.encode(position), done: false, at: Date())
            } catch {
                // Only progress is lost: the next start reads again from an earlier checkpoint.
                logger.warning("could not save WARC checkpoint", metadata: ["file": "\(file)", "error": "\(error)"])
            }
        })

        let result = outcome.withLock { $0 }
        guard !tracker.hasFailed else { return }
        if let end = result.endPosition, tracker.inFlight == 0 {
            try store.saveCheckpoint(job: key, position: try Self.encode(end), done: true, at: Date())
        } else {
            try store.saveCheckpoint(job: key, position: try Self.encode(tracker.watermark), done: false, at: Date())
        }
        if let error = result.error { throw error }
    }

    /// How the reading of a file ended.
    private struct ProducerOutcome: Sendable {
        /// The end of the file, when reading reached it.
        var endPosition: WARCPosition?
        /// A failure to read the file (I/O, not damage: damaged records are skipped).
        var error: WARCReaderError?
    }

    /// The producer stage: opens the file (the reader is not thread-safe, so it lives in this
    /// task only) and sends its article pages, in order, until the end, a stop, a failed
    /// commit or a read error.
    private func produce(_ file: String, from start: WARCPosition, tracker: WARCCheckpointTracker, flow: ArticleFlow,
                         into sink: ArticleFlow.PageSink) async -> ProducerOutcome {
        let hosts = options.hostPattern.map { [WARCHostPattern($0)] } ?? []
        let filter = WARCRecordFilter.documents(hosts: hosts, since: options.since, until: options.until)
        let reader: WARCReader
        do {
            reader = try WARCReader(path: file, startingAt: start,
                                    options: WARCReaderOptions(maxBlockBytes: Int64(Self.maxRecordBytes), filter: filter))
        } catch {
            context.stats.failed(source, errorClass: "warc_unreadable", message: "\(file): \(error)")
            return ProducerOutcome()
        }
        let stats = context.stats
        let source = self.source
        let logger = context.logger
        reader.warningHandler = { warning in
            let metadata: Logger.Metadata = ["file": "\(file)", "warning": "\(warning)"]
            switch warning.effect {
            case .recordKept:
                // Nothing lost: not an error, but the archive is not as it should be.
                logger.warning("WARC record read despite damage", metadata: metadata)
            case .recordDropped:
                stats.failed(source, errorClass: "warc_corrupt", message: "\(file): \(warning)")
                logger.warning("WARC record skipped", metadata: metadata)
            case .bytesSkipped:
                stats.failed(source, errorClass: "warc_corrupt", message: "\(file): \(warning)")
                logger.warning("WARC bytes outside any record skipped", metadata: metadata)
            }
        }
        // Records are read a few at a time, so that one query asks which of their URLs are
        // recorded already (one per record cost more than HTTP parsing).
        var batch = RecordBatch()
        while !isStopped(), !flow.isStopRequested, !tracker.hasFailed, !Task.isCancelled {
            let record: WARCRecord
            do {
                guard let next = try reader.next() else {
                    await send(&batch, tracker: tracker, into: sink)
                    return ProducerOutcome(endPosition: reader.position)
                }
                record = next
            } catch {
                await send(&batch, tracker: tracker, into: sink)
                return ProducerOutcome(error: error)
            }
            batch.append(page(from: record), through: record.nextPosition)
            if batch.isFull { await send(&batch, tracker: tracker, into: sink) }
        }
        return ProducerOutcome()
    }

    /// Records read and not yet sent, in file order: each with its article page, if any.
    private struct RecordBatch {
        var records: [(page: FetchedPage?, next: WARCPosition)] = []
        var bytes = 0

        static let maximumRecords = 8
        static let maximumBytes = 4 << 20

        mutating func append(_ page: FetchedPage?, through next: WARCPosition) {
            records.append((page, next))
            bytes += page?.body.count ?? 0
        }

        var isFull: Bool { records.count >= Self.maximumRecords || bytes >= Self.maximumBytes }
    }

    /// Sends the batch's pages in order. A page of a URL already recorded (a resumed file,
    /// another input) or still in flight (a URL captured twice) is passed over like any
    /// other non-article record. A failed lookup counts as unknown: the writer checks again
    /// before writing, so nothing is doubled either way.
    private func send(_ batch: inout RecordBatch, tracker: WARCCheckpointTracker,
                      into sink: ArticleFlow.PageSink) async {
        let urls = options.reextract ? [] : batch.records.compactMap { $0.page?.item.canonicalURL }
        let known = urls.isEmpty ? [:] : ((try? context.store.knownURLs(urls)) ?? [:])
        for (page, next) in batch.records {
            guard var page, options.reextract || known[page.item.canonicalURL] == nil,
                  let ordinal = tracker.issue(url: page.item.canonicalURL, through: next, allowRepeat: options.reextract)
            else {
                tracker.skip(through: next)
                continue
            }
            page.inputOrdinal = ordinal
            await sink.send(page)
        }
        batch = RecordBatch()
    }

    private static func encode(_ position: WARCPosition) throws -> String {
        String(decoding: try JSONEncoder().encode(position), as: UTF8.self)
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
        // A capture carries no feed metadata: no entry JSON to encode here and decode again
        // on the writer.
        let item = QueuedURL(canonicalURL: canonical, url: uri, source: source, entryJSON: nil, nextAttemptAt: Date())
        return FetchedPage(item: item, finalURL: uri, fetchedAt: record.date ?? Date(), body: body,
                           contentType: contentType, contentLanguage: contentLanguage)
    }
}
