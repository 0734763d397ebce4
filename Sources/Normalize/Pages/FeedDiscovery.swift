public import Foundation

/// A feed a page announces with `<link rel="alternate">`.
public struct DiscoveredFeed: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case rss, atom, json, rdf
    }

    public var url: URL
    public var kind: Kind
    /// The `title` attribute ("Comments feed" tells the reader which one is which).
    public var title: String?

    public init(url: URL, kind: Kind, title: String? = nil) {
        self.url = url
        self.kind = kind
        self.title = title
    }
}

/// Feed autodiscovery: the feeds an HTML page links to, and the usual places to probe when it
/// links to none. (robots.txt `Sitemap:` lines are read by the fetch layer.)
public enum FeedDiscovery {
    /// Feeds announced by `<link rel="alternate" type="…" href="…">` in `html` fetched from
    /// `baseURL`, in page order, each once. Types: `application/rss+xml`, `application/atom+xml`,
    /// `application/feed+json`, `application/json` (JSON Feed 1.0's), `application/rdf+xml`; and
    /// `text/xml` / `application/xml` when the address itself says feed, rss or atom.
    public static func feeds(inHTML html: Data, baseURL: URL) -> [DiscoveredFeed] {
        let scan = HTMLLinkScanner.scan(html)
        let base = scan.baseHref.flatMap { FeedLink.resolve($0, base: baseURL) } ?? baseURL
        var seen = Set<URL>()
        var feeds: [DiscoveredFeed] = []
        for link in scan.links {
            let rels = link.rel.lowercased().split(whereSeparator: \.isWhitespace)
            guard rels.contains("alternate") || rels.contains("feed") else { continue }
            guard let url = FeedLink.resolve(link.href, base: base) else { continue }
            guard let kind = kind(type: link.type, url: url) else { continue }
            guard seen.insert(url).inserted else { continue }
            feeds.append(DiscoveredFeed(url: url, kind: kind, title: link.title.flatMap(FeedText.plain)))
        }
        return feeds
    }

    private static func kind(type: String?, url: URL) -> DiscoveredFeed.Kind? {
        let type = (type ?? "").lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch type {
        case "application/rss+xml": return .rss
        case "application/atom+xml": return .atom
        case "application/feed+json", "application/json": return .json
        case "application/rdf+xml": return .rdf
        case "text/xml", "application/xml":
            let address = url.absoluteString.lowercased()
            if address.contains("atom") { return .atom }
            return address.contains("rss") || address.contains("feed") ? .rss : nil
        default:
            return nil
        }
    }

    /// Paths where sites commonly serve a feed, probed when a page announces none.
    public static let commonFeedPaths: [String] = [
        "/feed", "/feed/", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feeds/all.atom.xml",
        "/feeds/posts/default", "/?feed=rss2", "/feed.json",
    ]

    /// Paths where sites commonly serve a sitemap (beyond robots.txt's `Sitemap:` lines).
    public static let commonSitemapPaths: [String] = [
        "/sitemap.xml", "/sitemap_index.xml", "/sitemap-index.xml", "/wp-sitemap.xml", "/news-sitemap.xml",
        "/sitemap_news.xml", "/sitemap-news.xml", "/sitemaps/sitemap.xml", "/sitemap.xml.gz",
    ]

    /// The common feed and sitemap locations on `site`'s host.
    public static func probeURLs(for site: URL) -> (feeds: [URL], sitemaps: [URL]) {
        func locations(_ paths: [String]) -> [URL] {
            paths.compactMap { URL(string: $0, relativeTo: site)?.absoluteURL }
        }
        return (locations(commonFeedPaths), locations(commonSitemapPaths))
    }
}
