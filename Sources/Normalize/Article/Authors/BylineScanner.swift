/// Finds the byline elements of a page: `itemprop=author`, `rel=author` links, elements
/// whose class or id says author or byline, and non-standard `<author>`/`<byline>` elements —
/// outside comments, related lists, teasers and sidebars, whose names belong to other items,
/// and outside figures and quotations, whose credits name photographers and quoted people.
///
/// One pass over the nodes reads only class/id hints and two attributes; text is made only
/// for the candidates, and only when the finder asks for them. Declared candidates
/// (`itemprop`, `rel`) rank before those found by class name, as in trafilatura's order of
/// author XPaths; within each kind, by their distance from the headline (a byline sits next
/// to it; one above it counts double); an author element typed as an organization comes
/// last. A chosen container gives way to the author elements inside it ("By <span
/// class=author>A</span> and <span class=author>B</span>" → A, B).
struct BylineScanner {
    let tree: HTMLTree

    struct Candidate {
        var node: Int32
        /// `itemprop`/`rel` or an author word in the hint, as opposed to a byline container.
        var isAuthor: Bool
        /// `itemprop=author` or `rel=author`: the page's machine-readable statement, ranked
        /// before elements found by their class name.
        var isDeclared = false
        /// An `itemprop=author` element typed as an organization (`itemtype=…/Organization`):
        /// the page's name for its newsroom, ranked after every byline that may name a writer.
        var isOrganization = false
    }

    /// Subtrees larger than this are author boxes or whole sections, not bylines.
    static let largestSubtree: Int32 = 80
    /// Nodes after the headline that still count as the article's header.
    static let headerReach: Int32 = 30
    /// Longer texts are biographies or paragraphs, not bylines.
    static let longestText = 160

    /// Every byline candidate outside the zones that belong to other items, in document order.
    /// A candidate just below the headline is the article's own even inside a related or
    /// teaser zone (some templates reuse their teaser markup for the article header); never
    /// inside comments, sidebars or `nav`.
    func candidates(headline: Int32? = nil) -> [Candidate] {
        var found: [Candidate] = []
        let nodes = tree.nodes
        let half = Int32(nodes.count / 2)
        // Zone of each element, inherited: 0 none, 1 related/teaser, 2 comments/sidebar/nav.
        // A zone word on a wrapper holding most of the page (`content with-sidebar`) is ignored.
        var zones = [UInt8](repeating: 0, count: nodes.count)
        // The headline's own ancestors hold the article: never a zone of other items, whatever
        // their class says (`theiaStickySidebar` wrapping the main column).
        var headlineAncestors = Set<Int32>()
        if let headline {
            var current = headline
            while current > 0 && headlineAncestors.count < 100 {
                headlineAncestors.insert(current)
                current = nodes[Int(current)].parent
            }
        }
        for index in 1..<nodes.count where found.count < 200 {
            let node = nodes[index]
            guard node.tag != .text else { continue }
            let id = Int32(index)
            let inherited = node.parent >= 0 ? zones[Int(node.parent)] : 0
            let groups = node.hintStart == node.hintEnd ? 0 : BylineHints.matcher.groups(in: ClassHints.withoutTermClasses(tree.hint(id), tags: true))
            // Navigation, and forms (log-in, sign-up, comment boxes: "Usuario", "Correo electrónico").
            var own: UInt8 = node.tag == .nav || node.tag == .form ? 2 : 0
            // Figures and quotations credit photographers and quoted people, not the writer.
            if node.tag == .figure || node.tag == .figcaption || node.tag == .blockquote { own = 2 }
            if groups & BylineHints.hardZoneBit != 0 { own = 2 } else if groups & BylineHints.zoneBit != 0 { own = max(own, 1) }
            if node.hintStart != node.hintEnd, ClassHints.hasToken(tree.hint(id), BylineHints.navigationTokens, maximumLength: 10) { own = 2 }
            if own > 0 && headlineAncestors.contains(id) { own = 0 }
            zones[index] = own > inherited && tree.subtreeEnd(id) - id < half ? own : inherited
            switch node.tag {
            case .meta, .link, .title, .script, .style, .img, .input, .button, .select, .option,
                 .textarea, .svg, .time, .html, .head, .body, .nav, .form, .picture, .source,
                 .iframe, .noscript, .template:
                continue
            default:
                break
            }
            var isAuthor = false
            var isByline = false
            if node.start < node.end {
                if let itemprop = tree.attributeBytes(id, .itemprop),
                   BylineHints.hasToken(itemprop, "author") || BylineHints.hasToken(itemprop, "creator") {
                    isAuthor = true
                }
                if node.tag == .a, let rel = tree.attributeBytes(id, .rel), BylineHints.hasToken(rel, "author") {
                    isAuthor = true
                }
            }
            // A link to the writer's page ("/autor/ana-roe_7617", "/journalist/ana_roe"), found
            // like an element whose class says author: ranked after the declared ones.
            let linksAuthorPage = !isAuthor && node.tag == .a && tree.attributeBytes(id, .href).map(AuthorPageLink.matches) == true
            // Microdata declaring the newsroom as author (`itemtype=…/NewsMediaOrganization`)
            // says who publishes, not who wrote: a person's byline elsewhere outranks it.
            let isOrganization = isAuthor && isOrganizationItem(id)
            let isDeclared = isAuthor && !isOrganization
            if groups != 0 {
                let named = groups & BylineHints.authorBit != 0
                if !isAuthor {
                    if groups & BylineHints.notNameBit != 0 { continue }
                    if !named && groups & BylineHints.dateBit != 0 { continue }
                }
                if named { isAuthor = true } else if groups & BylineHints.bylineBit != 0 { isByline = true }
            }
            // HTML's own byline: an `address` in the article's header gives its author.
            if node.tag == .address && !isAuthor && isNearHeadline(id, headline) { isByline = true }
            // Non-standard `<author>` and `<byline>` elements say what they hold.
            if node.tag == .author || linksAuthorPage { isAuthor = true } else if node.tag == .byline && !isAuthor { isByline = true }
            guard isAuthor || isByline else { continue }
            let zone = max(own, inherited)
            if zone == 2 || (zone == 1 && !isNearHeadline(id, headline)) { continue }
            found.append(Candidate(node: id, isAuthor: isAuthor, isDeclared: isDeclared, isOrganization: isOrganization))
        }
        return found
    }

    /// The raw texts of the best byline, then of the next best, and so on: each entry is one
    /// byline (its author elements, or its own text). Declared author elements (`itemprop`,
    /// `rel`) come first, then the others; each kind nearest the headline first. Each byline's
    /// text is made only when the caller asks for it (see `RankedBylines`).
    func rankedTexts(headline: Int32?) -> RankedBylines {
        let found = candidates(headline: headline)
        let order = found.indices.sorted { first, second in
            if found[first].isOrganization != found[second].isOrganization { return found[second].isOrganization }
            if found[first].isDeclared != found[second].isDeclared { return found[first].isDeclared }
            return distance(found[first].node, headline) < distance(found[second].node, headline)
        }
        return RankedBylines(scanner: self, found: found, order: order)
    }

    /// Candidates with the same class as `chosen` under the same parent or grandparent:
    /// one element per author.
    func siblings(of chosen: Candidate, in found: [Candidate]) -> [Candidate] {
        let hint = tree.hint(chosen.node)
        let parent = tree.nodes[Int(chosen.node)].parent
        let grandparent = parent > 0 ? tree.nodes[Int(parent)].parent : parent
        let end = tree.subtreeEnd(chosen.node)
        return found.filter { other in
            guard other.node != chosen.node, other.node > end || other.node < chosen.node,
                  tree.hint(other.node) == hint, tree.nodes[Int(other.node)].tag == tree.nodes[Int(chosen.node)].tag
            else { return false }
            let otherParent = tree.nodes[Int(other.node)].parent
            let otherGrandparent = otherParent > 0 ? tree.nodes[Int(otherParent)].parent : otherParent
            return otherParent == parent || (otherGrandparent == grandparent && grandparent > 0)
        }.prefix(5).map { $0 }
    }

    /// Whether the element's `itemtype` is a schema.org organization type.
    private func isOrganizationItem(_ node: Int32) -> Bool {
        guard let type = tree.attribute(node, .itemtype) else { return false }
        let name = type.split(separator: "/").last.map(String.init) ?? type
        return DeclaredAuthors.isOrganization(types: [name])
    }

    /// Within a few nodes below the headline, with no paragraph of prose in between.
    private func isNearHeadline(_ node: Int32, _ headline: Int32?) -> Bool {
        guard let headline, node > headline && node - headline <= Self.headerReach else { return false }
        for index in Int(headline + 1)..<Int(node) {
            let between = tree.nodes[index]
            if between.tag == .text && between.end - between.start > 100 { return false }
        }
        return true
    }

    private func distance(_ node: Int32, _ headline: Int32?) -> Int32 {
        guard let headline else { return node }
        return node >= headline ? node - headline : (headline - node) * 2
    }

    /// An element's author text: `content`, a nested `itemprop=name`, or its own text.
    func text(of node: Int32) -> String? {
        if let content = tree.attribute(node, .content), !content.isEmpty { return content }
        let end = tree.subtreeEnd(node)
        if tree.attributeBytes(node, .itemprop) != nil {
            var name: Int32 = -1
            tree.forEachDescendant(of: node) { index in
                guard name < 0 else { return false }
                if let itemprop = tree.attributeBytes(index, .itemprop), BylineHints.hasToken(itemprop, "name") {
                    name = index
                }
                return true
            }
            if name >= 0 { return tree.attribute(name, .content) ?? tree.textContent(name) }
        }
        guard end - node <= Self.largestSubtree else { return nil }
        let text = tree.textContent(node, wordsAtElements: true)
        return text.count <= Self.longestText ? text : nil
    }
}
