/// Closes what an HTML5 parser closes where libxml2 2.9 keeps elements open.
///
/// libxml2 lets an end tag close the elements above its own only when none of them ranks
/// higher: a `div` outranks `aside`, `li`, `section` and every other block. So `</aside>` with
/// a `<div>` left open inside it is ignored, and the rest of the page — often the article —
/// becomes part of the aside and is read as furniture. HTML5 pops every element up to the
/// aside instead. libxml2 reports the ignored end tag as a tag mismatch; this type keeps the
/// stack of elements libxml2 has open, marks the ones an HTML5 parser would have closed as
/// closed here already, and swallows their end events when libxml2 sends them later.
struct MisnestedEndTags {
    /// libxml2's open elements as node indices, `closed` for those closed here already.
    private var open: [Int32] = []

    static let closed: Int32 = -1

    init() {
        open.reserveCapacity(64)
    }

    mutating func opened(_ node: Int32) {
        open.append(node)
    }

    /// libxml2 closed its innermost open element: the node to close here, or nil when it was
    /// closed here already.
    mutating func closed() -> Int32? {
        guard let last = open.popLast() else { return nil }
        return last == Self.closed ? nil : last
    }

    /// libxml2 reported "Opening and ending tag mismatch: `end` and …". Either it ignored the
    /// end tag, or (when the open element is an inline style element such as `b`) it is
    /// closing the elements up to `end` itself and their end events follow at once. Both ways
    /// the elements up to `end` close here now; in the second, libxml2's end events for them
    /// find them closed already. The innermost open `end` and everything above it are marked
    /// closed, as HTML5 does: only when it is "in scope", not past a table, a cell or a
    /// template, whose contents an end tag outside them cannot reach. Returns the nodes to
    /// close, innermost first.
    mutating func mismatch(end: HTMLTag, tags: (Int32) -> HTMLTag) -> [Int32] {
        guard Self.closesOnEnd(end) else { return [] }
        var position = open.count - 1
        while position >= 0 {
            let node = open[position]
            if node != Self.closed {
                let tag = tags(node)
                if tag == end { break }
                if Self.isScopeBoundary(tag) { return [] }
            }
            position -= 1
        }
        guard position >= 0 else { return [] }
        var closing: [Int32] = []
        for index in stride(from: open.count - 1, through: position, by: -1) where open[index] != Self.closed {
            closing.append(open[index])
            open[index] = Self.closed
        }
        return closing
    }

    /// End tags HTML5 lets close the elements left open inside them: blocks and lists (inline
    /// and table end tags have their own rules, which libxml2's ranking already follows).
    static func closesOnEnd(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .div, .p, .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .article, .section, .main, .aside,
             .nav, .header, .footer, .form, .fieldset, .address, .dialog, .menu, .details, .summary,
             .center, .figure, .figcaption, .h1, .h2, .h3, .h4, .h5, .h6:
            return true
        default:
            return false
        }
    }

    static func isScopeBoundary(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .html, .body, .table, .td, .th, .caption, .template, .object: return true
        default: return false
        }
    }
}
