public import Foundation

/// Parses a feed document: RSS 0.91/0.92/2.0, RSS 1.0 (RDF), Atom 1.0 (0.3 tolerated) or JSON
/// Feed 1.0/1.1, detected from the bytes — never from the URL or the Content-Type.
///
/// XML is read with libxml2's streaming reader under hostile-input options (see
/// `XMLReaderOptions`): recoverable errors become ``ParsedFeed/warnings``, external entities are
/// never resolved or fetched, and an entity-expansion bomb ends in ``FeedError/entityExpansionLimit``.
public enum FeedParser {
    /// Largest document accepted after gzip decompression.
    public static let maxInflatedBytes = 64 << 20

    /// Parses `data`, which was fetched from `url` — the final URL after redirects, against which
    /// relative links are resolved (after any `xml:base`).
    public static func parse(_ data: Data, url: URL) throws(FeedError) -> ParsedFeed {
        var document = data
        var warnings: [ParseWarning] = []
        if GzipChunkSource.isCompressed(document) {
            do {
                document = try GzipChunkSource.inflate(document, maxOutputBytes: maxInflatedBytes)
            } catch {
                throw .compression(error.description)
            }
        }
        switch DocumentKind.sniff(document) {
        case .empty:
            throw .emptyDocument
        case .json:
            return try JSONFeedParser.parse(document, url: url)
        case .html:
            throw .notAFeed(detected: "HTML page")
        case .gzip:
            throw .compression("gzip inside gzip")
        case .xml(let root, _) where root == "urlset" || root == "sitemapindex":
            throw .notAFeed(detected: "sitemap")
        case .xml(let root, _) where ["rss", "RDF", "feed", ""].contains(root):
            break
        case .xml, .unknown:
            // Junk before the XML (a PHP notice, a stray BOM-less byte): start at the first tag.
            guard let start = xmlStart(in: document), start > 0 else {
                // Some other XML: the XML parser names its root in the error.
                if case .xml = DocumentKind.sniff(document) { break }
                throw .malformed("neither XML nor JSON")
            }
            warnings.append(ParseWarning(message: "skipped \(start) bytes of junk before the XML"))
            document = document.subdata(in: (document.startIndex + start)..<document.endIndex)
        }
        return try XMLFeedParser.parse(document, url: url, extraWarnings: warnings)
    }

    /// Offset of the earliest `<?xml`, `<rss`, `<feed` or `<rdf:RDF` in the first 4 KiB.
    private static func xmlStart(in data: Data) -> Int? {
        let head = Array(data.prefix(4096))
        var earliest: Int?
        for marker in ["<?xml", "<rss", "<feed", "<rdf:RDF"] {
            let pattern = Array(marker.utf8)
            guard head.count >= pattern.count else { continue }
            for index in 0...(head.count - pattern.count) where head[index..<(index + pattern.count)].elementsEqual(pattern) {
                earliest = min(earliest ?? index, index)
                break
            }
        }
        return earliest
    }
}
