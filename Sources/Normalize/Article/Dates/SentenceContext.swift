/// Whether a short text node is a piece of running text: "… nach Angaben des
/// <a>Lageberichts vom 25. Februar 2020</a> außerhalb von China …".
///
/// A link or emphasis inside a paragraph makes its own short text node, so a date in it looks
/// like a dateline although it is something the article mentions. A dateline inside a
/// paragraph ("Posted on <a>March 3, 2020</a> by <a>Jane</a>") has little text of the
/// paragraph's own around it; a sentence has much.
enum SentenceContext {
    /// Bytes of a paragraph's own text (outside the element holding the date) from which
    /// the paragraph is running text.
    static let sentenceBytes: Int32 = 60
    /// Inline elements climbed at most between the text and its paragraph.
    static let maximumDepth = 3

    static func isInline(_ tree: HTMLTree, _ text: Int32) -> Bool {
        var child = text
        var parent = tree.nodes[Int(text)].parent
        var depth = 0
        while depth < maximumDepth, parent > 0, isInlineTag(tree.nodes[Int(parent)].tag) {
            child = parent
            parent = tree.nodes[Int(parent)].parent
            depth += 1
        }
        guard depth > 0, parent > 0, tree.nodes[Int(parent)].tag == .p else { return false }
        // The paragraph's own text around the inline element that holds the date.
        var own: Int32 = 0
        var current = tree.nodes[Int(parent)].firstChild
        var steps = 0
        while current >= 0, steps < 200 {
            let item = tree.nodes[Int(current)]
            if current != child, item.tag == .text { own += item.end - item.start }
            if own >= sentenceBytes { return true }
            current = item.nextSibling
            steps += 1
        }
        return false
    }

    private static func isInlineTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .a, .span, .em, .strong, .b, .i, .u, .small, .cite, .q, .mark, .font, .abbr, .time:
            return true
        default:
            return false
        }
    }
}
