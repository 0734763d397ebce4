extension HTMLTree {
    /// A `<div>` written as a paragraph, as page builders and some CMSs write every paragraph:
    /// it holds text, and no block element at any depth but line breaks ("Renate Roe<br>
    /// Vorsitzende" is one paragraph of two lines).
    ///
    /// Reads the subtree in document order only until its first block: the nodes after `index`
    /// are its descendants while their parent is `index` or later (never `subtreeEnd`, which
    /// climbs the whole depth: asked of every div of a deeply nested page it was quadratic).
    func isParagraphDiv(_ index: Int32) -> Bool {
        guard nodes[Int(index)].tag == .div else { return false }
        var node = Int(index) + 1
        var holdsText = false
        while node < nodes.count && nodes[node].parent >= index {
            let item = nodes[node]
            if item.tag.isBlock && item.tag != .br { return false }
            if item.tag == .text && !item.flags.contains(.blank) { holdsText = true }
            node += 1
        }
        return holdsText
    }
}
