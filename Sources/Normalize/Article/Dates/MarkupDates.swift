import Foundation

/// The dates the page's markup and visible text offer, found in one pass over the tree:
/// `<time datetime>`, `itemprop="datePublished"` elements, `<abbr class="published" title>`,
/// and datelines in the text next to the headline or in byline-like elements.
///
/// Where a date sits matters more than how it is marked up: the one under the headline is the
/// article's, the ones in sidebars, teaser lists and comments belong to other articles. Only
/// short text nodes near the first `<h1>`, under date-ish class names, or at the top of
/// `<article>` are parsed, so the cost stays a few dozen small scans per page.
struct MarkupDates {
    struct Found {
        var date: WrittenDate
        var label: DateLabel
        /// Markup (`datetime`, `itemprop`, `title`) rather than visible text.
        var structured: Bool
        /// Under the headline or in the article's header/byline area, and not in furniture.
        var near: Bool
        /// Inside an element whose class names a date or byline.
        var hinted: Bool = false
        /// Right under a headline rather than above it (where a masthead shows today's date).
        var afterHeadline = false
        var position: Int32
    }

    private(set) var found: [Found] = []

    /// Date-ish class and id words.
    private static let dateHints = PatternSet(groups: [[
        "date", "datum", "time", "zeit", "fecha", "data", "byline", "meta", "posted", "publish", "pubdate",
        "dateline", "stamp", "created", "updated", "info", "author", "subline", "kicker", "header",
    ]])
    /// Class and id words of page parts that list other articles or readers' posts; the second
    /// group names layouts ("with-sidebar"), whose wrapper holds the article too.
    private static let awayHints = PatternSet(groups: [[
        "sidebar", "related", "comment", "widget", "recommend", "popular", "trending", "most-read",
        "mostread", "footer", "recirc", "promo", "carousel", "more-stories", "read-next", "readnext", "latest",
        "archive", "calendar", "cookie", "newsletter", "rail",
    ], ["with-sidebar", "has-sidebar", "no-sidebar", "withsidebar", "hassidebar"]])

    /// Text nodes parsed before and after the headline, and in all.
    static let beforeHeadline = 6
    static let afterHeadline = 30
    static let maximumTexts = 60
    static let maximumPool = 400
    static let longNodePrefix: Int32 = 48

    init(tree: HTMLTree, dayFirst: Bool, reference: Date) {
        let count = tree.nodes.count
        // Per node: bit 0 away, bits 1-2 remaining levels of a date hint, bit 3 in <article>/<main>,
        // bit 4 inside an element marked as the modification date.
        var state = [UInt8](repeating: 0, count: count)
        var headlines: [Int] = []
        var ordinal = 0
        var subheads: [Int] = []
        // Short text nodes with a digit, outside furniture: the dateline pool.
        var pool: [(node: Int32, ordinal: Int, hinted: Bool, inArticle: Bool, inModified: Bool)] = []
        var markup: [(node: Int32, ordinal: Int, value: String, label: DateLabel, away: Bool, hinted: Bool)] = []
        var parser = DatelineParser()
        parser.dayFirst = dayFirst

        for index in 1..<count {
            let node = tree.nodes[index]
            let id = Int32(index)
            var flags = state[Int(node.parent)]
            let hintLevels = (flags >> 1) & 3
            flags = (flags & 0b11001) | (hintLevels > 0 ? (hintLevels - 1) << 1 : 0)
            if node.tag == .text {
                guard !node.flags.contains(.blank), flags & 1 == 0 else { continue }
                ordinal += 1
                let length = node.end - node.start
                // A long node can only open with its dateline ("27.1.2022 - Bei der …").
                let end = Int(length <= 240 ? node.end : node.start + Self.longNodePrefix)
                guard pool.count < Self.maximumPool, Self.hasDigit(tree.text[Int(node.start)..<end]) else { continue }
                let hinted = (state[Int(node.parent)] >> 1) & 3 > 0
                pool.append((id, ordinal, hinted, state[Int(node.parent)] & 8 != 0, state[Int(node.parent)] & 16 != 0))
                continue
            }
            if node.flags.contains(.hidden) || node.tag == .aside || node.tag == .nav || node.tag == .footer {
                flags |= 1
            }
            let hint = tree.hint(id)
            if !hint.isEmpty {
                if Self.awayHints.groups(in: hint) == 1 { flags |= 1 }
                if Self.dateHints.groups(in: hint) != 0 { flags |= 3 << 1 }
            }
            if node.tag == .article || node.tag == .main { flags |= 8 }
            state[index] = flags
            // Several `<h1>`s: a site logo is often one; the article's headline is among them.
            // (Ordinals of the heading's own first text node.)
            if node.tag == .h1 && headlines.count < 3 && flags & 1 == 0 { headlines.append(ordinal + 1) }
            if node.tag == .h2 && subheads.count < 3 && flags & 1 == 0 { subheads.append(ordinal + 1) }
            // Structured dates in markup.
            // Microdata `itemprop`, or RDFa `property="schema:datePublished"` on any element.
            let itemprop = node.tag == .meta ? nil : (tree.attribute(id, .itemprop)
                ?? tree.attribute(id, .property).map { $0.split(separator: ":").last.map(String.init) ?? $0 })
            let label: DateLabel
            switch itemprop {
            case "datePublished", "dateCreated": label = .published
            case "dateModified": label = .modified
            default:
                label = Self.contains(hint, "published") ? .published
                    : (Self.contains(hint, "updated") || Self.contains(hint, "modified") ? .modified : .neutral)
            }
            let dateProperty = itemprop == "datePublished" || itemprop == "dateCreated" || itemprop == "dateModified"
            if label == .modified {
                flags |= 16
                state[index] = flags
            }
            var value: String?
            if node.tag == .time || dateProperty {
                value = tree.attribute(id, .datetime) ?? tree.attribute(id, .content)
                    ?? (node.tag == .abbr ? tree.attribute(id, .title) : nil)
                if value == nil && dateProperty { value = tree.textContent(id) }
            } else if node.tag == .abbr, label != .neutral {
                value = tree.attribute(id, .title)
            }
            if let value, !value.isEmpty, markup.count < 40 {
                markup.append((id, ordinal, value, label, flags & 1 != 0, hintLevels > 0 || flags & 6 != 0))
            }
        }

        // No `<h1>`: blogs title their posts with `<h2>`.
        if headlines.isEmpty { headlines = subheads }
        var texts: [(node: Int32, ordinal: Int, hinted: Bool, inModified: Bool)] = []
        var articleTexts = 0
        for item in pool {
            let nearHeadline = headlines.contains {
                item.ordinal >= $0 - Self.beforeHeadline && item.ordinal <= $0 + Self.afterHeadline
            }
            if nearHeadline || item.hinted || (item.inArticle && articleTexts < Self.afterHeadline) {
                if item.inArticle { articleTexts += 1 }
                texts.append((item.node, item.ordinal, item.hinted, item.inModified))
                if texts.count >= Self.maximumTexts { break }
            }
        }
        func isAfter(_ ordinal: Int) -> Bool {
            headlines.contains { ordinal >= $0 && ordinal <= $0 + Self.afterHeadline }
        }
        func isNear(_ ordinal: Int, hinted: Bool) -> Bool {
            guard !headlines.isEmpty else { return hinted }
            return headlines.contains { ordinal >= $0 - Self.beforeHeadline && ordinal <= $0 + Self.afterHeadline }
        }
        for item in markup {
            guard let date = MetadataDateText.parse(item.value, dayFirst: dayFirst) else { continue }
            found.append(Found(date: date, label: item.label, structured: true,
                               near: !item.away && isNear(item.ordinal, hinted: item.hinted), hinted: item.hinted,
                               position: item.node))
        }
        for item in texts {
            let node = tree.nodes[Int(item.node)]
            let bytes = tree.text[Int(node.start)..<Int(node.end - node.start <= 240 ? node.end : node.start + Self.longNodePrefix)]
            let near = isNear(item.ordinal, hinted: item.hinted)
            var hits = parser.scan(bytes, limit: 2)
            // "<b>26</b> Okt 2018": a day alone in its element, the rest in the next ones.
            if hits.isEmpty, bytes.count <= 8, item.hinted {
                let joined = Self.joinedWithNext(tree, item.node)
                hits = parser.scan(joined[...], limit: 1).map { DatelineParser.Found(date: $0.date, start: bytes.startIndex) }
            }
            // A date inside a sentence is something the article mentions, not its dateline.
            for hit in hits where bytes.count <= 100 || hit.start - bytes.startIndex <= 40 {
                var label = item.inModified ? .modified : DateLabel.of(bytes[bytes.startIndex..<hit.start])
                if hit.start - bytes.startIndex < 3, label == .neutral { label = Self.previousLabel(tree, item.node) }
                found.append(Found(date: hit.date, label: label, structured: false, near: near, hinted: item.hinted,
                                   afterHeadline: isAfter(item.ordinal), position: item.node))
            }
            if near || item.hinted, let date = RelativeDate.find(bytes, reference: reference) {
                found.append(Found(date: date, label: DateLabel.of(bytes), structured: false, near: near,
                                   position: item.node))
            }
        }
    }

    /// The text of `node` and the next two short text nodes, blank-separated.
    private static func joinedWithNext(_ tree: HTMLTree, _ node: Int32) -> [UInt8] {
        var joined: [UInt8] = []
        var index = Int(node)
        var taken = 0
        while index < tree.nodes.count && index <= Int(node) + 8 && taken < 3 {
            let item = tree.nodes[index]
            if item.tag == .text && !item.flags.contains(.blank) {
                guard item.end - item.start <= 40 else { break }
                joined.append(contentsOf: tree.text[Int(item.start)..<Int(item.end)])
                joined.append(0x20)
                taken += 1
            }
            index += 1
        }
        return joined
    }

    /// The label in the text node before `node` ("Published:" in its own `<span>`).
    private static func previousLabel(_ tree: HTMLTree, _ node: Int32) -> DateLabel {
        var index = Int(node) - 1
        var steps = 0
        while index > 0 && steps < 6 {
            let item = tree.nodes[index]
            if item.tag == .text && !item.flags.contains(.blank) {
                // A node with a date of its own is that date's label, not this one's.
                let bytes = tree.text[Int(item.start)..<Int(item.end)]
                return hasDigit(bytes) ? .neutral : DateLabel.of(bytes)
            }
            index -= 1
            steps += 1
        }
        return .neutral
    }

    private static func hasDigit(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func contains(_ hint: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard hint.count >= needle.count else { return false }
        var start = hint.startIndex
        while start + needle.count <= hint.endIndex {
            if hint[start] == needle[0] && hint[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
