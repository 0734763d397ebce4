import Foundation

/// Atom 1.0 (RFC 4287) and the Atom 0.3 draft.
extension XMLFeedParser {
    func readAtomFeed() {
        reader.forEachChild { name, namespace in
            guard isCore(namespace) else {
                switch namespace {
                case FeedNamespace.syndication: readSyndication(name)
                case FeedNamespace.dublinCore where name == "language": channelLanguage = channelLanguage ?? text()
                default: reader.skipSubtree()
                }
                return
            }
            switch name {
            case "title": feed.title = readAtomText(plain: true)
            case "link": readFeedAtomLink()
            case "author": if let name = readPerson() { feedAuthors.append(name) }
            case "entry": readAtomEntry()
            default: reader.skipSubtree()
            }
        }
    }

    private func readAtomEntry() {
        var builder = FeedEntryBuilder()
        builder.entry.language = reader.xmlLang
        reader.forEachChild { name, namespace in
            guard isCore(namespace) else {
                readExtensionField(name, namespace: namespace, into: &builder)
                return
            }
            switch name {
            case "id":
                let base = currentBase()
                guard let id = text() else { return }
                builder.entry.guid = id
                builder.guidURL = FeedText.containsSchemeSeparator(id) ? FeedLink.resolve(id, base: base) : nil
            case "title":
                builder.entry.title = readAtomText(plain: true)
            case "link":
                readEntryAtomLink(into: &builder)
            case "published", "issued", "created":
                builder.offerPublished(text().flatMap(FeedDate.parse))
            case "updated", "modified":
                builder.offerUpdated(text().flatMap(FeedDate.parse))
            case "author", "contributor":
                builder.addAuthor(readPerson())
            case "category":
                let label = reader.attribute("label") ?? reader.attribute("term")
                builder.addCategory(label.flatMap(FeedText.plain))
            case "summary":
                builder.entry.summary = readAtomText(plain: false)
            case "content":
                builder.entry.content = readAtomText(plain: false)
            default:
                // `source` (the entry's original feed) carries its own title, id, links: skipped.
                reader.skipSubtree()
            }
        }
        appendEntry(&builder)
    }

    /// An Atom person construct: `name`, else `email`.
    private func readPerson() -> String? {
        var name: String?
        var email: String?
        reader.forEachChild { child, namespace in
            guard isCore(namespace) else { return reader.skipSubtree() }
            switch child {
            case "name": name = text().flatMap(FeedText.plain)
            case "email": email = text()
            default: reader.skipSubtree()
            }
        }
        return name ?? email
    }

    /// An Atom text construct. `type="xhtml"` keeps the inner markup (for content and summary);
    /// `plain` turns the result into plain text (titles). Atom 0.3's `mode="base64"` is decoded.
    private func readAtomText(plain: Bool) -> String? {
        let type = reader.attribute("type")?.lowercased() ?? "text"
        let mode = reader.attribute("mode")?.lowercased()
        var value: String?
        if (type == "xhtml" || type == "application/xhtml+xml") && !plain {
            value = FeedText.trimmed(reader.innerXML())
        } else {
            value = text()
        }
        if mode == "base64", let encoded = value, let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) {
            value = String(decoding: data, as: UTF8.self)
        }
        guard plain else { return value }
        // Atom's `type="text"` (the default) is text: a literal `<b>` in a title is two
        // characters and a letter, not markup; `html` and Atom 0.3 `mode="escaped"` are markup.
        if (type == "text" || type == "text/plain") && mode != "escaped" {
            return value.flatMap(FeedText.collapsedText)
        }
        return value.flatMap(FeedText.plain)
    }
}
