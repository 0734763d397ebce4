/// The HTML elements the extractor tells apart. Everything else is `.other` and is treated as
/// inline text flow; a small closed set keeps per-element work to one table lookup.
enum HTMLTag: UInt8, Sendable {
    case other = 0
    case text  // a text node, not an element
    case html, head, title, meta, link, base, body
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas
    case video, audio, picture, source, img
    case figure, figcaption
    case p, div, span, a, br, hr
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption
    case blockquote, pre, code
    case article, section, main, aside, nav, header, footer
    case form, input, button, select, option, textarea, label, fieldset
    case time, address, dialog, menu, details, summary, center
    case em, strong, b, i, u, small, sup, sub, cite, q, abbr, mark, font
    /// Ruby annotations: the reading aid printed above a character, and the fallback parentheses.
    case rt, rp
    /// Non-standard elements some publishing systems wrap a byline in.
    case author, byline

    /// Tag names as libxml2's HTML parser reports them (already lower case).
    private static let names: [(String, HTMLTag)] = [
        ("html", .html), ("head", .head), ("title", .title), ("meta", .meta), ("link", .link),
        ("base", .base), ("body", .body), ("script", .script), ("style", .style),
        ("noscript", .noscript), ("template", .template), ("svg", .svg), ("math", .math),
        ("iframe", .iframe), ("object", .object), ("embed", .embed), ("canvas", .canvas),
        ("video", .video), ("audio", .audio), ("picture", .picture), ("source", .source),
        ("img", .img), ("figure", .figure), ("figcaption", .figcaption), ("p", .p),
        ("div", .div), ("span", .span), ("a", .a), ("br", .br), ("hr", .hr), ("h1", .h1),
        ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("ul", .ul),
        ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("table", .table),
        ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr), ("td", .td),
        ("th", .th), ("caption", .caption), ("blockquote", .blockquote), ("pre", .pre),
        ("code", .code), ("article", .article), ("section", .section), ("main", .main),
        ("aside", .aside), ("nav", .nav), ("header", .header), ("footer", .footer),
        ("form", .form), ("input", .input), ("button", .button), ("select", .select),
        ("option", .option), ("textarea", .textarea), ("label", .label),
        ("fieldset", .fieldset), ("time", .time), ("address", .address), ("dialog", .dialog),
        ("menu", .menu), ("details", .details), ("summary", .summary), ("center", .center),
        ("em", .em), ("strong", .strong), ("b", .b), ("i", .i), ("u", .u), ("small", .small),
        ("sup", .sup), ("sub", .sub), ("cite", .cite), ("q", .q), ("abbr", .abbr),
        ("mark", .mark), ("font", .font), ("rt", .rt), ("rp", .rp), ("author", .author), ("byline", .byline),
    ]

    /// Buckets keyed by (length, first byte) so a lookup compares at most a few names.
    private static let buckets: [[(bytes: [UInt8], tag: HTMLTag)]] = {
        var buckets = [[(bytes: [UInt8], tag: HTMLTag)]](repeating: [], count: 16 * 32)
        for (name, tag) in names {
            let bytes = Array(name.utf8)
            buckets[bucket(count: bytes.count, first: bytes[0])].append((bytes, tag))
        }
        return buckets
    }()

    @inline(__always)
    private static func bucket(count: Int, first: UInt8) -> Int {
        (count & 15) * 32 + Int(first & 31)
    }

    /// Looks a tag name up without building a `String`.
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var count = 0
        while name[count] != 0 {
            count += 1
            if count > 12 { return .other }
        }
        if count == 0 { return .other }
        for entry in buckets[bucket(count: count, first: name[0])] where entry.bytes.count == count {
            var same = true
            for index in 0..<count where entry.bytes[index] != name[index] {
                same = false
                break
            }
            if same { return entry.tag }
        }
        return .other
    }

    /// Elements whose content is never article text and is not even kept in the tree.
    /// Ruby annotations (`<rt>`, `<rp>`) are a reading aid over the text (the pronunciation of
    /// a kanji), not words of it: kept, they would split every annotated word in two.
    var isDropped: Bool {
        switch self {
        case .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .select, .textarea, .button, .video, .audio, .rt, .rp:
            return true
        default:
            return false
        }
    }

    /// Players and frames: the text next to them is usually a player notice.
    var isEmbeddedMedia: Bool {
        switch self {
        case .iframe, .object, .embed, .video, .audio: return true
        default: return false
        }
    }

    /// Elements that start a new line in the text flow.
    var isBlock: Bool {
        switch self {
        case .p, .div, .br, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
             .table, .thead, .tbody, .tfoot, .tr, .caption, .blockquote, .pre,
             .article, .section, .main, .aside, .nav, .header, .footer, .form, .fieldset,
             .address, .dialog, .menu, .details, .summary, .center, .figure, .figcaption,
             .body, .html:
            return true
        default:
            return false
        }
    }

    /// Inline elements that hold words of a sentence (a link, emphasis, a styled span, a
    /// `<time>`): text inside them is read as part of the paragraph around them.
    var isInlineText: Bool {
        switch self {
        case .a, .span, .em, .strong, .b, .i, .u, .small, .cite, .q, .mark, .font, .abbr, .time: return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
