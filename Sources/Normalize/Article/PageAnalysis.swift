/// Text statistics of every node of a page, computed in a few linear passes over the node
/// array (forward for inherited facts, backward for sums), and the furniture verdicts.
///
/// "Prose" is text in paragraph-like blocks: a block whose own (non-link) text is at least
/// `paragraphMinimum` characters. It is what separates an article from link lists and menus.
struct PageAnalysis {
    let tree: HTMLTree
    /// Visible characters (white space excluded) in each subtree, over live nodes only.
    private(set) var chars: [Int32]
    /// Of which inside links.
    private(set) var linkChars: [Int32]
    /// Commas and other clause punctuation in each subtree.
    private(set) var commas: [Int32]
    /// Prose characters in each subtree.
    private(set) var prose: [Int32]
    /// Own text of a block: text whose nearest block ancestor is this node (non-link only).
    private(set) var ownChars: [Int32]
    private(set) var ownCommas: [Int32]
    /// Nearest block ancestor (or self) of each node.
    private(set) var owner: [Int32]
    /// Node removed as furniture, hidden, or inside such a node.
    private(set) var removed: [Bool]
    /// Embedded players and frames in each subtree.
    private(set) var media: [Int32]
    /// Class/id weight, computed once per element that holds text.
    private(set) var classWeight: [Int16]

    static let paragraphMinimum: Int32 = 25

    /// Whether class/id words and wrapper tags remove furniture (`standard`), or only the
    /// unambiguous ones do (`lenient`: navigation, footers, dialogs, cookie and newsletter
    /// boxes). The lenient reading is the second look at a page whose standard reading left
    /// nothing, where the article sits in wrappers named like furniture (`widget`, `header`).
    enum Strictness {
        case standard, lenient
    }

    let strictness: Strictness

    init(tree: HTMLTree, strictness: Strictness = .standard) {
        self.tree = tree
        self.strictness = strictness
        let count = tree.nodes.count
        chars = Array(repeating: 0, count: count)
        linkChars = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        prose = Array(repeating: 0, count: count)
        ownChars = Array(repeating: 0, count: count)
        ownCommas = Array(repeating: 0, count: count)
        owner = Array(repeating: 0, count: count)
        removed = Array(repeating: false, count: count)
        classWeight = Array(repeating: 0, count: count)
        media = Array(repeating: 0, count: count)
        measureText()
        // First sums see every visible node, so furniture decisions know how much prose an
        // element holds; the second sums only what survives.
        accumulate()
        markFurniture()
        accumulate()
    }

    /// Per-text-node character and comma counts, stored on the text node itself.
    private mutating func measureText() {
        let tree = self.tree
        var owner = self.owner, removed = self.removed, chars = self.chars, commas = self.commas
        defer {
            self.owner = owner
            self.removed = removed
            self.chars = chars
            self.commas = commas
        }
        tree.text.withUnsafeBufferPointer { text in
            for index in 1..<tree.nodes.count {
                let node = tree.nodes[index]
                let parent = Int(node.parent)
                owner[index] = node.tag.isBlock ? Int32(index) : owner[parent]
                if tree.nodes[parent].flags.contains(.hidden) || removed[parent] {
                    removed[index] = true
                }
                if node.flags.contains(.hidden) { removed[index] = true }
                guard node.tag == .text, !node.flags.contains(.blank) else { continue }
                let measured = TextMeasure.measure(text, Int(node.start), Int(node.end))
                chars[index] = measured.chars
                commas[index] = measured.commas
            }
        }
    }

    /// Per text node measurements, kept so that `accumulate` can run twice.
    private var textChars: [Int32] = []
    private var textCommas: [Int32] = []

    /// Sums text statistics bottom-up over live nodes.
    private mutating func accumulate() {
        if textChars.isEmpty {
            textChars = chars
            textCommas = commas
        }
        let count = tree.nodes.count
        for index in 0..<count {
            if tree.nodes[index].tag == .text {
                chars[index] = textChars[index]
                commas[index] = textCommas[index]
                linkChars[index] = tree.nodes[index].flags.contains(.inLink) ? textChars[index] : 0
            } else {
                chars[index] = 0
                commas[index] = 0
                linkChars[index] = 0
            }
            prose[index] = 0
            media[index] = tree.nodes[index].flags.contains(.embedsMedia) ? 1 : 0
            ownChars[index] = 0
            ownCommas[index] = 0
        }
        // Own text of blocks.
        for index in 1..<count where tree.nodes[index].tag == .text && !removed[index] {
            if tree.nodes[index].flags.contains(.inLink) { continue }
            let block = Int(owner[index])
            ownChars[block] += textChars[index]
            ownCommas[block] += textCommas[index]
        }
        var index = count - 1
        while index > 0 {
            defer { index -= 1 }
            if removed[index] { continue }
            let node = tree.nodes[index]
            // A heading is a title, not prose, unless it runs to a sentence or two (a deck).
            if node.tag != .text && ownChars[index] >= Self.paragraphMinimum
                && (!node.tag.isHeading || ownChars[index] >= Self.paragraphMinimum * 4) {
                prose[index] += ownChars[index]
            }
            let parent = Int(node.parent)
            chars[parent] += chars[index]
            linkChars[parent] += linkChars[index]
            commas[parent] += commas[index]
            prose[parent] += prose[index]
            media[parent] += media[index]
        }
    }

    /// Marks furniture: structural tags and class/id words that name page furniture. An
    /// element holding half the page's prose is a wrapper, not furniture, whatever its name.
    private mutating func markFurniture() {
        let wrapperShare = max(prose[0] / 2, 200)
        let captionsAreText = GalleryCaptions.carryText(tree: tree, prose: prose, pageProse: prose[0])
        var classProse: [ArraySlice<UInt8>: Int32] = [:]
        for index in 1..<tree.nodes.count {
            let node = tree.nodes[index]
            if removed[Int(node.parent)] {
                removed[index] = true
                continue
            }
            if removed[index] || node.tag == .text { continue }
            if chars[index] == 0 { continue }
            if node.hintEnd > node.hintStart {
                classWeight[index] = Int16(ClassHints.weight(ClassHints.withoutTermClasses(tree.hint(Int32(index)))))
            }
            // The page's own footer (the publisher's imprint, legal notes) is no article's
            // wrapper, however much of the page's prose it holds on a page without an article.
            if node.tag == .footer && !isInsideArticle(Int32(index)) {
                removed[index] = true
                continue
            }
            if prose[index] >= wrapperShare {
                if !isNamedTeaserList(Int32(index)) { continue }
                removed[index] = true
                continue
            }
            if captionsAreText && (node.tag == .figure || node.tag == .figcaption) { continue }
            if strictness == .lenient {
                if Self.isUnambiguousFurniture(node.tag) || (node.hintEnd > node.hintStart
                    && ClassHints.isUnambiguousFurniture(ClassHints.withoutTermClasses(tree.hint(Int32(index))))) {
                    removed[index] = true
                }
                continue
            }
            switch node.tag {
            case .header:
                // A header goes, but for the lead paragraph it may hold.
                if !LeadLocator(tree: tree).keepOnlyLead(of: Int32(index), chars: chars, linkChars: linkChars,
                                                         removed: &removed) {
                    removed[index] = true
                }
                continue
            case .nav, .aside, .footer, .figure, .figcaption, .dialog, .menu, .form,
                 .fieldset, .label, .caption:
                removed[index] = true
                continue
            default:
                break
            }
            if classWeight[index] < 0 || (classWeight[index] == 0 && node.hintEnd > node.hintStart
                && ClassHints.isFurniture(ClassHints.withoutTermClasses(tree.hint(Int32(index))))) {
                if classWeight[index] == 0, holdsSharedParagraphs(Int32(index), wrapperShare, &classProse) { continue }
                if !ClassHints.hides(tree.hint(Int32(index))), RunningText.holds(Int32(index), in: tree) { continue }
                if holdsArticleBehindPaywall(Int32(index)) { continue }
                removed[index] = true
                continue
            }
            // A teaser with links (15% or more of its text) trails another article; one without
            // is this article's lead.
            if node.hintEnd > node.hintStart && linkChars[index] * 100 >= chars[index] * 15
                && ClassHints.namesTeaser(tree.hint(Int32(index))) && !RunningText.holds(Int32(index), in: tree) {
                removed[index] = true
                continue
            }
            if let itemprop = tree.attributeBytes(Int32(index), .itemprop), Self.isMetadataProperty(itemprop) {
                removed[index] = true
                continue
            }
            if let role = tree.attributeBytes(Int32(index), .role),
               role.elementsEqual("navigation".utf8) || role.elementsEqual("complementary".utf8)
                || role.elementsEqual("banner".utf8) || role.elementsEqual("contentinfo".utf8) {
                removed[index] = true
            }
        }
    }

    /// An element named as content with a furniture token beside the content word
    /// (`content-text active-extra-styles`) whose class the page gives to blocks holding half
    /// its prose between them: the article's paragraph blocks, one per paragraph, not furniture.
    /// Furniture repeated down a page (comments, teasers) is named by a furniture word, never
    /// only by a token beside a content word. `classProse` keeps each class's sum.
    private func holdsSharedParagraphs(_ index: Int32, _ share: Int32, _ classProse: inout [ArraySlice<UInt8>: Int32]) -> Bool {
        let hint = tree.hint(index)
        guard ClassHints.isContentWithFurnitureToken(ClassHints.withoutTermClasses(hint)) else { return false }
        if let sum = classProse[hint] { return sum >= share }
        var sum: Int32 = 0
        var other = 1
        while other < tree.nodes.count {
            let node = tree.nodes[other]
            if node.tag != .text, node.hintEnd > node.hintStart, tree.hint(Int32(other)).elementsEqual(hint) {
                sum += prose[other]
                other = Int(tree.subtreeEnd(Int32(other))) + 1
                continue
            }
            other += 1
        }
        classProse[hint] = sum
        return sum >= share
    }

    /// A paywall's wrapper that holds the rest of the article (paragraphs of prose outside any
    /// form, few links): the page carries the text and the record keeps it (its `paywall` flag
    /// says it is behind one). A paywall's prompt ("Jetzt weiterlesen", a log-in form, offers)
    /// is short lines, buttons and forms, and still goes.
    private func holdsArticleBehindPaywall(_ index: Int32) -> Bool {
        let node = tree.node(index)
        guard prose[Int(index)] >= Self.paywallProse, linkChars[Int(index)] * 10 < chars[Int(index)] * 3,
              node.hintEnd > node.hintStart,
              ClassHints.isFurnitureOnlyAsPaywall(ClassHints.withoutTermClasses(tree.hint(index))) else { return false }
        var paragraphs = 0
        tree.forEachDescendant(of: index) { child in
            // A form's lines (a sign-up box inside the article's wrapper) do not count.
            if tree.nodes[Int(child)].tag == .form { return false }
            if ownChars[Int(child)] >= Self.paywallParagraph { paragraphs += 1 }
            return true
        }
        return paragraphs >= 3
    }

    /// Prose a paywall's wrapper must hold to be the article's rest, and the length of a
    /// paragraph there (a prompt's lines are shorter).
    static let paywallProse: Int32 = 400
    static let paywallParagraph: Int32 = 80

    /// Whether an `article` or `main` element holds `index`.
    private func isInsideArticle(_ index: Int32) -> Bool {
        var current = tree.node(index).parent
        while current > 0 {
            let tag = tree.node(current).tag
            if tag == .article || tag == .main { return true }
            current = tree.node(current).parent
        }
        return false
    }

    /// A related-posts or teaser block holding half the page's prose is still furniture: its
    /// name says so and its shape (see `TeaserList`) agrees.
    private func isNamedTeaserList(_ index: Int32) -> Bool {
        let node = tree.node(index)
        guard strictness == .standard, node.hintEnd > node.hintStart else { return false }
        let hint = ClassHints.withoutTermClasses(tree.hint(index))
        guard ClassHints.isFurniture(hint) || ClassHints.namesTeaser(hint) else { return false }
        return TeaserList(tree: tree, chars: chars, linkChars: linkChars, removed: removed).contains(index)
    }

    /// Tags that are furniture wherever they appear.
    static func isUnambiguousFurniture(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .nav, .footer, .aside, .dialog, .menu: return true
        default: return false
        }
    }

    /// Microdata properties that mark metadata shown on the page (dates, bylines, the
    /// headline): the record carries them as fields, so they never belong in the body.
    static func isMetadataProperty(_ itemprop: ArraySlice<UInt8>) -> Bool {
        for name: StaticString in ["datePublished", "dateModified", "dateCreated", "author",
                                   "creator", "publisher", "headline", "alternativeHeadline"]
            where itemprop.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) {
            return true
        }
        return false
    }

    /// Share of a node's text inside links.
    func linkDensity(_ index: Int32) -> Double {
        let total = chars[Int(index)]
        return total > 0 ? Double(linkChars[Int(index)]) / Double(total) : 0
    }

    func isRemoved(_ index: Int32) -> Bool { removed[Int(index)] }
}
