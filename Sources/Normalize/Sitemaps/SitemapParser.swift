public import Foundation

/// A whole sitemap read into memory, filtered by a date window: the convenient form for the
/// sitemaps a pipeline fetches (the protocol caps them at 50,000 URLs). For a file of any size,
/// iterate a ``SitemapReader`` instead.
public struct ParsedSitemap: Sendable, Equatable {
    public var kind: SitemapKind
    /// URLs in the window, in document order, duplicates removed (`urlset`).
    public var entries: [SitemapEntry]
    /// Child sitemaps that may hold URLs in the window (`sitemapindex`).
    public var sitemaps: [SitemapReference]
    /// URLs or child sitemaps left out because their date is outside the window.
    public var outsideWindow: Int
    /// URLs left out because `maxEntries` was reached.
    public var truncated: Int
    public var warnings: [ParseWarning]

    public init(
        kind: SitemapKind, entries: [SitemapEntry], sitemaps: [SitemapReference], outsideWindow: Int = 0,
        truncated: Int = 0, warnings: [ParseWarning] = []
    ) {
        self.kind = kind
        self.entries = entries
        self.sitemaps = sitemaps
        self.outsideWindow = outsideWindow
        self.truncated = truncated
        self.warnings = warnings
    }
}

/// Parses sitemaps held in memory; see ``SitemapReader`` for streaming.
public enum SitemapParser {
    /// Reads `data` fetched from `url` (gzip detected from the bytes), keeping URLs in `window`
    /// and at most `maxEntries` of them.
    public static func parse(
        _ data: Data, url: URL, window: DateWindow = DateWindow(), maxEntries: Int = 200_000,
        maxInflatedBytes: Int = SitemapReader.defaultMaxInflatedBytes
    ) throws(SitemapError) -> ParsedSitemap {
        let reader = try SitemapReader(data: data, url: url, maxInflatedBytes: maxInflatedBytes)
        var entries: [SitemapEntry] = []
        var sitemaps: [SitemapReference] = []
        var seen = Set<URL>()
        var outsideWindow = 0
        var truncated = 0
        while let item = try reader.next() {
            switch item {
            case .url(let entry):
                guard window.contains(entry.date) else { outsideWindow += 1; continue }
                guard seen.insert(entry.loc).inserted else { continue }
                guard entries.count < maxEntries else { truncated += 1; continue }
                entries.append(entry)
            case .sitemap(let reference):
                guard window.mayContain(sitemapModifiedAt: reference.lastModified) else { outsideWindow += 1; continue }
                guard seen.insert(reference.loc).inserted else { continue }
                sitemaps.append(reference)
            }
        }
        return ParsedSitemap(
            kind: reader.kind ?? .urlset, entries: entries, sitemaps: sitemaps, outsideWindow: outsideWindow,
            truncated: truncated, warnings: reader.warnings)
    }
}
