/// A page that shows several articles one after the other, each under its own `<h1>` (an
/// endless-scroll template renders the next stories in full below the first): the page's own
/// article is the one under the headline its title names, however long the others are.
///
/// Density scoring alone picks the longest of them; class names usually mark the others as
/// "next" or "related" articles, but not on every site. When the scored winner lies past the
/// next `<h1>` after the page's own headline (or holds that `<h1>` and not the own one), and the
/// two headlines stand in the same template, the best container between them takes its place,
/// if it holds real text.
struct OwnHeadline {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// `<h1>` elements read at most.
    static let maximumHeadlines = 12
    /// Characters a container under the own headline needs, and the share of the winner's
    /// score it needs, to take the winner's place.
    static let minimumCharacters: Int32 = 200
    static let minimumShare = 0.2

    /// The container under the page's own headline that should replace `top`, and the next
    /// story's headline (no container may grow past it); nil when `top` is already under the
    /// own headline (or the page has no second `<h1>`, or no such container).
    /// `headlines` are the page's visible `<h1>`s (`HTMLTree.visibleHeadlines`).
    func replacement(for top: Int32, title: String, headlines: [Int32], score: [Double],
                     candidates: [Int32]) -> (container: Int32, next: Int32)? {
        let key = SiteNames.titleKey(title)
        guard key.count >= 8 else { return nil }
        guard headlines.count >= 2,
              let own = headlines.firstIndex(where: { SiteNames.headline(tree.textContent($0), matches: key, minimum: 8) }),
              let next = headlines[(own + 1)...].first(where: { !SiteNames.fold(String(tree.textContent($0).prefix(60))).isEmpty })
        else { return nil }
        let start = headlines[own]
        // Stories repeat one template: both headlines sit at the same depth under the same tags
        // below where they meet. A heading inside the article's text (a post that titles its
        // sections with `<h1>`) does not.
        guard isParallel(start, next) else { return nil }
        // Only a winner after the own headline that reaches the next one (holding it, or past
        // it) is another story; one that holds the own headline, or stays under it, is right.
        guard top > start, tree.subtreeEnd(top) >= next else { return nil }
        var best: Int32?
        // Under the own headline, or holding it (its `<article>`), and ending before the next.
        for candidate in candidates where tree.subtreeEnd(candidate) > start && tree.subtreeEnd(candidate) < next
            && analysis.chars[Int(candidate)] >= Self.minimumCharacters
            && score[Int(candidate)] >= score[Int(top)] * Self.minimumShare {
            if best.map({ score[Int(candidate)] > score[Int($0)] }) ?? true { best = candidate }
        }
        return best.map { ($0, next) }
    }

    /// Whether the ancestors of `first` and `second` below their common ancestor are the same
    /// tags, level for level.
    private func isParallel(_ first: Int32, _ second: Int32) -> Bool {
        let common = tree.commonAncestor(first, second)
        var one = first, other = second
        while one != common && other != common {
            guard tree.nodes[Int(one)].tag == tree.nodes[Int(other)].tag else { return false }
            one = tree.nodes[Int(one)].parent
            other = tree.nodes[Int(other)].parent
        }
        return one == common && other == common
    }
}
