/// Whether a page's picture captions are its text: a slideshow article ("20 costume ideas",
/// "the week in pictures") writes a paragraph or more under each picture, and those captions
/// hold most of the page's prose. Elsewhere captions are furniture — a credit, a line about
/// the photo — and `PageAnalysis` removes every `figure` and `figcaption`. The test is the
/// wrapper rule applied to the captions together: an element holding half the page's prose is
/// never furniture, and neither are the captions when they hold half of it between them.
enum GalleryCaptions {
    /// Whether the prose inside `figcaption`s (outermost ones, counted once) is at least half of
    /// `pageProse` and at least `minimumProse` characters. One pass over the node array.
    static func carryText(tree: HTMLTree, prose: [Int32], pageProse: Int32) -> Bool {
        var total: Int32 = 0
        var index = 1
        let count = tree.nodes.count
        while index < count {
            if tree.nodes[index].tag == .figcaption {
                total += prose[index]
                // A caption nested in a caption is already counted.
                index = Int(tree.subtreeEnd(Int32(index))) + 1
                continue
            }
            index += 1
        }
        return total >= minimumProse && total * 2 >= pageProse
    }

    /// Caption prose below this is a few captions on a short page, not a gallery's text.
    static let minimumProse: Int32 = 1_000
}
