import Fetch
import Foundation
import Normalize

/// What one poll found.
struct SourceDiscovery {
    var links: [DiscoveredLink]
    /// The parsed feed, for its polling hints.
    var feed: ParsedFeed?
    /// Hash of what was found (the entry set of a feed, the link set otherwise), so a body that
    /// differs only in timestamps or ads counts as unchanged.
    var contentHash: UInt64
}

extension SourcePoller {
    /// The article links a source's response announces.
    func discover(_ source: SourceConfig, response: FetchResponse, now: Date) async throws -> SourceDiscovery {
        switch source.type {
        case .feed:
            let feed = try FeedParser.parse(response.body, url: response.finalURL)
            let links = feed.entries.compactMap { entry -> DiscoveredLink? in
                guard let link = entry.link else { return nil }
                return DiscoveredLink(url: link, metadata: EntryMetadata(
                    title: entry.title, published: entry.published, updated: entry.updated, authors: entry.authors,
                    categories: entry.categories, language: entry.language ?? feed.language, summary: entry.summary,
                    guid: entry.guid))
            }
            return SourceDiscovery(links: links, feed: feed, contentHash: Self.hash(links))
        case .sitemap:
            let links = try await sitemapLinks(response, now: now)
            return SourceDiscovery(links: links, feed: nil, contentHash: Self.hash(links))
        case .page:
            let links = try PageLinkExtractor.articleLinks(html: response.body, baseURL: response.finalURL, pattern: source.articlePattern)
                .map { DiscoveredLink(url: $0, metadata: EntryMetadata()) }
            return SourceDiscovery(links: links, feed: nil, contentHash: Self.hash(links))
        }
    }

    /// Links with their `updated` dates: a re-dated entry is news (a possible revision).
    private static func hash(_ links: [DiscoveredLink]) -> UInt64 {
        EntrySetHash.of(keys: links.map { $0.url.absoluteString + "|" + ($0.metadata.updated.map { "\($0.timeIntervalSince1970)" } ?? "") })
    }

    /// A sitemap's recent article links; an index's children are fetched (politely, through the
    /// same client) up to ``maxChildSitemaps``, one level deep.
    private func sitemapLinks(_ response: FetchResponse, now: Date) async throws -> [DiscoveredLink] {
        let window = DateWindow(start: now.addingTimeInterval(-Self.sitemapMaxAge))
        let document = try SitemapParser.parse(response.body, url: response.finalURL, window: window)
        var links = Self.links(document.entries)
        for child in document.sitemaps.prefix(Self.maxChildSitemaps) {
            let childResponse = try await context.client.fetch(FetchRequest(url: child.loc, isDiscovered: true))
            let childDocument = try SitemapParser.parse(childResponse.body, url: childResponse.finalURL, window: window)
            links += Self.links(childDocument.entries)
            if links.count >= Self.maxLinksPerPoll { break }
        }
        return links
    }

    static func links(_ entries: [SitemapEntry]) -> [DiscoveredLink] {
        entries.map { entry in
            DiscoveredLink(url: entry.loc, metadata: EntryMetadata(
                title: entry.news?.title, published: entry.news?.publicationDate, updated: entry.lastModified,
                language: entry.news?.language))
        }
    }
}
