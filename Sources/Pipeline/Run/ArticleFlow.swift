import AsyncAlgorithms
import Fetch
import Foundation
import Logging
import Normalize

/// A fetched page on its way to extraction.
struct FetchedPage: Sendable {
    var item: QueuedURL
    var finalURL: String
    var fetchedAt: Date
    var body: Data
    var contentType: String?
    var contentLanguage: String?
    /// The page's place in an ordered input (a WARC record's ordinal), handed back by the
    /// writer so the input can checkpoint what is committed; nil for fetched URLs.
    var inputOrdinal: Int? = nil
}

/// An extracted article on its way to the writer.
struct ExtractedPage: Sendable {
    /// What the writer needs of the body, computed on the parallel extract stage so the serial
    /// writer only decides and writes.
    struct Analysis: Sendable {
        var text: String
        var contentHash: String
        var wordCount: Int
        var fingerprint: DedupeFingerprint
    }

    var item: QueuedURL
    var finalURL: String
    var fetchedAt: Date
    var article: ExtractedArticle
    /// `nil` when no body was found.
    var analysis: Analysis?
    /// See ``FetchedPage/inputOrdinal``.
    var inputOrdinal: Int?
}

/// fetch → extract → decide-and-write. Fetch (or a producer such as the WARC reader) and extract
/// are joined by a small ``BoundedQueue`` the extract workers take from, extract and write by a
/// larger one the writer drains a group at a time, so memory stays flat however long the input
/// is and a writer waiting on a file-system flush never stalls extraction; each stage has its
/// own bounded concurrency.
final class ArticleFlow: Sendable {
    let context: PipelineContext
    /// Set when a graceful stop was asked for: no new URL is started.
    let stopRequested: Locked<Bool>
    /// The writer's blocking work (fsync, SQLite) runs here, off the cooperative thread pool,
    /// which then stays free for extraction while a group is being made durable.
    private let writerQueue = DispatchQueue(label: "copydesk.writer")

    init(context: PipelineContext) {
        self.context = context
        stopRequested = Locked(false)
    }

    /// Most records committed as one group.
    static let groupSize = 64
    /// Extracted pages that may wait for the writer: enough for a group to gather while the
    /// previous one is flushed, few enough to keep memory flat (a page with its text is a few
    /// hundred kilobytes at most).
    static let writeQueueCapacity = 96
    /// How long the writer lets a small group grow before committing it.
    static let groupLinger: Duration = .milliseconds(25)

    var isStopRequested: Bool { stopRequested.withLock { $0 } }

    func run(_ items: [QueuedURL]) async {
        let toFetch = AsyncChannel<QueuedURL>()
        let toExtract = BoundedQueue<FetchedPage>(capacity: Self.extractQueueCapacity)
        let ordered = Self.interleavedByHost(items)
        // More workers than transfers, so the client always has requests for other hosts while
        // some wait on one host's politeness; each holds at most one page.
        let fetchWorkers = max(1, min(ordered.count, context.config.fetch.concurrency * 2))

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for item in ordered {
                    if self.isStopRequested || Task.isCancelled { break }
                    await toFetch.send(item)
                }
                toFetch.finish()
            }
            group.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<fetchWorkers {
                        workers.addTask {
                            for await item in toFetch {
                                if let page = await self.fetch(item) { await toExtract.send(page) }
                            }
                        }
                    }
                }
                toExtract.finish()
            }
            group.addTask { await self.extractAndWrite(toExtract, written: { _, _ in }) }
        }
    }

    /// Where a producer sends its pages (``run(producing:ordered:written:)``): into a queue the
    /// extract workers take from, each page of an ordered input first admitted by the window.
    struct PageSink: Sendable {
        fileprivate let queue: BoundedQueue<FetchedPage>
        fileprivate let window: InputOrderWindow?

        /// Hands `page` on, waiting while the window or the queue is full.
        func send(_ page: FetchedPage) async {
            if let window { await window.admit(page.inputOrdinal ?? 0) }
            await queue.send(page)
        }
    }

    /// extract → decide-and-write over pages a producer sends (WARC records), continuously:
    /// the same stages as ``run(_:)`` after the fetch. `produce` sends pages and returns when
    /// it has no more (or a stop was asked for); `written` is called after each group the
    /// writer handled, with the group and whether it was committed (false: a state or disk
    /// failure, the records were not written).
    ///
    /// The producer numbers its pages 0, 1, 2, … (`inputOrdinal`). With `ordered`, the writer
    /// commits them in that order, in groups cut by ordinal (``InputOrderBuffer``), so every
    /// decision follows the input and two runs over the same input give the same records;
    /// ``InputOrderWindow`` bounds how far extraction may run ahead of the writer.
    func run(producing produce: @escaping @Sendable (PageSink) async -> Void, ordered: Bool = false,
             written: @escaping @Sendable ([ExtractedPage], Bool) -> Void) async {
        let pages = BoundedQueue<FetchedPage>(capacity: Self.extractQueueCapacity)
        let window = ordered ? InputOrderWindow(size: Self.orderWindow) : nil
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await produce(PageSink(queue: pages, window: window))
                pages.finish()
            }
            group.addTask { await self.extractAndWrite(pages, window: window, written: written) }
        }
    }

    /// Pages of an ordered input that may be extracted ahead of the oldest one not committed:
    /// four commit groups, so extraction never waits on a group being flushed, and workers
    /// that got ahead while the writer had a slow group keep going (with two, the window was
    /// full about a third of a WARC backfill).
    static let orderWindow = 4 * groupSize

    /// Pages read or fetched that may wait for an extract worker: one batch of the WARC
    /// reader. With a rendezvous channel here a worker that finished a page found the next
    /// one only once the producer had had its turn on the thread pool, and the workers waited
    /// for pages about as long as they extracted.
    static let extractQueueCapacity = 8

    /// The extract workers (one per core, below the writer's priority: ``WorkerPriority``) and
    /// the writer.
    private func extractAndWrite(_ toExtract: BoundedQueue<FetchedPage>, window: InputOrderWindow? = nil,
                                 written: @escaping @Sendable ([ExtractedPage], Bool) -> Void) async {
        let toWrite = BoundedQueue<ExtractedPage>(capacity: Self.writeQueueCapacity)
        let extractWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<extractWorkers {
                        workers.addTask {
                            while let page = await toExtract.take(upTo: 1).first {
                                WorkerPriority.lowerCurrentThread()
                                await toWrite.send(self.extract(page))
                            }
                        }
                    }
                }
                toWrite.finish()
            }
            group.addTask {
                if let window {
                    await self.orderedWriteStage(toWrite, window: window, written: written)
                } else {
                    await self.writeStage(toWrite, written: written)
                }
            }
        }
    }

    /// The writer of an ordered input: drains the queue into an ``InputOrderBuffer`` (always,
    /// so extraction never blocks on it) and commits each group once all of it has arrived.
    private func orderedWriteStage(_ pages: BoundedQueue<ExtractedPage>, window: InputOrderWindow,
                                   written: @escaping @Sendable ([ExtractedPage], Bool) -> Void) async {
        let committer = ArticleCommitter(context: context)
        let trimmer = HeapTrimmer()
        var buffer = InputOrderBuffer(groupSize: Self.groupSize)
        var inputEnded = false
        defer { window.close() }
        while !inputEnded || buffer.count > 0 {
            let arrived = await pages.take(upTo: Self.groupSize)
            if arrived.isEmpty { inputEnded = true }
            arrived.forEach { buffer.add($0) }
            while let batch = buffer.takeGroup(inputEnded: inputEnded) {
                await commitOnWriterQueue(batch, committer: committer, trimmer: trimmer, written: written)
                window.committed(through: buffer.next - 1)
            }
            if inputEnded && buffer.count > 0 { break }  // takeGroup drains everything at the end; never spin
        }
    }

    /// Commits one group on the writer's queue. Once started a group is committed whole (a
    /// cancel waits for it): the bridge has no cancellation handler on purpose.
    private func commitOnWriterQueue(_ batch: [ExtractedPage], committer: ArticleCommitter, trimmer: HeapTrimmer,
                                     written: @escaping @Sendable ([ExtractedPage], Bool) -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            writerQueue.async {
                written(batch, self.write(batch, with: committer))
                trimmer.trimIfDue()
                continuation.resume()
            }
        }
    }

    /// Group commit: the writer takes what has gathered (up to ``groupSize``), lets a small
    /// group grow for ``groupLinger``, and commits it as one group.
    private func writeStage(_ pages: BoundedQueue<ExtractedPage>,
                            written: @escaping @Sendable ([ExtractedPage], Bool) -> Void) async {
        let committer = ArticleCommitter(context: context)
        let trimmer = HeapTrimmer()
        while true {
            var group = await pages.take(upTo: Self.groupSize)
            if group.isEmpty { break }
            if group.count < Self.groupSize {
                try? await Task.sleep(for: Self.groupLinger)
                group += pages.takeAvailable(upTo: Self.groupSize - group.count)
            }
            await commitOnWriterQueue(group, committer: committer, trimmer: trimmer, written: written)
        }
    }

    // MARK: Stages

    private func fetch(_ item: QueuedURL) async -> FetchedPage? {
        guard let url = URL(string: item.url) else {
            giveUp(item, errorClass: "invalid_url", message: "not a URL: \(item.url)")
            return nil
        }
        do {
            let response = try await context.client.fetch(FetchRequest(url: url, isDiscovered: true))
            context.stats.fetched(item.source, outcome: "ok")
            let fetchedAt = Date()
            context.archive?.archive(response, fetchedAt: fetchedAt)
            return FetchedPage(item: item, finalURL: response.finalURL.absoluteString, fetchedAt: fetchedAt,
                               body: response.body, contentType: response.contentType,
                               contentLanguage: response.headers["Content-Language"])
        } catch {
            let errorClass = error.errorClass
            context.stats.fetched(item.source, outcome: errorClass)
            if Task.isCancelled || errorClass == "cancelled" { return nil }
            fail(item, errorClass: errorClass, message: "\(error)", permanent: Self.isPermanent(error))
            return nil
        }
    }

    private func extract(_ page: FetchedPage) -> ExtractedPage {
        let article = context.extractor.extract(ArticleInput(
            html: page.body, url: URL(string: page.finalURL), contentType: page.contentType,
            contentLanguage: page.contentLanguage, fetchedAt: page.fetchedAt))
        var analysis: ExtractedPage.Analysis?
        if !article.bodyLines.isEmpty {
            let text = article.text
            analysis = ExtractedPage.Analysis(text: text, contentHash: ContentHash.of(text), wordCount: Self.wordCount(text),
                                              fingerprint: context.dedupe.fingerprint(text))
        }
        return ExtractedPage(item: page.item, finalURL: page.finalURL, fetchedAt: page.fetchedAt, article: article,
                             analysis: analysis, inputOrdinal: page.inputOrdinal)
    }

    /// Words: runs of bytes between spaces and line ends, counted on the UTF-8 buffer without
    /// building strings or iterating the string view (bodies can be hundreds of kilobytes).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            // A word starts at a non-space whose previous byte is a space (or at the start).
            var count = Int(space(base[0]) ^ 1)
            var index = 1
            // 16 bytes at a time: compare the block and the block one byte earlier, count the
            // starts in a byte-wide accumulator flushed before it can overflow.
            let spaceByte = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 0x09)
            let lineFeed = SIMD16<UInt8>(repeating: 0x0A), carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
            let raw = UnsafeRawPointer(base)
            while index &+ 16 <= bytes.count {
                var starts = SIMD16<UInt8>(repeating: 0)
                var rounds = 0
                while rounds < 255, index &+ 16 <= bytes.count {
                    let current = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                    let previous = raw.loadUnaligned(fromByteOffset: index &- 1, as: SIMD16<UInt8>.self)
                    let currentSpace = (current .== spaceByte) .| (current .== tab) .| (current .== lineFeed) .| (current .== carriageReturn)
                    let previousSpace = (previous .== spaceByte) .| (previous .== tab) .| (previous .== lineFeed) .| (previous .== carriageReturn)
                    starts &+= SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: previousSpace .& .!currentSpace)
                    index &+= 16
                    rounds &+= 1
                }
                for lane in starts.indices { count &+= Int(starts[lane]) }
            }
            while index < bytes.count {
                count &+= Int(space(base[index &- 1]) & (space(base[index]) ^ 1))
                index &+= 1
            }
            return count
        }
    }

    /// 1 for space, tab, line feed and carriage return, else 0 (arithmetic, not branches).
    @inline(__always)
    private static func space(_ byte: UInt8) -> UInt8 {
        (byte == 0x20 ? 1 : 0) | (byte == 0x0A ? 1 : 0) | (byte == 0x09 ? 1 : 0) | (byte == 0x0D ? 1 : 0)
    }

    /// Decides and writes one group; false when the group could not be committed.
    private func write(_ group: [ExtractedPage], with committer: ArticleCommitter) -> Bool {
        let outcomes: [ArticleCommitter.Outcome]
        do {
            outcomes = try committer.commit(group, now: Date())
        } catch {
            // A state or disk failure: the URLs stay queued and the next run retries them.
            for page in group {
                context.stats.failed(page.item.source, errorClass: "write", message: "\(error)")
            }
            context.logger.error("could not write records", metadata: ["records": "\(group.count)", "error": "\(error)"])
            return false
        }
        for (page, outcome) in zip(group, outcomes) {
            let source = page.item.source
            switch outcome {
            case .recorded(let id, let revision):
                context.stats.update(source) { revision > 1 ? ($0.revisions += 1) : ($0.records += 1) }
                if page.article.quality.confidence < 0.5 { context.stats.update(source) { $0.lowConfidence += 1 } }
                context.logger.debug("recorded", metadata: ["source": "\(source)", "url": "\(page.finalURL)", "record.id": "\(id)"])
            case .duplicate(let id, let of):
                context.stats.update(source) { $0.duplicates += 1 }
                context.logger.debug("duplicate", metadata: ["source": "\(source)", "url": "\(page.finalURL)", "record.id": "\(id)", "duplicate_of": "\(of)"])
            case .unchanged:
                context.stats.update(source) { $0.unchangedArticles += 1 }
            case .empty:
                withoutText(page)
            }
        }
        return true
    }

    // MARK: Failures

    /// A fetched page that gave no article text: counted by reason, logged with its URL, and
    /// kept in the retry queue (a script-only page or a consent wall may serve text next time;
    /// bytes that are not text will not).
    private func withoutText(_ page: ExtractedPage) {
        let reason = page.article.noTextReason ?? .noText
        let item = page.item
        context.stats.update(item.source) { $0.withoutText[reason.rawValue, default: 0] += 1 }
        context.logger.warning("no article text", metadata: [
            "source": "\(item.source)", "url": "\(page.finalURL)", "reason": "\(reason.rawValue)",
            "extraction.method": "\(page.article.quality.method.rawValue)"])
        retryLater(item, error: "no_text: \(reason.rawValue) at \(page.finalURL)", permanent: reason == .binary)
    }

    /// Attempts before a URL is dropped from the retry queue.
    static let maxAttempts = 5

    private func fail(_ item: QueuedURL, errorClass: String, message: String, permanent: Bool) {
        context.stats.failed(item.source, errorClass: errorClass, message: message)
        context.logger.warning("article failed", metadata: ["source": "\(item.source)", "url": "\(item.url)", "error.class": "\(errorClass)", "error": "\(message)"])
        retryLater(item, error: "\(errorClass): \(message)", permanent: permanent)
    }

    /// Keeps a URL queued for a later run with backoff, or drops it from the queue when another
    /// attempt cannot help or the attempts are used up.
    private func retryLater(_ item: QueuedURL, error: String, permanent: Bool) {
        if permanent || item.attempts + 1 >= Self.maxAttempts {
            giveUp(item, errorClass: nil, message: error)
        } else {
            // 15 min, 1 h, 4 h, 16 h: a flaky page gets another chance on later runs.
            let delay = 900 * pow(4, Double(item.attempts))
            try? context.store.deferQueued(item.canonicalURL, error: error, nextAttempt: Date().addingTimeInterval(delay))
        }
    }

    private func giveUp(_ item: QueuedURL, errorClass: String?, message: String) {
        if let errorClass { context.stats.failed(item.source, errorClass: errorClass, message: message) }
        try? context.store.dequeue([item.canonicalURL])
    }

    /// Failures that another attempt will not fix: the page is gone or refused, or too big.
    static func isPermanent(_ error: FetchError) -> Bool {
        switch error {
        case .http(let status): return [400, 401, 403, 404, 405, 410, 414, 451].contains(status)
        case .robotsDisallowed, .blockedAddress, .unsupportedScheme, .invalidURL, .tooLarge, .tooManyRedirects: return true
        default: return false
        }
    }

    /// Round-robin over hosts, so that the workers never all wait on one host's politeness.
    static func interleavedByHost(_ items: [QueuedURL]) -> [QueuedURL] {
        var byHost: [String: [QueuedURL]] = [:]
        var order: [String] = []
        for item in items {
            let host = URL(string: item.url)?.host ?? ""
            if byHost[host] == nil { order.append(host) }
            byHost[host, default: []].append(item)
        }
        var result: [QueuedURL] = []
        result.reserveCapacity(items.count)
        var index = 0
        while result.count < items.count {
            for host in order where index < byHost[host]!.count {
                result.append(byHost[host]![index])
            }
            index += 1
        }
        return result
    }
}
