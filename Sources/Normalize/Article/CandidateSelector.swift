/// Chooses the article container by density scoring, in the spirit of readability: every
/// paragraph votes for its ancestors with a score from its length and punctuation; class/id
/// words and the element's role adjust a container's score, and link-heavy containers lose
/// in proportion to their link density. Siblings of the winner that look like more of the same
/// article (separated by an ad slot, say) join it.
struct CandidateSelector {
    let analysis: PageAnalysis
    /// The page's title, to tell its own article from the next ones on an endless page.
    var title: String? = nil
    var tree: HTMLTree { analysis.tree }

    /// The chosen container and its score; nil when no paragraph was found at all.
    struct Choice {
        var roots: [Int32]
        var top: Int32
        var score: Double
        /// Chosen from the publisher's microdata rather than by scoring.
        var marked = false
        /// The density winner before `ContainerWidening` (the same as `top` when it stood).
        var narrow: Int32 = -1
    }

    /// Elements the publisher marked as the article body with microdata
    /// (`itemprop="articleBody"`); outermost ones only, live and holding real text.
    func markedBodies() -> [Int32] {
        var marked: [Int32] = []
        var lastEnd: Int32 = -1
        for index in 1..<tree.nodes.count where tree.nodes[index].tag != .text {
            let id = Int32(index)
            // Document order: a node inside the last marked one lies within its index range.
            guard id > lastEnd, !analysis.removed[index], analysis.chars[index] > 0,
                  let itemprop = tree.attributeBytes(id, .itemprop),
                  ByteSearch.contains(itemprop, "articleBody") else { continue }
            marked.append(id)
            lastEnd = tree.subtreeEnd(id)
        }
        return marked
    }

    /// Whether each marked body stands in an item of its own (the nearest ancestor with an
    /// `itemtype` differs for every one): the excerpts of a list of post cards, each card a
    /// `BlogPosting` whose summary a theme marks `articleBody`, not the article's text in parts.
    func inSeparateItems(_ marked: [Int32]) -> Bool {
        guard marked.count >= 2 else { return false }
        var items = Set<Int32>()
        for body in marked {
            var current = tree.node(body).parent
            while current > 0 && tree.attributeBytes(current, .itemtype) == nil { current = tree.node(current).parent }
            guard current > 0, items.insert(current).inserted else { return false }
        }
        return true
    }

    func choose() -> Choice? {
        let found = markedBodies()
        let marked = inSeparateItems(found) ? [] : found
        let markedChars = marked.reduce(0) { $0 + Int(analysis.chars[Int($1)]) }
        if markedChars >= 150 {
            let widened = marked.count == 1 ? ContainerWidening(analysis: analysis).widenMarked(marked[0]) : marked[0]
            return Choice(roots: widened == marked[0] ? marked : [widened], top: widened, score: 100, marked: true,
                          narrow: marked[0])
        }
        let count = tree.nodes.count
        var score = [Double](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)
        var candidates: [Int32] = []

        func initialise(_ index: Int) {
            guard !scored[index] else { return }
            scored[index] = true
            candidates.append(Int32(index))
            score[index] = baseScore(Int32(index))
        }

        for index in 1..<count {
            let node = tree.nodes[index]
            guard node.tag != .text, !analysis.removed[index] else { continue }
            let own = analysis.ownChars[index]
            guard own >= PageAnalysis.paragraphMinimum, !node.tag.isHeading else { continue }
            let vote = 1 + Double(analysis.ownCommas[index])
                + min(Double(own) / 100, 3)
            // A <p> votes for its container; a div holding bare text is its own container.
            var ancestor = isParagraphTag(node.tag) ? Int(node.parent) : index
            var level = 0
            while ancestor > 0 && level < 5 {
                if tree.nodes[ancestor].tag == .html || tree.nodes[ancestor].tag == .body { break }
                initialise(ancestor)
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                score[ancestor] += vote / divider
                ancestor = Int(tree.nodes[ancestor].parent)
                level += 1
            }
        }
        guard !candidates.isEmpty else { return nil }
        for candidate in candidates {
            score[Int(candidate)] *= 1 - analysis.linkDensity(candidate)
        }
        var top = candidates[0]
        for candidate in candidates where score[Int(candidate)] > score[Int(top)] {
            top = candidate
        }
        let headlines = tree.visibleHeadlines(limit: OwnHeadline.maximumHeadlines)
        let own = title.flatMap {
            OwnHeadline(analysis: analysis).replacement(for: top, title: $0, headlines: headlines, score: score,
                                                        candidates: candidates)
        }
        let scoredWinner = top
        // Whether a container takes in the next story on an endless page, or the scored winner.
        func holdsNext(_ node: Int32) -> Bool { own.map { node < $0.next && tree.subtreeEnd(node) >= $0.next } ?? false }
        func holdsWinner(_ node: Int32) -> Bool { node <= scoredWinner && tree.subtreeEnd(node) >= scoredWinner }
        let inArticle = own == nil
            ? HeadlineArticle(analysis: analysis).replacement(for: top, headlines: headlines, score: score, candidates: candidates) : nil
        if let own { top = own.container } else if let inArticle { top = inArticle }
        top = promote(top, score: score, scored: scored, candidates: candidates)
        if own == nil, inArticle == nil, let thread = PostThread(analysis: analysis).thread(around: top) { top = thread }
        if let own, holdsNext(top) { top = own.container }
        // Promotion may not take the comments back in that the headline's <article> left out.
        if let inArticle, holdsWinner(top) { top = inArticle }
        let narrow = top
        top = ContainerWidening(analysis: analysis).widen(top)
        if holdsNext(top) || (inArticle != nil && holdsWinner(top)) { top = narrow }
        var roots = SectionSiblings(analysis: analysis).sections(around: top)
            ?? siblings(of: top, score: score, scored: scored)
        if inArticle != nil {
            let kept = roots.filter { !holdsWinner($0) }
            roots = kept.isEmpty ? [top] : kept
        }
        if let own {
            let before = roots.filter { tree.subtreeEnd($0) < own.next }
            roots = before.isEmpty ? [top] : before
        }
        return Choice(roots: roots, top: top, score: score[Int(top)], narrow: narrow)
    }

    private func isParagraphTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .blockquote, .li, .dd, .dt, .td, .th, .address: return true
        default: return false
        }
    }

    /// Tag, class/id and microdata prior of a container.
    private func baseScore(_ index: Int32) -> Double {
        var base: Double
        switch tree.node(index).tag {
        case .div, .article, .main: base = 5
        case .section: base = 3
        case .pre, .td, .blockquote: base = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: base = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: base = -5
        default: base = 0
        }
        base += Double(analysis.classWeight[Int(index)])
        if let itemprop = tree.attributeBytes(index, .itemprop),
           ByteSearch.contains(itemprop, "articleBody") || ByteSearch.contains(itemprop, "text") {
            base += 25
        }
        return base
    }

    /// Readability's two corrections: when several of the best candidates share an
    /// ancestor, the article is that ancestor; and a parent scoring higher than the
    /// winner (after falling less than a third on the way) takes over.
    private func promote(_ initial: Int32, score: [Double], scored: [Bool], candidates: [Int32]) -> Int32 {
        var top = initial
        let topScore = score[Int(top)]
        let contenders = candidates
            .filter { $0 != top && score[Int($0)] >= topScore * 0.75 }
            .sorted { score[Int($0)] > score[Int($1)] }
            .prefix(4)
        if contenders.count >= 2 {
            // Where each contender meets the winner's line of ancestors; the second deepest
            // meeting point is the deepest ancestor holding two contenders.
            let meetings = contenders.map { tree.commonAncestor(top, $0) }.sorted(by: >)
            let ancestor = min(meetings[1], tree.node(top).parent)
            if ancestor > 0 && !tree.isAboveBody(ancestor) { top = ancestor }
        }
        var lastScore = score[Int(top)]
        let threshold = lastScore / 3
        var parent = tree.node(top).parent
        while parent > 0 && tree.node(parent).tag != .body {
            if !scored[Int(parent)] {
                parent = tree.node(parent).parent
                continue
            }
            let parentScore = score[Int(parent)]
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = tree.node(parent).parent
        }
        // A container that is its parent's only child says nothing the parent doesn't.
        while true {
            let parent = tree.node(top).parent
            guard parent > 0, tree.node(parent).tag != .body, liveChildren(parent) == 1 else { break }
            top = parent
        }
        return top
    }

    private func liveChildren(_ index: Int32) -> Int {
        var count = 0
        var child = tree.node(index).firstChild
        while child >= 0 {
            let node = tree.node(child)
            if !analysis.removed[Int(child)] && !(node.tag == .text && node.flags.contains(.blank)) {
                count += 1
            }
            child = node.nextSibling
        }
        return count
    }

    /// The winner plus siblings that read like the same article.
    private func siblings(of top: Int32, score: [Double], scored: [Bool]) -> [Int32] {
        let parent = tree.node(top).parent
        guard parent > 0 else { return [top] }
        let topScore = score[Int(top)]
        let threshold = max(10, topScore * 0.2)
        let topHint = tree.hint(top)
        var roots: [Int32] = []
        var sibling = tree.node(parent).firstChild
        while sibling >= 0 {
            defer { sibling = tree.node(sibling).nextSibling }
            if sibling == top {
                roots.append(sibling)
                continue
            }
            let node = tree.node(sibling)
            if node.tag == .text || analysis.removed[Int(sibling)] { continue }
            var bonus = 0.0
            if !topHint.isEmpty && tree.hint(sibling).elementsEqual(topHint) { bonus = topScore * 0.2 }
            if scored[Int(sibling)] && score[Int(sibling)] + bonus >= threshold
                && (node.tag == .p || ContainerWidening.isCleanProse(
                    characters: analysis.chars[Int(sibling)], prose: analysis.prose[Int(sibling)],
                    links: analysis.linkChars[Int(sibling)])) {
                roots.append(sibling)
                continue
            }
            let own = analysis.chars[Int(sibling)]
            let density = analysis.linkDensity(sibling)
            if node.tag == .p || analysis.prose[Int(sibling)] > 0 {
                // A section of the winner's own kind (its class) that opens with a table of
                // contents is prose without it (the contents box is judged on its own when the
                // body is written): what is left links as sparsely as prose does, where teasers
                // spread links over every item.
                if own > 80 && (density < 0.25 || (bonus > 0
                    && LinkBlocks.isProseWithout(sibling, in: analysis, density: Self.proseLinkDensity, maximumBlocks: 2))) {
                    roots.append(sibling)
                } else if own > 0 && own <= 80 && density == 0 && endsSentence(sibling) {
                    roots.append(sibling)
                }
            }
        }
        return roots
    }

    /// Link share of a sibling's prose once a table of contents or a box of links is set aside.
    static let proseLinkDensity = 0.1

    private func endsSentence(_ index: Int32) -> Bool {
        let text = tree.textContent(index)
        guard let last = text.unicodeScalars.last else { return false }
        return last == "." || last == "!" || last == "?" || last == "。" || last == "\u{201D}"
            || last == "\""
    }
}
