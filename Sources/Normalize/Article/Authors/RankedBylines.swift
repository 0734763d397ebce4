/// The byline groups of a page in rank order (see `BylineScanner.rankedTexts`), each made
/// only when the caller asks for the next one.
///
/// The author finder stops at the first group that names someone, which is most often the
/// first; building the texts of all (up to eight) groups up front made the text of every
/// byline candidate on the page — each a walk of its subtree and a string — for nothing.
/// The groups and their order are those of the eager loop this replaces: the state that
/// loop carried (the nodes already used, the groups given so far, the whole byline that
/// follows its author elements) is carried here from one call to the next.
struct RankedBylines: Sequence, IteratorProtocol {
    /// Groups begun at most; the whole byline that follows the last one may make it one more.
    static let largestCount = 8

    private let scanner: BylineScanner
    private let found: [BylineScanner.Candidate]
    /// Indices into `found`, best first.
    private let order: [Int]
    private var cursor = 0
    private var given = 0
    private var used = Set<Int32>()
    /// A container whose own text follows the texts of its author elements.
    private var pendingWhole: Int32?

    init(scanner: BylineScanner, found: [BylineScanner.Candidate], order: [Int]) {
        self.scanner = scanner
        self.found = found
        self.order = order
    }

    mutating func next() -> [String]? {
        if let whole = takeWhole() { return whole }
        while cursor < order.count && given < Self.largestCount {
            let chosen = found[order[cursor]]
            cursor += 1
            guard !used.contains(chosen.node) else { continue }
            let tree = scanner.tree
            let end = tree.subtreeEnd(chosen.node)
            guard end - chosen.node <= BylineScanner.largestSubtree || tree.attributeBytes(chosen.node, .itemprop) != nil
            else { continue }
            // Author elements inside the chosen one, innermost first.
            let inner = found.filter { $0.isAuthor && $0.node > chosen.node && $0.node <= end }
            let leaves = inner.filter { candidate in
                let last = tree.subtreeEnd(candidate.node)
                return !inner.contains { $0.node > candidate.node && $0.node <= last }
            }
            var group = leaves.isEmpty ? [chosen] : leaves
            group += scanner.siblings(of: chosen, in: found)
            var texts: [String] = []
            for member in group where used.insert(member.node).inserted {
                if let text = scanner.text(of: member.node), !text.isEmpty { texts.append(text) }
            }
            used.formUnion(inner.map(\.node))
            // When the author elements inside hold only fragments ("By"), the whole byline.
            if !leaves.isEmpty { pendingWhole = chosen.node }
            if !texts.isEmpty {
                given += 1
                return texts
            }
            if let whole = takeWhole() { return whole }
        }
        return nil
    }

    /// The pending container's own text, as one group, if it has any.
    private mutating func takeWhole() -> [String]? {
        guard let node = pendingWhole else { return nil }
        pendingWhole = nil
        guard let whole = scanner.text(of: node), !whole.isEmpty else { return nil }
        given += 1
        return [whole]
    }
}
