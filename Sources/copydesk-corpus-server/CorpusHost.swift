import Foundation
import LoopbackServer
import Synchronization

/// One outlet of the benchmark corpus on its own loopback address.
///
/// Article pages are generated when requested, not held: 100 hosts × 1,000 pages of 50–200 KB
/// would be 12 GB. The generator is deterministic, so a page is the same on every request.
/// Feed, sitemap and robots.txt are small and built once, before the server reports ready,
/// so their cost never lands inside a timed run.
final class CorpusHost: Sendable {
    let outlet: Int
    let corpus: NewsCorpus
    let renderer: ArticlePage
    /// `http://address:port`, known once the listener has its port.
    private let documents = Mutex(Documents())

    private struct Documents {
        var origin = ""
        var feed = Data()
        var sitemap = Data()
        var robots = Data()
        /// Headlines of the outlet, for the related-stories box of its pages.
        var titles: [String] = []
    }

    init(outlet: Int, corpus: NewsCorpus, renderer: ArticlePage) {
        self.outlet = outlet
        self.corpus = corpus
        self.renderer = renderer
    }

    /// Builds the listing documents for `origin`; returns how many articles are wire reprints.
    func prepare(origin: String) -> Int {
        let articles = corpus.articles(outlet: outlet)
        let sitemap = Self.sitemap(articles, origin: origin)
        let robots = "User-agent: *\nDisallow: /private/\nSitemap: \(origin)/sitemap.xml\n"
        let feed = corpus.feed(outlet: outlet, origin: origin)
        documents.withLock {
            $0 = Documents(origin: origin, feed: Data(feed.utf8), sitemap: Data(sitemap.utf8), robots: Data(robots.utf8),
                           titles: articles.map(\.title))
        }
        return articles.filter { $0.reprintOf != nil }.count
    }

    /// The server's handler: listing documents from memory, article pages generated.
    func respond(to request: LoopbackRequest) -> LoopbackResponse {
        switch request.path {
        case "/rss.xml": return .ok(documents.withLock { $0.feed }, contentType: "application/rss+xml; charset=utf-8")
        case "/sitemap.xml": return .ok(documents.withLock { $0.sitemap }, contentType: "application/xml; charset=utf-8")
        case "/robots.txt": return .ok(documents.withLock { $0.robots }, contentType: "text/plain; charset=utf-8")
        default: break
        }
        guard let index = Self.articleIndex(request.path), index < corpus.articlesPerOutlet else {
            return .status(404, body: "not found")
        }
        let article = corpus.article(outlet: outlet, index: index)
        guard article.path == request.path else { return .status(404, body: "not found") }
        let (origin, titles) = documents.withLock { ($0.origin, $0.titles) }
        let page = renderer.render(article, outlet: NewsCorpus.outletName(outlet), origin: origin, relatedTitles: titles)
        return .ok(page, contentType: "text/html; charset=utf-8")
    }

    /// The article number in a `/news/2026/NNN-slug` path (the corpus's path scheme).
    static func articleIndex(_ path: String) -> Int? {
        let prefix = "/news/2026/"
        guard path.hasPrefix(prefix) else { return nil }
        return Int(path.dropFirst(prefix.count).prefix { $0 != "-" })
    }

    /// A sitemap (Google News flavour) listing every article.
    static func sitemap(_ articles: [NewsCorpus.Article], origin: String) -> String {
        let formatter = ISO8601DateFormatter()
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        for article in articles {
            let date = formatter.string(from: article.published)
            xml += "<url><loc>\(origin)\(article.path)</loc><lastmod>\(date)</lastmod>"
            xml += "<news:news><news:publication_date>\(date)</news:publication_date></news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
