import AsyncAlgorithms
import Fetch
import Foundation
import Logging
import Normalize
import Synchronization

/// A fetched page on its way to extraction.
struct FetchedPage: Sendable {
    var item: QueuedURL
    var finalURL: String
    var fetchedAt: Date
    var body: Data
    var contentType: String?
    var contentLanguage: String?
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
}

/// fetch → extract → decide-and-write over the URLs queued for this pass. Stages are joined by
/// bounded channels (`AsyncChannel`: a send waits for a receiver), so memory stays flat however
/// long the queue is; each stage has its own bounded concurrency.
final class ArticleFlow: Sendable {
    let context: PipelineContext
    /// Set when a graceful stop was asked for: no new URL is started.
    let stopRequested: Mutex<Bool>

    init(context: PipelineContext) {
        self.context = context
        stopRequested = Mutex(false)
    }

    func run(_ items: [QueuedURL]) async {
        let toFetch = AsyncChannel<QueuedURL>()
        let toExtract = AsyncChannel<FetchedPage>()
        let toWrite = AsyncChannel<ExtractedPage>()
        let ordered = Self.interleavedByHost(items)
        // More workers than transfers, so the client always has requests for other hosts while
        // some wait on one host's politeness; each holds at most one page.
        let fetchWorkers = max(1, min(ordered.count, context.config.fetch.concurrency * 2))
        let extractWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for item in ordered {
                    if self.stopRequested.withLock({ $0 }) || Task.isCancelled { break }
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
            group.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<extractWorkers {
                        workers.addTask {
                            for await page in toExtract {
                                await toWrite.send(self.extract(page))
                            }
                        }
                    }
                }
                toWrite.finish()
            }
            group.addTask { await self.writeStage(toWrite) }
        }
    }

    /// Group commit: whatever the writer finds waiting (up to 64 pages, or what arrived within
    /// 50 ms) is written as one group.
    private func writeStage(_ pages: AsyncChannel<ExtractedPage>) async {
        let committer = ArticleCommitter(context: context)
        for await group in pages.chunks(ofCount: Self.groupSize, or: .repeating(every: .milliseconds(50))) {
            write(group, with: committer)
        }
    }

    static let groupSize = 64

    /// extract → decide-and-write over pages already in hand (WARC records): the same stages as
    /// ``run(_:)`` after the fetch.
    func run(pages: [FetchedPage]) async {
        let toExtract = AsyncChannel<FetchedPage>()
        let toWrite = AsyncChannel<ExtractedPage>()
        let extractWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for page in pages {
                    if self.stopRequested.withLock({ $0 }) || Task.isCancelled { break }
                    await toExtract.send(page)
                }
                toExtract.finish()
            }
            group.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<extractWorkers {
                        workers.addTask {
                            for await page in toExtract { await toWrite.send(self.extract(page)) }
                        }
                    }
                }
                toWrite.finish()
            }
            group.addTask { await self.writeStage(toWrite) }
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
            return FetchedPage(item: item, finalURL: response.finalURL.absoluteString, fetchedAt: Date(),
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
            contentLanguage: page.contentLanguage))
        var analysis: ExtractedPage.Analysis?
        if !article.bodyLines.isEmpty {
            let text = article.text
            analysis = ExtractedPage.Analysis(text: text, contentHash: ContentHash.of(text), wordCount: Self.wordCount(text),
                                              fingerprint: context.dedupe.fingerprint(text))
        }
        return ExtractedPage(item: page.item, finalURL: page.finalURL, fetchedAt: page.fetchedAt, article: article,
                             analysis: analysis)
    }

    /// Words: runs of bytes between spaces and line ends, counted on UTF-8 without building
    /// strings (bodies can be hundreds of kilobytes).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    private func write(_ group: [ExtractedPage], with committer: ArticleCommitter) {
        let outcomes: [ArticleCommitter.Outcome]
        do {
            outcomes = try committer.commit(group, now: Date())
        } catch {
            // A state or disk failure: the URLs stay queued and the next run retries them.
            for page in group {
                context.stats.failed(page.item.source, errorClass: "write", message: "\(error)")
            }
            context.logger.error("could not write records", metadata: ["records": "\(group.count)", "error": "\(error)"])
            return
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
                fail(page.item, errorClass: "extraction_empty", message: "no article text found at \(page.finalURL)", permanent: false)
            }
        }
    }

    // MARK: Failures

    /// Attempts before a URL is dropped from the retry queue.
    static let maxAttempts = 5

    private func fail(_ item: QueuedURL, errorClass: String, message: String, permanent: Bool) {
        context.stats.failed(item.source, errorClass: errorClass, message: message)
        context.logger.warning("article failed", metadata: ["source": "\(item.source)", "url": "\(item.url)", "error.class": "\(errorClass)", "error": "\(message)"])
        if permanent || item.attempts + 1 >= Self.maxAttempts {
            giveUp(item, errorClass: nil, message: message)
        } else {
            // 15 min, 1 h, 4 h, 16 h: a flaky page gets another chance on later runs.
            let delay = 900 * pow(4, Double(item.attempts))
            try? context.store.deferQueued(item.canonicalURL, error: "\(errorClass): \(message)", nextAttempt: Date().addingTimeInterval(delay))
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
