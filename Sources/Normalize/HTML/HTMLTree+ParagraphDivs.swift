extension HTMLTree {
    /// A `<div>` written as a paragraph, as page builders and some CMSs write every paragraph:
    /// it holds text, and no block element at any depth but line breaks ("Renate Roe<br>
    /// Vorsitzende" is one paragraph of two lines).
    func isParagraphDiv(_ index: Int32) -> Bool {
        guard nodes[Int(index)].tag == .div else { return false }
        let end = subtreeEnd(index)
        var node = index + 1
        var holdsText = false
        while node <= end {
            let item = nodes[Int(node)]
            if item.tag.isBlock && item.tag != .br { return false }
            if item.tag == .text && !item.flags.contains(.blank) { holdsText = true }
            node += 1
        }
        return holdsText
    }
}
