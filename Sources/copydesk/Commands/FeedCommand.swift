import ArgumentParser
import Foundation
import Glibc
import Normalize

/// `copydesk feed URL|FILE`: shows what a source yields — a feed's entries or a sitemap's URLs —
/// as JSON lines, so a user can check a source before adding it to `pipeline.json`.
struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Print the entries of a feed or sitemap as JSON lines.",
        discussion: """
            The format (RSS, RDF, Atom, JSON Feed, sitemap, sitemap index, gzip-compressed or not) \
            is detected from the content. FILE may be `-` for standard input. Warnings about \
            recovered errors go to standard error.
            """
    )

    @Argument(help: "A feed or sitemap: a file, `-` for standard input, or an http(s) URL.")
    var source: String

    @Flag(help: "Print only the number of entries.")
    var count = false

    @Option(name: .shortAndLong, help: "Configuration whose fetch settings are used for a URL argument.")
    var config: String?

    @Option(help: "The URL the document was fetched from (resolves relative links in a file).")
    var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url must be an absolute URL")
        }
    }

    func run() async throws {
        var path = source
        var fetchedURL: URL?
        var downloaded: URL?
        defer { downloaded.map { try? FileManager.default.removeItem(at: $0) } }
        if isWebAddress(source), let address = URL(string: source) {
            // Fetched with the pipeline's client, then read like a file (gzip sniffed the same way).
            let document = try await RemoteDocument.fetch(address, configPath: config, command: "feed")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-feed-\(UUID().uuidString)")
            try document.body.write(to: file)
            downloaded = file
            path = file.path
            fetchedURL = document.finalURL
        }
        let documentURL =
            baseURL.flatMap { URL(string: $0) } ?? fetchedURL
            ?? (source == "-" ? URL(string: "file:///dev/stdin")! : URL(fileURLWithPath: source))
        let document: OpenedDocument
        do {
            document = try DocumentOpener.open(path: path)
        } catch {
            printError("copydesk feed: \(error)")
            throw ExitCode(66)  // EX_NOINPUT
        }
        switch document.kind {
        case .xml(let root, _) where root == "urlset" || root == "sitemapindex":
            try printSitemap(document, url: documentURL)
        default:
            try printFeed(document, url: documentURL)
        }
    }

    private func printFeed(_ document: OpenedDocument, url: URL) throws {
        let feed: ParsedFeed
        do {
            let data = try document.readAll(limit: FeedParser.maxInflatedBytes)
            feed = try FeedParser.parse(data, url: url)
        } catch {
            printError("copydesk feed: \(error)")
            throw ExitCode(65)  // EX_DATAERR
        }
        for warning in feed.warnings { printError("warning: \(warning)") }
        if count {
            print(feed.entries.count)
            return
        }
        let output = FeedJSONLineWriter()
        for entry in feed.entries { output.write(FeedEntryLine(entry)) }
        for entry in feed.repeatedEntries { output.write(FeedEntryLine(entry, repeated: true)) }
    }

    private func printSitemap(_ document: OpenedDocument, url: URL) throws {
        var total = 0
        let output = FeedJSONLineWriter()
        do {
            let reader = try SitemapReader(source: document.source, url: url)
            while let item = try reader.next() {
                total += 1
                if !count { output.write(SitemapItemLine(item)) }
            }
            for warning in reader.warnings { printError("warning: \(warning)") }
        } catch {
            printError("copydesk feed: \(error)")
            throw ExitCode(65)
        }
        if count { print(total) }
    }
}


/// One JSON object per line on standard output, keys sorted, dates in ISO 8601.
final class FeedJSONLineWriter {
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    func write(_ value: some Encodable) {
        guard var data = try? encoder.encode(value) else { return }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

/// The fields of a feed entry a user checks when adding a source.
struct FeedEntryLine: Encodable {
    var link: String?
    /// Why the pipeline would not fetch this entry (no link, a repeat); absent when it would.
    var skipped: String?
    /// A repeat of an earlier entry (same guid or link).
    var repeated: Bool?
    var canonicalLink: String?
    var recordId: String?
    var guid: String?
    var title: String?
    var published: Date?
    var updated: Date?
    var authors: [String]
    var categories: [String]

    init(_ entry: FeedEntry, repeated: Bool = false) {
        link = entry.link?.absoluteString
        if repeated {
            self.repeated = true
            skipped = "repeat of an earlier entry (same guid or link)"
        } else if entry.link == nil {
            skipped = "no link: nothing to fetch"
        }
        let canonical = entry.link.flatMap { CanonicalURL($0) }
        canonicalLink = canonical?.string
        recordId = canonical?.recordID.hex
        guid = entry.guid
        title = entry.title
        published = entry.published
        updated = entry.updated
        authors = entry.authors
        categories = entry.categories
    }

    private enum CodingKeys: String, CodingKey {
        case link, skipped, repeated, canonicalLink, recordId, guid, title, published, updated, authors, categories
    }

    /// `link` is always written (`null` for an entry without one), the rest when present.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(link, forKey: .link)
        try c.encodeIfPresent(skipped, forKey: .skipped)
        try c.encodeIfPresent(repeated, forKey: .repeated)
        try c.encodeIfPresent(canonicalLink, forKey: .canonicalLink)
        try c.encodeIfPresent(recordId, forKey: .recordId)
        try c.encodeIfPresent(guid, forKey: .guid)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(updated, forKey: .updated)
        try c.encode(authors, forKey: .authors)
        try c.encode(categories, forKey: .categories)
    }
}

/// A sitemap URL or child sitemap.
struct SitemapItemLine: Encodable {
    var kind: String
    var loc: String
    var canonicalLink: String?
    var recordId: String?
    var lastmod: Date?
    var newsTitle: String?
    var newsPublished: Date?
    var newsLanguage: String?

    init(_ item: SitemapItem) {
        switch item {
        case .url(let entry):
            kind = "url"
            loc = entry.loc.absoluteString
            let canonical = CanonicalURL(entry.loc)
            canonicalLink = canonical?.string
            recordId = canonical?.recordID.hex
            lastmod = entry.lastModified
            newsTitle = entry.news?.title
            newsPublished = entry.news?.publicationDate
            newsLanguage = entry.news?.language
        case .sitemap(let reference):
            kind = "sitemap"
            loc = reference.loc.absoluteString
            lastmod = reference.lastModified
        }
    }
}
