/// Turns the chosen containers into body lines: block elements break lines, inline text
/// flows, table cells are joined by spaces, and blocks that read as furniture (link lists,
/// the page title, stray short bits with pictures) are left out.
struct BodyWriter {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// A line of output with what produced it, so later filters can judge headings.
    struct Line {
        var text: String
        var isHeading: Bool
    }

    /// Accumulates inline text and cuts it into lines at block boundaries.
    private struct Collector {
        var output: [Line] = []
        var buffer: [UInt8] = []
        var isHeading = false

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            let text = TextNormalizer.collapse(buffer[...])
            if !text.isEmpty { output.append(Line(text: text, isHeading: isHeading)) }
            buffer.removeAll(keepingCapacity: true)
            isHeading = false
        }
    }

    func lines(from roots: [Int32]) -> [Line] {
        var collector = Collector()
        for root in roots {
            if analysis.removed[Int(root)] { continue }
            if tree.node(root).tag == .text {
                appendText(root, to: &collector.buffer)
                continue
            }
            collector.flush()
            emit(root, into: &collector)
            collector.flush()
        }
        collector.flush()
        return collector.output
    }

    /// Walks one container without recursion, tracking element ends on an explicit stack.
    private func emit(_ root: Int32, into collector: inout Collector) {
        var stack: [Int32] = []
        var current = root
        var descend = true
        while true {
            if descend {
                let node = tree.node(current)
                var enter = true
                if node.tag == .text {
                    appendText(current, to: &collector.buffer)
                    enter = false
                } else if current != root && (analysis.removed[Int(current)] || shouldSkip(current)) {
                    enter = false
                    // "die<strong> </strong>totale": an inline element holding only white space
                    // still separates the words around it.
                    // (Not one removed: a hidden anti-spam span inside "ann@<span>…</span>example.org".)
                    if analysis.chars[Int(current)] == 0 && !node.tag.isBlock && !analysis.removed[Int(current)]
                        && holdsText(current) {
                        collector.buffer.append(0x20)
                    }
                } else {
                    opening(node.tag, &collector)
                    if node.tag.isHeading { collector.isHeading = true }
                }
                if enter && node.firstChild >= 0 {
                    stack.append(current)
                    current = node.firstChild
                    continue
                }
                if enter { closing(node.tag, &collector) }
            }
            // Move to the next sibling, closing finished ancestors.
            if current == root { return }
            let next = tree.node(current).nextSibling
            if next >= 0 {
                current = next
                descend = true
                continue
            }
            guard let parent = stack.popLast() else { return }
            closing(tree.node(parent).tag, &collector)
            current = parent
            descend = false
            if current == root { return }
        }
    }

    private func opening(_ tag: HTMLTag, _ collector: inout Collector) {
        switch tag {
        case .br, .hr:
            collector.flush()
        case .td, .th:
            collector.buffer.append(0x20)
        default:
            if tag.isBlock { collector.flush() }
        }
    }

    private func closing(_ tag: HTMLTag, _ collector: inout Collector) {
        switch tag {
        case .td, .th:
            collector.buffer.append(0x20)
        default:
            if tag.isBlock { collector.flush() }
        }
    }

    /// Whether a text node (white space, when the element has no visible characters) lies
    /// within `index`.
    private func holdsText(_ index: Int32) -> Bool {
        var found = false
        tree.forEachDescendant(of: index) { child in
            if tree.node(child).tag == .text { found = true }
            return !found
        }
        return found
    }

    private func appendText(_ index: Int32, to buffer: inout [UInt8]) {
        let node = tree.node(index)
        buffer.append(contentsOf: tree.text[Int(node.start)..<Int(node.end)])
    }

    /// Conditional cleaning inside the article: the page title, link lists and
    /// link-dominated blocks, and small blocks made of pictures rather than words.
    private func shouldSkip(_ index: Int32) -> Bool {
        let node = tree.node(index)
        let chars = analysis.chars[Int(index)]
        if node.tag == .h1 { return true }
        if chars == 0 { return node.tag != .br && node.tag != .hr }
        let density = analysis.linkDensity(index)
        let weight = analysis.classWeight[Int(index)]
        // A block around a player or frame with a line of text is the player's notice or
        // caption ("Please use a modern browser…"), not prose.
        if analysis.media[Int(index)] > 0 && chars < 160 && node.tag != .li { return true }
        switch node.tag {
        case .p:
            return density > 0.75 && chars < 300
        case .h2, .h3, .h4, .h5, .h6:
            return density > 0.5
        case .ul, .ol, .dl:
            return density > 0.5
        case .div, .section, .table, .article, .center, .details, .blockquote, .tbody:
            if analysis.commas[Int(index)] >= 10 { return false }
            if weight < 25 && density > 0.33 { return !LinkBlocks.isProseWithout(index, in: analysis, density: 0.33) }
            if weight >= 25 && density > 0.5 { return !LinkBlocks.isProseWithout(index, in: analysis, density: 0.5) }
            return false
        case .li:
            // A list item that is only a link is navigation; a linked headline followed
            // by a sentence is content.
            return density > 0.75
        default:
            return false
        }
    }
}
