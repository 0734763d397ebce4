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
    var item: QueuedURL
    var finalURL: String
    var fetchedAt: Date
    var article: ExtractedArticle
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
        let fetchWorkers = max(1, min(ordered.count, context.config.fetch.concurrency * 4))
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
            group.addTask {
                let committer = ArticleCommitter(context: self.context)
                for await page in toWrite {
                    self.write(page, with: committer)
                }
            }
        }
    }

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
            group.addTask {
                let committer = ArticleCommitter(context: self.context)
                for await page in toWrite { self.write(page, with: committer) }
            }
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
        return ExtractedPage(item: page.item, finalURL: page.finalURL, fetchedAt: page.fetchedAt, article: article)
    }

    private func write(_ page: ExtractedPage, with committer: ArticleCommitter) {
        let source = page.item.source
        do {
            switch try committer.commit(page, now: Date()) {
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
        } catch {
            // A state or disk failure: keep the URL queued, report it; the next run retries.
            context.stats.failed(source, errorClass: "write", message: "\(error)")
            context.logger.error("could not write record", metadata: ["source": "\(source)", "url": "\(page.finalURL)", "error": "\(error)"])
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
