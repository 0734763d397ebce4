import Foundation

/// Reads RSS, RDF and Atom with libxml2's streaming reader, one element at a time: memory stays
/// bounded by the largest single entry, not the feed.
final class XMLFeedParser {
    let reader: XMLReader
    let documentURL: URL
    var format: FeedFormat = .rss
    var feed = ParsedFeed(format: .rss)
    var builders: [FeedEntry] = []
    /// Atom feed-level authors, inherited by entries without their own.
    var feedAuthors: [String] = []
    /// Which namespaces hold the format's own elements (RSS 2.0 has none; RSS 1.0 and Atom do).
    var coreNamespaces: Set<String> = []
    var coreAllowsNoNamespace = true
    private var lastCoreNamespace: String?
    var channelLanguage: String?

    init(reader: XMLReader, documentURL: URL) {
        self.reader = reader
        self.documentURL = documentURL
    }

    static func parse(_ data: Data, url: URL, extraWarnings: [ParseWarning] = []) throws(FeedError) -> ParsedFeed {
        let override = EncodingCheck.override(for: data)
        let reader: XMLReader
        do {
            reader = try XMLReader(data: data, url: url.absoluteString, encoding: override?.encoding)
        } catch {
            throw .malformed("libxml2 could not start a reader")
        }
        if let override { reader.note(override.warning) }
        let parser = XMLFeedParser(reader: reader, documentURL: url)
        var result = try parser.run()
        result.warnings = extraWarnings + result.warnings
        return result
    }

    func run() throws(FeedError) -> ParsedFeed {
        // The root element decides the format.
        var foundRoot = false
        while reader.read() {
            if reader.kind == .element {
                foundRoot = true
                break
            }
        }
        if reader.entityExpansionStopped { throw .entityExpansionLimit }
        guard foundRoot else {
            if let first = reader.warnings.first { throw .malformed(first.message) }
            throw .emptyDocument
        }
        try detectFormat(root: reader.localName, namespace: reader.namespaceURI)
        feed.format = format
        let rootLanguage = reader.xmlLang
        switch format {
        case .rss, .rdf: readRSSRoot()
        case .atom, .atom03: readAtomFeed()
        case .jsonFeed: break
        }
        if reader.entityExpansionStopped { throw .entityExpansionLimit }
        feed.language = channelLanguage ?? rootLanguage
        finish()
        return feed
    }

    private func detectFormat(root: String, namespace: String?) throws(FeedError) {
        switch (root, namespace) {
        case ("rss", _):
            format = .rss
            coreNamespaces = [FeedNamespace.rss10, FeedNamespace.rss090]
            if let namespace { coreNamespaces.insert(namespace) }
        case ("RDF", _), ("rdf", _):
            format = .rdf
            coreNamespaces = [FeedNamespace.rss10, FeedNamespace.rss090]
        case ("feed", FeedNamespace.atom):
            format = .atom
            coreNamespaces = [FeedNamespace.atom]
            coreAllowsNoNamespace = false
        case ("feed", FeedNamespace.atom03):
            format = .atom03
            coreNamespaces = [FeedNamespace.atom03]
            coreAllowsNoNamespace = false
        case ("feed", nil):
            // Atom written without its namespace: read it as Atom, say so.
            format = .atom
            reader.note("Atom feed without the Atom namespace")
        case _ where root.lowercased() == "html":
            throw .notAFeed(detected: "HTML page")
        case ("urlset", _), ("sitemapindex", _):
            throw .notAFeed(detected: "sitemap")
        default:
            throw .notAFeed(detected: "XML document with root <\(root)>")
        }
    }

    /// Whether an element belongs to the format itself (not to an extension module).
    func isCore(_ namespace: String?) -> Bool {
        guard let namespace else { return coreAllowsNoNamespace }
        // Namespace names come interned from the reader, so the feed's own namespace is one
        // string object: comparing with the last match is a pointer check, where the set would
        // hash the whole URI for every element.
        if namespace == lastCoreNamespace { return true }
        guard coreNamespaces.contains(namespace) else { return false }
        lastCoreNamespace = namespace
        return true
    }

    /// The base URI at the current node (document URL + `xml:base`s).
    func currentBase() -> URL? {
        reader.baseURL ?? documentURL
    }

    func text() -> String? { FeedText.trimmed(reader.collectText()) }

    func appendEntry(_ builder: inout FeedEntryBuilder) {
        var finished = FeedEntryBuilder()
        swap(&finished, &builder)
        if let entry = finished.build() { builders.append(entry) }
    }

    private func finish() {
        var seenGUIDs = Set<String>()
        // Links are absolute (no base URL), so URL equality is string equality; hashing the URL
        // itself skips building each `absoluteString`.
        var seenLinks = Set<URL>()
        seenGUIDs.reserveCapacity(builders.count)
        seenLinks.reserveCapacity(builders.count)
        // The entries move into the feed whole (no per-entry copy); repeats are found by index
        // and taken out afterwards, which in the common feed without repeats costs nothing.
        var entries = builders
        builders = []
        var repeated: [Int] = []
        for index in entries.indices {
            let guidKey = entries[index].guid
            let linkKey = entries[index].link
            if let guidKey, !seenGUIDs.insert(guidKey).inserted { repeated.append(index); continue }
            if let linkKey, !seenLinks.insert(linkKey).inserted {
                // The guid was new, but the entry repeats a link: it is not the guid's first use.
                if let guidKey { seenGUIDs.remove(guidKey) }
                repeated.append(index)
                continue
            }
            if entries[index].authors.isEmpty && !feedAuthors.isEmpty { entries[index].authors = feedAuthors }
        }
        let duplicates = repeated.count
        if !repeated.isEmpty {
            feed.repeatedEntries = repeated.map { entries[$0] }
            var next = 0
            entries = entries.enumerated().compactMap { index, entry in
                if next < repeated.count, repeated[next] == index {
                    next += 1
                    return nil
                }
                return entry
            }
        }
        feed.entries = entries
        if feed.updateFrequency != nil && feed.updatePeriod == nil { feed.updatePeriod = .daily }
        if feed.updatePeriod != nil && feed.updateFrequency == nil { feed.updateFrequency = 1 }
        var warnings = reader.warnings
        if reader.droppedWarnings > 0 {
            warnings.append(ParseWarning(message: "\(reader.droppedWarnings) more XML errors not listed"))
        }
        if duplicates > 0 {
            warnings.append(ParseWarning(message: "dropped \(duplicates) duplicate entries (same guid or link)"))
        }
        feed.warnings = warnings
    }
}
