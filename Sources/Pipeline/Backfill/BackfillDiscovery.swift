import Fetch
import Foundation
import Logging
import Normalize

/// Turns backfill inputs into queued URLs (idempotent: known URLs are skipped, queued ones kept).
struct BackfillDiscovery {
    let context: PipelineContext
    let options: BackfillOptions
    let source: String

    /// Sitemap index levels followed, sitemap documents read, and feed archive pages walked.
    static let maxSitemapDepth = 4
    static let maxSitemaps = 10_000
    static let maxArchivePages = 10_000

    func enqueueURLList(_ path: String) throws {
        let reader = try LineReader(path: path)
        var batch: [DiscoveredLink] = []
        var lineNumber = 0
        while let line = try reader.nextLine() {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                context.stats.failed(source, errorClass: "invalid_url", message: "\(path):\(lineNumber): not an http(s) URL: \(trimmed)")
                continue
            }
            batch.append(DiscoveredLink(url: url, metadata: EntryMetadata()))
            if batch.count >= 5_000 {
                try enqueue(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try enqueue(batch)
    }

    func enqueueSitemap(_ url: URL) async throws {
        var pending: [(url: URL, depth: Int)] = [(url, 0)]
        var visited = Set<String>()
        while let next = pending.popLast(), visited.count < Self.maxSitemaps {
            guard visited.insert(next.url.absoluteString).inserted else { continue }
            let response: FetchResponse
            do {
                response = try await context.client.fetch(FetchRequest(url: next.url, isDiscovered: next.depth > 0))
            } catch {
                let (errorClass, message) = SourcePoller.describe(error)
                context.stats.failed(source, errorClass: errorClass, message: "\(next.url): \(message)")
                continue
            }
            let document: ParsedSitemap
            do {
                document = try SitemapParser.parse(response.body, url: response.finalURL,
                                                   window: DateWindow(start: options.since, end: options.until))
            } catch {
                context.stats.failed(source, errorClass: "parse", message: "\(next.url): \(error)")
                continue
            }
            try enqueue(SourcePoller.links(document.entries))
            if next.depth < Self.maxSitemapDepth {
                for child in document.sitemaps {
                    pending.append((child.loc, next.depth + 1))
                }
            }
        }
    }

    func enqueueFeedArchive(_ url: URL) async throws {
        var next: URL? = url
        var visited = Set<String>()
        while let page = next, visited.count < Self.maxArchivePages, visited.insert(page.absoluteString).inserted {
            let response = try await context.client.fetch(FetchRequest(url: page, isDiscovered: visited.count > 1))
            let feed = try FeedParser.parse(response.body, url: response.finalURL)
            let links = feed.entries.compactMap { entry -> DiscoveredLink? in
                guard let link = entry.link, options.inWindow(entry.published ?? entry.updated) else { return nil }
                return DiscoveredLink(url: link, metadata: EntryMetadata(
                    title: entry.title, published: entry.published, updated: entry.updated, authors: entry.authors,
                    categories: entry.categories, language: entry.language ?? feed.language, summary: entry.summary, guid: entry.guid))
            }
            try enqueue(links)
            // Archives are ordered newest to oldest: once a page is wholly before the window, stop.
            if let since = options.since, let newest = feed.entries.compactMap({ $0.published ?? $0.updated }).max(), newest < since { break }
            next = feed.previousArchive
        }
    }

    private func enqueue(_ links: [DiscoveredLink]) throws {
        guard !links.isEmpty else { return }
        var seen = Set<String>()
        var candidates: [(String, DiscoveredLink)] = []
        for link in links {
            guard let canonical = CanonicalURL(link.url)?.string, seen.insert(canonical).inserted else { continue }
            candidates.append((canonical, link))
        }
        let known = try context.store.knownURLs(candidates.map(\.0))
        let now = Date()
        let fresh = candidates.filter { known[$0.0] == nil }
        try context.store.enqueue(fresh.map {
            QueuedURL(canonicalURL: $0.0, url: $0.1.url.absoluteString, source: source, entryJSON: $0.1.metadata.json(), nextAttemptAt: now)
        })
        context.stats.update(source) { $0.newEntries += fresh.count }
    }
}

/// Reads a text file (or standard input) line by line without loading it whole.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            handle = opened
        }
    }

    func nextLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = try handle.read(upToCount: 64 * 1024) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
