/// The `<article>` element that holds the page's headline: where the story is when class names
/// say nothing.
///
/// Density scoring picks the container with the most running prose. A post whose own text is
/// short or made of links (a podcast's show notes, a forum's opening post) loses to the readers'
/// comments below it, which are long and plain; with class names such as `comment` the analysis
/// knows them, without any it does not. The markup still says where the story is when the
/// headline stands in an `<article>`: when the scored winner lies wholly outside the headline's
/// `<article>`, and that element holds real text of its own, the best container inside it (or
/// the element itself) takes the winner's place.
struct HeadlineArticle {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// Characters the headline's `<article>` needs besides the headline to be the story.
    static let minimumCharacters: Int32 = 300
    /// `<h1>` elements read at most (the first ones).
    static let maximumHeadlines = 3

    /// The container that should replace `top`; nil when `top` is inside (or holds) the
    /// headline's `<article>`, or when there is no such element with real text. `headlines` are
    /// the page's visible `<h1>`s (`HTMLTree.visibleHeadlines`).
    func replacement(for top: Int32, headlines: [Int32], score: [Double], candidates: [Int32]) -> Int32? {
        guard let article = headlineArticle(headlines.prefix(Self.maximumHeadlines)) else { return nil }
        let end = tree.subtreeEnd(article)
        // Inside it, or holding it: the winner agrees with the markup.
        guard top < article || top > end, !(top < article && tree.subtreeEnd(top) >= end) else { return nil }
        guard analysis.chars[Int(article)] >= Self.minimumCharacters else { return nil }
        var best: Int32?
        for candidate in candidates where candidate >= article && candidate <= end {
            if best.map({ score[Int(candidate)] > score[Int($0)] }) ?? true { best = candidate }
        }
        guard let best, analysis.chars[Int(best)] >= Self.minimumCharacters else { return article }
        return best
    }

    /// The nearest `<article>` above the page's visible `<h1>`s, when they all stand in the same
    /// one (headlines in several are a list of stories).
    private func headlineArticle(_ headlines: ArraySlice<Int32>) -> Int32? {
        var found: Int32?
        for headline in headlines {
            var current = tree.nodes[Int(headline)].parent
            while current > 0, tree.nodes[Int(current)].tag != .article { current = tree.nodes[Int(current)].parent }
            guard current > 0 else { continue }
            if let found, found != current { return nil }
            found = current
        }
        return found
    }
}
