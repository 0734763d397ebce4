/// A compact, read-only HTML tree built from libxml2's SAX events.
///
/// Nodes live in one array in document (pre-)order, so a child always has a larger index than
/// its parent: bottom-up statistics are a single reverse loop and no walk ever recurses, which
/// keeps 100,000-deep documents safe. Text and attribute values are byte ranges into shared
/// UTF-8 buffers; `String`s are only made for what the extractor keeps.
struct HTMLTree: Sendable {
    /// One element or text node.
    struct Node: Sendable {
        var tag: HTMLTag
        var flags: NodeFlags
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Text node: byte range in `text`. Element: range in `attributes`.
        var start: Int32
        var end: Int32
        /// Lower-cased `class` and `id` values, space separated, as a range in `attributeBytes`.
        var hintStart: Int32 = 0
        var hintEnd: Int32 = 0
    }

    /// Per-node facts known while parsing.
    struct NodeFlags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Inside an `<a>` element (text nodes only).
        static let inLink = NodeFlags(rawValue: 1)
        /// `hidden`, `aria-hidden="true"` or an inline `display:none` / `visibility:hidden`.
        static let hidden = NodeFlags(rawValue: 2)
        /// Text node holding only white space.
        static let blank = NodeFlags(rawValue: 4)
        /// Had an embedded player or frame (dropped while parsing) as a direct child.
        static let embedsMedia = NodeFlags(rawValue: 8)
    }

    /// One kept attribute value.
    struct Attribute: Sendable {
        var name: HTMLAttributeName
        var start: Int32
        var end: Int32
    }

    /// Node 0 is the document root (tag `.other`).
    var nodes: [Node]
    var text: [UInt8]
    var attributeBytes: [UInt8]
    var attributes: [Attribute]
    /// Bodies of `<script type="application/ld+json">`, in document order.
    var jsonLD: [[UInt8]]

    static let root: Int32 = 0

    @inline(__always) func node(_ index: Int32) -> Node { nodes[Int(index)] }

    /// The raw value of an attribute of an element, if present.
    func attributeBytes(_ node: Int32, _ name: HTMLAttributeName) -> ArraySlice<UInt8>? {
        let element = nodes[Int(node)]
        guard element.tag != .text else { return nil }
        var index = Int(element.start)
        while index < Int(element.end) {
            let attribute = attributes[index]
            if attribute.name == name {
                return attributeBytes[Int(attribute.start)..<Int(attribute.end)]
            }
            index += 1
        }
        return nil
    }

    /// The value of an attribute as a string with surrounding white space trimmed.
    func attribute(_ node: Int32, _ name: HTMLAttributeName) -> String? {
        guard let bytes = attributeBytes(node, name) else { return nil }
        return TextNormalizer.collapse(bytes)
    }

    /// Lower-cased `class` and `id` of an element.
    func hint(_ node: Int32) -> ArraySlice<UInt8> {
        let element = nodes[Int(node)]
        return attributeBytes[Int(element.hintStart)..<Int(element.hintEnd)]
    }

    /// Concatenated text of a subtree with white space collapsed. With `wordsAtElements`, a text
    /// that starts with a capital in another element than the text before it, which ends with a
    /// lower-case letter, is a new word: a byline's label and name in two elements with nothing between them
    /// ("<span>Geschrieben von</span><a>Ana Roe</a>").
    func textContent(_ start: Int32, wordsAtElements: Bool = false) -> String {
        var bytes: [UInt8] = []
        var lastTextParent: Int32 = -1
        // Where each open block's subtree ends: what follows a block is a new line too
        // ("<div>Jane Roe</div><time>3 hours ago</time>" is not "Jane Roe3 hours ago").
        var blockEnds: [Int32] = []
        var lastLink: Int32 = -1
        forEachDescendant(of: start) { index in
            var ended = false
            while let last = blockEnds.last, index > last {
                blockEnds.removeLast()
                ended = true
            }
            if ended { bytes.append(0x20) }
            let item = nodes[Int(index)]
            if item.tag == .text {
                if wordsAtElements, item.parent != lastTextParent, let last = bytes.last, last >= 0x61 && last <= 0x7A,
                   Self.startsWithCapital(text[Int(item.start)..<Int(item.end)]) {
                    bytes.append(0x20)
                }
                lastTextParent = item.parent
                bytes.append(contentsOf: text[Int(item.start)..<Int(item.end)])
            } else if item.tag == .a {
                // Two links side by side are two items ("<a>Jane Roe</a><a>Follow</a>").
                if lastLink >= 0, nodes[Int(lastLink)].parent == item.parent, subtreeEnd(lastLink) + 1 == index {
                    bytes.append(0x20)
                }
                lastLink = index
            } else if item.tag.isBlock {
                bytes.append(0x20)
                blockEnds.append(subtreeEnd(index))
            }
            return true
        }
        return TextNormalizer.collapse(bytes[...])
    }

    private static func startsWithCapital(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        let scalar = String(decoding: bytes.prefix(4), as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isUppercase == true
    }

    /// Visits a subtree in document order without recursion; `visit` returns false to skip
    /// the children of the node it was given.
    func forEachDescendant(of start: Int32, _ visit: (Int32) -> Bool) {
        var current = nodes[Int(start)].firstChild
        while current >= 0 {
            let descend = visit(current)
            let item = nodes[Int(current)]
            if descend && item.firstChild >= 0 {
                current = item.firstChild
                continue
            }
            // Climb until a node with a next sibling, stopping at the subtree root.
            var climb = current
            while climb != start && nodes[Int(climb)].nextSibling < 0 {
                climb = nodes[Int(climb)].parent
            }
            if climb == start { return }
            current = nodes[Int(climb)].nextSibling
        }
    }

    /// The deepest node containing both `first` and `second`. Parents precede children in
    /// the array, so the node with the larger index can never be the other's ancestor and
    /// climbs: O(depth), whatever the shape of the tree.
    func commonAncestor(_ first: Int32, _ second: Int32) -> Int32 {
        var first = first, second = second
        while first != second {
            if first > second { first = nodes[Int(first)].parent } else { second = nodes[Int(second)].parent }
        }
        return first
    }

    /// `body`, `html` or the document root: no container of an article.
    func isAboveBody(_ index: Int32) -> Bool {
        let tag = nodes[Int(index)].tag
        return tag == .body || tag == .html || index == Self.root
    }

    /// The element (non-text) siblings before `node`, nearest first; nil when `node` is not
    /// among its parent's first 2,000 children (nodes keep no link to their previous sibling).
    func elementSiblings(before node: Int32) -> [Int32]? {
        let parent = nodes[Int(node)].parent
        guard parent >= 0 else { return nil }
        var child = nodes[Int(parent)].firstChild
        var before: [Int32] = []
        var steps = 0
        while child >= 0 && child != node && steps < 2000 {
            if nodes[Int(child)].tag != .text { before.append(child) }
            child = nodes[Int(child)].nextSibling
            steps += 1
        }
        return child == node ? before.reversed() : nil
    }

    /// Index of the last node of `start`'s subtree (document order), without recursion.
    func subtreeEnd(_ start: Int32) -> Int32 {
        var current = start
        while nodes[Int(current)].lastChild >= 0 { current = nodes[Int(current)].lastChild }
        return current
    }
}

/// Attribute names the extractor reads; all others are dropped while parsing.
enum HTMLAttributeName: UInt8, Sendable {
    case itemprop, itemtype, property, name, content, href, rel, datetime, lang, type, src
    case charset, httpEquiv, role
    /// Only on `<abbr>`, where blogs put the machine-readable date (`<abbr class="published" title>`).
    case title
    /// `data-date`, `data-published`, `data-publish-date`, `data-pubdate`: a date a script shows.
    case dataDate
}
