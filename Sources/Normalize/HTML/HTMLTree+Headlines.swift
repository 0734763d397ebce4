extension HTMLTree {
    /// The page's visible `<h1>` elements in document order, at most `limit`. Headlines sit in
    /// `<header>`s, which the page analysis removes as furniture: all are read.
    func visibleHeadlines(limit: Int) -> [Int32] {
        var headlines: [Int32] = []
        for index in 1..<nodes.count where nodes[index].tag == .h1 && !nodes[index].flags.contains(.hidden) {
            headlines.append(Int32(index))
            if headlines.count >= limit { break }
        }
        return headlines
    }
}
