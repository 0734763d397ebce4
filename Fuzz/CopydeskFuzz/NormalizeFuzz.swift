import Foundation
@testable import Normalize

private let pageURL = URL(string: "https://news.example/section/page.html")!

/// `FeedParser.parse`: RSS 0.9x/2.0, RDF, Atom and JSON Feed, detected from the bytes.
enum FeedFuzz {
    static func run(_ data: Data) {
        consume(try? FeedParser.parse(data, url: pageURL))
    }
}

/// `SitemapParser.parse` (the streaming `SitemapReader` underneath): urlset, sitemapindex,
/// news/image extensions, gzip detected from the magic bytes.
enum SitemapFuzz {
    static func run(_ data: Data) {
        consume(try? SitemapParser.parse(data, url: pageURL, maxInflatedBytes: 4 << 20))
    }
}

/// `ArticleExtractor.extract`: charset, HTML tree, metadata (JSON-LD, meta, time) and body.
/// The first byte picks the HTTP headers that travel with the page, so both the header
/// charset and the in-document declarations are reached.
enum ArticleFuzz {
    private static let contentTypes: [String?] = [
        nil, "text/html", "text/html; charset=utf-8", "text/html; charset=iso-8859-1",
        "text/html; charset=shift_jis", "text/html; charset=utf-16", "text/html; charset=\"koi8-r\"",
        "text/html;charset=windows-1251",
    ]

    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let input = ArticleInput(
            html: data.dropFirst(), url: pageURL, contentType: contentTypes[Int(first) % contentTypes.count],
            contentLanguage: first & 0x80 == 0 ? nil : "de",
            fetchedAt: Date(timeIntervalSince1970: 1_780_000_000))
        consume(ArticleExtractor().extract(input))
    }
}

/// `WARCReader` over in-memory bytes (WARC 0.17–1.1, ARC v1/v2, gzip per record or whole),
/// then `httpResponse()` on each record: the HTTP message parser with its transfer and
/// content decodings. Record count is bounded so a pathological input cannot loop.
enum WARCFuzz {
    static func run(_ data: Data) {
        let options = WARCReaderOptions(maxBlockBytes: 1 << 20, maxQueuedWarnings: 1000)
        guard let reader = try? WARCReader(input: WARCDataInput(data), options: options) else { return }
        for _ in 0..<10_000 {
            guard let record = try? reader.next() else { break }
            consume(try? record.httpResponse(maxBodyBytes: 1 << 20))
            consume(reader.drainWarnings())
        }
    }
}

/// Charset detection (BOM, HTTP header, `<meta>`), then decoding to UTF-8 (table, iconv,
/// repair). The first byte chooses the header; the rest is the document.
enum CharsetFuzz {
    private static let headers: [String?] = [
        nil, "text/html; charset=utf-8", "text/html; charset=gb2312", "text/html; charset=\"euc-jp\"",
        "text/html; charset=utf-16le", "text/html; charset=x-unknown", "text/plain;charset=iso-2022-jp",
    ]

    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let bytes = [UInt8](data.dropFirst())
        let detected = CharsetDetector.detect(bytes, contentType: headers[Int(first) % headers.count])
        let text = CharsetDecoder.toUTF8(bytes, charset: detected.charset)
        consume(TextNormalizer.collapse(text[...]))
        if let label = String(validating: bytes.prefix(64), as: UTF8.self) {
            consume(CharsetDetector.canonical(label))
        }
    }
}

/// `CanonicalURL(string:)` and the record ID made from it, plus `URL`-based construction.
enum URLFuzz {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        if let canonical = CanonicalURL(string: text) {
            consume(RecordID(canonical: canonical))
            // A canonical form parses back, to itself, and as a `URL` (`CanonicalURL.url` unwraps it).
            guard CanonicalURL(string: canonical.string)?.string == canonical.string else {
                fatalError("not idempotent: \(text.debugDescription) -> \(canonical.string.debugDescription) -> \(String(describing: CanonicalURL(string: canonical.string)?.string.debugDescription))")
            }
            guard URL(string: canonical.string) != nil else { fatalError("not a URL: \(canonical.string)") }
        }
        if let url = URL(string: text) { consume(CanonicalURL(url)) }
    }
}

/// `OPMLReader.read`: subscription lists.
enum OPMLFuzz {
    static func run(_ data: Data) {
        consume(try? OPMLReader.read(data))
    }
}
