public import Foundation

/// Reads a sitemap one `<url>` or `<sitemap>` at a time with libxml2's streaming reader, from
/// memory or from a file or stream pulled in chunks: a 100 MB sitemap (gzip-compressed or not)
/// is read in a few megabytes of memory.
///
/// `urlset` yields ``SitemapItem/url(_:)``; `sitemapindex` yields ``SitemapItem/sitemap(_:)``,
/// which the caller follows within its limits (see ``SitemapCrawlPlan``).
public final class SitemapReader {
    /// Largest decompressed size accepted from a gzip-compressed sitemap (the protocol caps an
    /// uncompressed sitemap at 50 MB; real ones exceed it, bombs exceed it by far).
    public static let defaultMaxInflatedBytes = 512 << 20

    private let reader: XMLReader
    private let documentURL: URL
    /// `urlset` or `sitemapIndex`, known once the root element has been read.
    public private(set) var kind: SitemapKind?
    private var started = false

    /// Reads a sitemap held in memory (gzip-compressed or not). `url` is where it was fetched
    /// from, the base for relative `loc`s.
    public convenience init(data: Data, url: URL, maxInflatedBytes: Int = defaultMaxInflatedBytes)
        throws(SitemapError)
    {
        try self.init(source: DataChunkSource(data), url: url, maxInflatedBytes: maxInflatedBytes)
    }

    /// Reads the sitemap file at `path` (`-` for standard input) in chunks.
    public convenience init(path: String, url: URL, maxInflatedBytes: Int = defaultMaxInflatedBytes)
        throws(SitemapError)
    {
        let source: FileChunkSource
        do {
            source = try FileChunkSource(path: path)
        } catch {
            throw .io(error.description)
        }
        try self.init(source: source, url: url, maxInflatedBytes: maxInflatedBytes)
    }

    /// Reads a sitemap pulled from `source` in chunks; gzip is detected from the first bytes.
    public init(source: any ChunkSource, url: URL, maxInflatedBytes: Int = defaultMaxInflatedBytes)
        throws(SitemapError)
    {
        documentURL = url
        var input: any ChunkSource
        do {
            let (head, replay) = try PrefixedChunkSource.peek(source, count: 2)
            if head.isEmpty { throw SitemapError.emptyDocument }
            input = replay
            if head == GzipChunkSource.magic {
                input = try GzipChunkSource(upstream: replay, maxOutputBytes: maxInflatedBytes)
            }
        } catch let error as SitemapError {
            throw error
        } catch let error as GzipError {
            throw .compression(error.description)
        } catch {
            throw .io("\(error)")
        }
        do {
            reader = try XMLReader(source: input, url: url.absoluteString)
        } catch {
            throw .malformed("libxml2 could not start a reader")
        }
    }

    /// What libxml2 recovered from.
    public var warnings: [ParseWarning] { reader.warnings }

    /// The next URL or child sitemap; nil at the end of the document.
    public func next() throws(SitemapError) -> SitemapItem? {
        if !started {
            started = true
            try readRoot()
        }
        while reader.read() {
            guard reader.kind == .element, reader.depth == 1 else { continue }
            let name = reader.localName
            if kind == .urlset && name == "url", let entry = readURL() { return .url(entry) }
            if kind == .sitemapIndex && name == "sitemap", let reference = readReference() {
                return .sitemap(reference)
            }
            if reader.kind == .element && reader.depth == 1 { reader.skipSubtree() }
        }
        try checkStop()
        return nil
    }

    private func readRoot() throws(SitemapError) {
        while reader.read() {
            guard reader.kind == .element else { continue }
            switch reader.localName {
            case "urlset": kind = .urlset
            case "sitemapindex": kind = .sitemapIndex
            case let name where name.lowercased() == "html": throw .notASitemap(detected: "HTML page")
            case "rss", "feed", "RDF": throw .notASitemap(detected: "feed")
            case let name: throw .notASitemap(detected: "XML document with root <\(name)>")
            }
            return
        }
        try checkStop()
        if let first = reader.warnings.first { throw .malformed(first.message) }
        throw .emptyDocument
    }

    /// Turns a stop caused by the input or an entity bomb into an error; a plain end is fine.
    private func checkStop() throws(SitemapError) {
        if reader.entityExpansionStopped { throw .entityExpansionLimit }
        if let error = reader.inputError {
            if let gzip = error as? GzipError { throw .compression(gzip.description) }
            throw .io("\(error)")
        }
    }

    private func base() -> URL? { reader.baseURL ?? documentURL }

    private func text() -> String? { FeedText.trimmed(reader.collectText()) }

    private func readURL() -> SitemapEntry? {
        var loc: URL?
        var lastModified: Date?
        var changeFrequency: String?
        var priority: Double?
        var news: SitemapNews?
        reader.forEachChild { name, namespace in
            if namespace == SitemapNamespace.news && name == "news" {
                news = readNews()
                return
            }
            guard namespace == nil || namespace == SitemapNamespace.sitemap else { return reader.skipSubtree() }
            switch name {
            case "loc":
                let base = base()
                loc = text().flatMap { FeedLink.resolve($0, base: base) }
            case "lastmod": lastModified = text().flatMap(FeedDate.parse)
            case "changefreq": changeFrequency = text()?.lowercased()
            case "priority": priority = text().flatMap(Double.init)
            default: reader.skipSubtree()
            }
        }
        guard let loc else { return nil }
        return SitemapEntry(
            loc: loc, lastModified: lastModified, changeFrequency: changeFrequency, priority: priority, news: news)
    }

    private func readNews() -> SitemapNews {
        var news = SitemapNews()
        reader.forEachChild { name, namespace in
            guard namespace == SitemapNamespace.news else { return reader.skipSubtree() }
            switch name {
            case "publication_date": news.publicationDate = text().flatMap(FeedDate.parse)
            case "title": news.title = text().flatMap(FeedText.plain)
            case "keywords":
                news.keywords = (text() ?? "").split(separator: ",").compactMap { FeedText.trimmed(String($0)) }
            case "publication":
                reader.forEachChild { field, fieldNamespace in
                    guard fieldNamespace == SitemapNamespace.news else { return reader.skipSubtree() }
                    switch field {
                    case "name": news.publicationName = text()
                    case "language": news.language = text()
                    default: reader.skipSubtree()
                    }
                }
            default: reader.skipSubtree()
            }
        }
        return news
    }

    private func readReference() -> SitemapReference? {
        var loc: URL?
        var lastModified: Date?
        reader.forEachChild { name, namespace in
            guard namespace == nil || namespace == SitemapNamespace.sitemap else { return reader.skipSubtree() }
            switch name {
            case "loc":
                let base = base()
                loc = text().flatMap { FeedLink.resolve($0, base: base) }
            case "lastmod": lastModified = text().flatMap(FeedDate.parse)
            default: reader.skipSubtree()
            }
        }
        return loc.map { SitemapReference(loc: $0, lastModified: lastModified) }
    }
}

enum SitemapNamespace {
    static let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let news = "http://www.google.com/schemas/sitemap-news/0.9"
}
