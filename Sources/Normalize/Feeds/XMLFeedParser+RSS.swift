import Foundation

/// RSS 0.9x / 2.0 (`rss > channel > item`) and RSS 1.0 (`rdf:RDF > channel`, `rdf:RDF > item`).
extension XMLFeedParser {
    func readRSSRoot() {
        reader.forEachChild { name, namespace in
            switch name {
            case "channel" where isCore(namespace): readChannel()
            // RSS 1.0 puts items beside the channel; broken RSS 2.0 sometimes does too.
            case "item" where isCore(namespace): readRSSItem()
            default: reader.skipSubtree()
            }
        }
    }

    private func readChannel() {
        reader.forEachChild { name, namespace in
            if isCore(namespace) {
                switch name {
                case "title": feed.title = text().flatMap(FeedText.plain)
                case "link":
                    let base = currentBase()
                    if feed.siteLink == nil, let raw = text() { feed.siteLink = FeedLink.resolve(raw, base: base) }
                case "language": channelLanguage = channelLanguage ?? text()
                case "ttl": feed.ttlMinutes = text().flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
                case "item": readRSSItem()
                default: reader.skipSubtree()
                }
                return
            }
            switch namespace {
            case FeedNamespace.syndication: readSyndication(name)
            case FeedNamespace.dublinCore where name == "language": channelLanguage = channelLanguage ?? text()
            case FeedNamespace.atom where name == "link": readFeedAtomLink()
            default: reader.skipSubtree()
            }
        }
    }

    func readSyndication(_ name: String) {
        switch name {
        case "updatePeriod":
            feed.updatePeriod = text().flatMap { SyndicationPeriod(rawValue: $0.lowercased()) }
        case "updateFrequency":
            feed.updateFrequency = text().flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        default:
            reader.skipSubtree()
        }
    }

    /// An `atom:link` at feed level: the site (`alternate`) or RFC 5005's `prev-archive`.
    func readFeedAtomLink() {
        let rel = reader.attribute("rel")?.lowercased() ?? "alternate"
        guard let href = reader.attribute("href") else { return }
        let url = FeedLink.resolve(href, base: currentBase())
        switch rel {
        case "prev-archive": feed.previousArchive = feed.previousArchive ?? url
        case "alternate": if feed.siteLink == nil { feed.siteLink = url }
        default: break
        }
    }

    private func readRSSItem() {
        var builder = FeedEntryBuilder()
        builder.entry.language = nil
        // RSS 1.0 names each item by its `rdf:about` URI: the item's id unless a child gives one.
        let about = reader.attribute("about", namespace: FeedNamespace.rdf).flatMap(FeedText.trimmed)
        reader.forEachChild { name, namespace in
            if isCore(namespace) {
                readRSSCoreField(name, into: &builder)
            } else {
                readExtensionField(name, namespace: namespace, into: &builder)
            }
        }
        if builder.entry.guid == nil, let about { builder.entry.guid = about }
        appendEntry(&builder)
    }

    private func readRSSCoreField(_ name: String, into builder: inout FeedEntryBuilder) {
        switch name {
        case "title":
            if builder.entry.title == nil { builder.entry.title = text().flatMap(FeedText.plain) }
        case "link":
            let base = currentBase()
            if let raw = text() { builder.offerLink(FeedLink.resolve(raw, base: base), rank: 0) }
        case "guid":
            let isPermaLink = reader.attribute("isPermaLink")?.lowercased() != "false"
            let base = currentBase()
            guard let guid = text() else { return }
            builder.entry.guid = guid
            builder.guidIsPermaLink = isPermaLink
            builder.guidURL = FeedText.containsSchemeSeparator(guid) ? FeedLink.resolve(guid, base: base) : nil
        case "description":
            if builder.entry.summary == nil { builder.entry.summary = text() }
        case "pubDate":
            builder.offerPublished(text().flatMap(FeedDate.parse))
        case "author":
            builder.addAuthor(text().flatMap(FeedLink.rssAuthorName))
        case "category":
            builder.addCategory(text().flatMap(FeedText.plain))
        default:
            reader.skipSubtree()
        }
    }

    /// Elements of extension modules, shared by RSS items and Atom entries.
    func readExtensionField(_ name: String, namespace: String?, into builder: inout FeedEntryBuilder) {
        switch (namespace, name) {
        case (FeedNamespace.content, "encoded"):
            if builder.entry.content == nil { builder.entry.content = text() }
        case (FeedNamespace.dublinCore, "creator"), (FeedNamespace.dublinCore, "contributor"):
            builder.addAuthor(text().flatMap(FeedText.plain))
        case (FeedNamespace.itunes, "author"):
            // The show's credit: used only when the item names nobody else.
            if builder.entry.authors.isEmpty { builder.addAuthor(text().flatMap(FeedText.plain)) }
        case (FeedNamespace.dublinCore, "date"), (FeedNamespace.dcTerms, "created"), (FeedNamespace.dcTerms, "issued"):
            builder.offerPublished(text().flatMap(FeedDate.parse))
        case (FeedNamespace.dcTerms, "modified"):
            builder.offerUpdated(text().flatMap(FeedDate.parse))
        case (FeedNamespace.dublinCore, "subject"):
            builder.addCategory(text().flatMap(FeedText.plain))
        case (FeedNamespace.dublinCore, "language"):
            builder.entry.language = builder.entry.language ?? text()
        case (FeedNamespace.dublinCore, "title"):
            if builder.entry.title == nil { builder.entry.title = text().flatMap(FeedText.plain) }
        case (FeedNamespace.dublinCore, "identifier"):
            if builder.entry.guid == nil { builder.entry.guid = text() }
        case (FeedNamespace.atom, "link"):
            readEntryAtomLink(into: &builder)
        case (FeedNamespace.atom, "updated"):
            builder.offerUpdated(text().flatMap(FeedDate.parse))
        case (FeedNamespace.atom, "published"):
            builder.offerPublished(text().flatMap(FeedDate.parse))
        default:
            reader.skipSubtree()
        }
    }

    /// An Atom `link` in an entry: `alternate` (or no rel) is the article; HTML beats other types.
    func readEntryAtomLink(into builder: inout FeedEntryBuilder) {
        let rel = reader.attribute("rel")?.lowercased() ?? "alternate"
        guard rel == "alternate", let href = reader.attribute("href") else { return }
        let type = reader.attribute("type")?.lowercased()
        let rank = type == nil || type == "text/html" || type == "application/xhtml+xml" ? 1 : 2
        builder.offerLink(FeedLink.resolve(href, base: currentBase()), rank: rank)
    }
}
