/// A thread of posts: the density winner lies in one `<article>` among several sibling
/// `<article>`s that each hold prose and no headline of their own (a forum thread's opening
/// post and its replies).
///
/// The longest post wins the scoring, but the page is the thread: its opening post and the
/// replies together, as readers take it. Class names usually let the scoring see the posts'
/// shared wrapper; this reads the same from the markup alone. Stories side by side (an endless
/// page, a list of teasers) each carry a headline, which posts do not.
struct PostThread {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// Posts a thread needs, and the prose each needs to count.
    static let minimumPosts = 3
    static let minimumProse: Int32 = 80
    /// Link share above which a post is a teaser, not a post.
    static let maximumLinkDensity = 0.3
    /// Levels climbed from the winner to its post.
    static let maximumLevels = 8

    /// The element holding the posts, when `top` lies in one of them.
    func thread(around top: Int32) -> Int32? {
        var current = top
        var levels = 0
        while current > 0, levels <= Self.maximumLevels, !tree.isAboveBody(current) {
            let parent = tree.node(current).parent
            if tree.node(current).tag == .article, parent > 0, !tree.isAboveBody(parent), !analysis.removed[Int(parent)],
               holdsPosts(parent) {
                return parent
            }
            current = parent
            levels += 1
        }
        return nil
    }

    private func holdsPosts(_ parent: Int32) -> Bool {
        var posts = 0
        var sibling = tree.node(parent).firstChild
        while sibling >= 0 {
            defer { sibling = tree.node(sibling).nextSibling }
            guard tree.node(sibling).tag == .article, !analysis.removed[Int(sibling)] else { continue }
            if hasHeadline(sibling) { return false }
            if analysis.prose[Int(sibling)] >= Self.minimumProse && analysis.linkDensity(sibling) < Self.maximumLinkDensity {
                posts += 1
            }
        }
        return posts >= Self.minimumPosts
    }

    private func hasHeadline(_ element: Int32) -> Bool {
        let end = tree.subtreeEnd(element)
        var index = element + 1
        while index <= end {
            let tag = tree.node(index).tag
            if tag == .h1 || tag == .h2 { return true }
            index += 1
        }
        return false
    }
}
