import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read leniently: `id` may be a number,
/// 1.0's `author` and 1.1's `authors` are both read, unknown keys are ignored.
enum JSONFeedParser {
    static func parse(_ data: Data, url: URL) throws(FeedError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformed("invalid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else { throw .notAFeed(detected: "JSON that is not an object") }
        let version = root["version"] as? String
        var warnings: [ParseWarning] = []
        if let version {
            guard version.contains("jsonfeed.org/version/") else {
                throw .notAFeed(detected: "JSON with version \(version)")
            }
        } else {
            guard root["items"] is [Any] else { throw .notAFeed(detected: "JSON without a JSON Feed version") }
            warnings.append(ParseWarning(message: "JSON Feed without a version; read as 1.1"))
        }
        let feedURL = (root["feed_url"] as? String).flatMap { FeedLink.resolve($0, base: url) } ?? url
        var feed = ParsedFeed(format: .jsonFeed)
        feed.title = (root["title"] as? String).flatMap(FeedText.plain)
        feed.siteLink = (root["home_page_url"] as? String).flatMap { FeedLink.resolve($0, base: url) }
        feed.language = (root["language"] as? String).flatMap(FeedText.trimmed)
        let feedAuthors = authors(in: root)
        var seenGUIDs = Set<String>()
        var seenLinks = Set<String>()
        var duplicates = 0
        for case let item as [String: Any] in (root["items"] as? [Any]) ?? [] {
            var entry = entry(from: item, base: feedURL)
            if entry.authors.isEmpty { entry.authors = feedAuthors }
            if let guid = entry.guid, seenGUIDs.contains(guid) { duplicates += 1; feed.repeatedEntries.append(entry); continue }
            if let link = entry.link?.absoluteString, seenLinks.contains(link) { duplicates += 1; feed.repeatedEntries.append(entry); continue }
            if let guid = entry.guid { seenGUIDs.insert(guid) }
            if let link = entry.link?.absoluteString { seenLinks.insert(link) }
            feed.entries.append(entry)
        }
        if duplicates > 0 {
            warnings.append(ParseWarning(message: "dropped \(duplicates) duplicate entries (same guid or link)"))
        }
        feed.warnings = warnings
        return feed
    }

    private static func entry(from item: [String: Any], base: URL) -> FeedEntry {
        var entry = FeedEntry()
        switch item["id"] {
        case let id as String: entry.guid = FeedText.trimmed(id)
        case let id as NSNumber: entry.guid = id.stringValue
        default: break
        }
        entry.link =
            (item["url"] as? String).flatMap { FeedLink.resolve($0, base: base) }
            ?? (item["external_url"] as? String).flatMap { FeedLink.resolve($0, base: base) }
        entry.title = (item["title"] as? String).flatMap(FeedText.plain)
        entry.published = (item["date_published"] as? String).flatMap(FeedDate.parse)
        entry.updated = (item["date_modified"] as? String).flatMap(FeedDate.parse)
        entry.authors = authors(in: item)
        entry.categories = ((item["tags"] as? [Any]) ?? []).compactMap { ($0 as? String).flatMap(FeedText.plain) }
        entry.summary = (item["summary"] as? String).flatMap(FeedText.trimmed)
        entry.content =
            (item["content_html"] as? String).flatMap(FeedText.trimmed)
            ?? (item["content_text"] as? String).flatMap(FeedText.trimmed)
        entry.language = (item["language"] as? String).flatMap(FeedText.trimmed)
        return entry
    }

    /// 1.1 `authors` (array), else 1.0 `author` (object).
    private static func authors(in object: [String: Any]) -> [String] {
        var people = (object["authors"] as? [Any]) ?? []
        if people.isEmpty, let single = object["author"] { people = [single] }
        return people.compactMap { person in
            guard let person = person as? [String: Any] else { return nil }
            return (person["name"] as? String).flatMap(FeedText.plain) ?? (person["url"] as? String)
        }
    }
}
