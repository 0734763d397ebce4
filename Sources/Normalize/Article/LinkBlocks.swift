/// A container whose links sit in one or two blocks of its own (a table of contents, a box of
/// further reading between two paragraphs) is not a link list: without those blocks it reads
/// as prose, and the blocks are judged, and left out, on their own. A teaser list spreads its
/// links over every item, so no such reading saves it.
enum LinkBlocks {
    /// Text a container must keep without its link blocks to be read as prose.
    static let minimumProse: Int32 = 200

    /// Whether `index`, taken without its block children that are mostly links (more than half
    /// their text), has at least `minimumProse` characters and at most `density` of them in
    /// links. Looks at the children of `index`, or of the element it only wraps (a row around
    /// one column, a few levels at most). With `maximumBlocks`, more link blocks than that make
    /// a list of linked headlines, each with its summary, not prose.
    static func isProseWithout(_ index: Int32, in analysis: PageAnalysis, density: Double,
                               maximumBlocks: Int = .max) -> Bool {
        let tree = analysis.tree
        let inner = onlyChild(index, in: analysis)
        var chars = analysis.chars[Int(inner)]
        var links = analysis.linkChars[Int(inner)]
        var blocks = 0
        var child = tree.node(inner).firstChild
        while child >= 0 {
            let slot = Int(child)
            if tree.node(child).tag.isBlock && !analysis.removed[slot]
                && analysis.linkChars[slot] * 2 > analysis.chars[slot] {
                chars -= analysis.chars[slot]
                links -= analysis.linkChars[slot]
                blocks += 1
            }
            child = tree.node(child).nextSibling
        }
        return blocks <= maximumBlocks && chars >= minimumProse && Double(links) <= Double(chars) * density
    }

    /// The element `index` wraps when its whole text is in one element child, followed down
    /// at most four levels; `index` itself otherwise.
    private static func onlyChild(_ index: Int32, in analysis: PageAnalysis) -> Int32 {
        let tree = analysis.tree
        var current = index
        for _ in 0..<4 {
            var only: Int32 = -1
            var child = tree.node(current).firstChild
            while child >= 0 {
                if tree.node(child).tag != .text && !analysis.removed[Int(child)] && analysis.chars[Int(child)] > 0 {
                    if only >= 0 { return current }
                    only = child
                }
                child = tree.node(child).nextSibling
            }
            guard only >= 0, analysis.chars[Int(only)] == analysis.chars[Int(current)] else { return current }
            current = only
        }
        return current
    }
}
