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
        /// Inside furniture (comments, sidebars, teaser lists, footers): another item's date.
        var away = false
        /// Inside an element whose class names a date or byline.
        var hinted: Bool = false
        /// Right under a headline rather than above it (where a masthead shows today's date).
        var afterHeadline = false
        /// Counted back from the reference time ("3 hours ago", "Yesterday, 18:30").
        var relative = false
        var position: Int32
    }

    var found: [Found] = []
    /// The first day and month without a year in a short text right under the headline.
    var yearless: DatelineParser.DayAndMonth?

    /// Class and id words, one table: date-ish words (bit 0); page parts that list other
    /// articles or readers' posts, teasers included (bit 1); layouts whose wrapper holds the article too
    /// ("with-sidebar", bit 2); a publication (bit 3) or modification (bit 4) date.
    private static let hints = PatternSet(groups: [[
        "date", "datum", "time", "zeit", "fecha", "data", "byline", "meta", "posted", "publish", "pubdate",
        "dateline", "stamp", "created", "updated", "info", "author", "subline", "kicker", "header",
        "submitted", "autor", "parution", "tarih",
    ], [
        "sidebar", "related", "comment", "widget", "recommend", "popular", "trending", "most-read",
        "mostread", "footer", "recirc", "promo", "carousel", "more-stories", "read-next", "readnext", "latest",
        "archive", "calendar", "cookie", "newsletter", "rail", "teaser",
        // Previous/next-post links outside `<nav>`: their titles date other posts.
        "nav-links", "nav-previous", "nav-next", "post-nav", "pagination",
    ], ["with-sidebar", "has-sidebar", "no-sidebar", "withsidebar", "hassidebar"],
       ["published"], ["updated", "modified"]])

    /// Text nodes parsed before and after the headline, and in all.
    static let beforeHeadline = 6
    static let afterHeadline = 45
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
        // Markup entries read from a data attribute: taken only next to the headline.
        var dataDated: Set<Int32> = []

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
            // The document's `<title>` is the headline again: a date in it is the story's subject.
            if node.flags.contains(.hidden) || node.tag == .aside || node.tag == .nav || node.tag == .footer
                || node.tag == .title {
                flags |= 1
            }
            let hint = ClassHints.withoutTermClasses(tree.hint(id), tags: true)
            var words: UInt32 = 0
            if !hint.isEmpty && Self.mayCarryHint(node.tag) {
                words = Self.hints.groups(in: hint)
                if words & 0b110 == 0b010 { flags |= 1 }
                if words & 1 != 0 { flags |= 3 << 1 }
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
                label = words & 8 != 0 ? .published : (words & 16 != 0 ? .modified : .neutral)
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
            } else if let written = tree.attribute(id, .dataDate), flags & 1 == 0 {
                value = written
                dataDated.insert(Int32(markup.count))
            }
            if let value, !value.isEmpty, markup.count < 40 {
                // "Updated: <time …>": the words around the element label it when its markup does not.
                let worded = label == .neutral ? Self.markupLabel(tree, id) : label
                markup.append((id, ordinal, value, worded, flags & 1 != 0, hintLevels > 0 || flags & 6 != 0))
            }
        }

        // No `<h1>`: blogs title their posts with `<h2>`.
        if headlines.isEmpty { headlines = subheads }
        var texts: [TextItem] = []
        var articleTexts = 0
        for item in pool {
            if HeadlineWindows(ordinals: headlines).isNear(item.ordinal, hinted: false) || item.hinted || (item.inArticle && articleTexts < Self.afterHeadline) {
                if item.inArticle { articleTexts += 1 }
                texts.append((item.node, item.ordinal, item.hinted, item.inModified))
                if texts.count >= Self.maximumTexts { break }
            }
        }
        let windows = HeadlineWindows(ordinals: headlines)
        for (offset, item) in markup.enumerated() {
            guard let date = MetadataDateText.parse(item.value, dayFirst: dayFirst) else { continue }
            let near = !item.away && windows.isNear(item.ordinal, hinted: item.hinted)
            if !near && dataDated.contains(Int32(offset)) { continue }
            found.append(Found(date: date, label: item.label, structured: true,
                               near: near, away: item.away, hinted: item.hinted,
                               position: item.node))
        }
        readDatelines(texts, tree: tree, parser: parser, windows: windows, reference: reference)
    }

    /// Images, line breaks, form controls and emphasis never hold a dateline or a sidebar:
    /// their class names are not worth a scan.
    private static func mayCarryHint(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .img, .br, .hr, .input, .source, .picture, .link, .meta, .script, .style, .em, .strong,
             .b, .i, .u, .sup, .sub, .font, .label, .option:
            return false
        default:
            return true
        }
    }
}
