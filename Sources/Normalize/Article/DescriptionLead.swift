/// Finds the standfirst that the chosen container left out, by the page's own word for it.
///
/// Templates often set the lead (deck, standfirst, summary) apart from the body: in the page
/// header beside the title, in a block of its own above a publisher-marked body. Whether such a
/// block is the lead or a teaser, a byline box or a caption cannot be told from its markup; but
/// when its text is, word for word, the description the publisher wrote for the page
/// (`og:description`, JSON-LD `description`), it is the article's summary as the reader sees it
/// above the text. Only a block before the body and close to it counts (at most two levels below
/// the element they share), so neither a teaser of this same article in a list further down
/// the page nor a line inside a banner far above it is taken for the lead.
struct DescriptionLead {
    let analysis: PageAnalysis
    var tree: HTMLTree { analysis.tree }

    /// Descriptions shorter than this are labels, not leads.
    static let minimumCharacters = 40
    /// Characters the block and the description may differ by (entities, non-breaking spaces).
    static let tolerance = 3

    /// The text of the visible block before `bodyStart` (outside it) whose text is
    /// `description`; nil when there is none or `firstLine` already repeats it.
    func lead(description: String?, before bodyStart: Int32, firstLine: String?) -> String? {
        guard let description, bodyStart > 1 else { return nil }
        let target = Self.visibleCharacters(description)
        guard target >= Self.minimumCharacters else { return nil }
        let wanted = BodySelection.squeeze(description)
        guard !wanted.isEmpty else { return nil }
        if let firstLine, BodySelection.squeeze(firstLine).hasPrefix(wanted) { return nil }
        // Made only when a block is long enough to be the description continued: on most
        // pages none is, and the opening (split, join, key) was most of this search's time.
        lazy var opening = Self.opening(of: description)
        var longer: (index: Int32, end: Int32, text: String)?
        var index: Int32 = 1
        while index < bodyStart {
            if let found = longer, index > found.end { return found.text }
            let node = tree.node(index)
            let chars = Int(analysis.chars[Int(index)])
            let exact = abs(chars - target) <= Self.tolerance
            // A longer lead is one block of text, not a wrapper of the lead and its neighbours.
            let extended = chars > target && chars <= target * Self.extensionFactor
                && analysis.ownChars[Int(index)] * 10 >= analysis.chars[Int(index)] * 9 && opening != nil
            guard node.tag != .text, !analysis.removed[Int(index)], exact || extended,
                  Self.canHoldLead(node.tag), analysis.linkChars[Int(index)] * 10 <= analysis.chars[Int(index)]
            else {
                index += 1
                continue
            }
            let end = tree.subtreeEnd(index)
            // An ancestor of the body precedes it too; only blocks wholly before it count.
            if end >= bodyStart {
                index += 1
                continue
            }
            guard depth(of: index, below: tree.commonAncestor(index, bodyStart)) <= Self.maximumDepth else {
                index = end + 1
                continue
            }
            let text = tree.textContent(index)
            let squeezed = BodySelection.squeeze(text)
            if exact && squeezed == wanted { return text }
            if !exact, let opening, squeezed.hasPrefix(opening) {
                // The innermost block that starts with the description: look inside it too.
                longer = (index, longer?.end ?? end, text)
            }
            // Only a block that is the description is the end of the search below it.
            index = exact ? end + 1 : index + 1
        }
        return longer?.text
    }

    /// How much longer than the description a lead it opens may be.
    static let extensionFactor = 3

    /// The description without its last word, squeezed: publishers cut descriptions to a
    /// length (often mid-word, "…" or not), so the lead shown on the page is the description
    /// continued. Nil when too little is left to be sure.
    static func opening(of description: String) -> String? {
        let words = description.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count > 1 else { return nil }
        let head = words.dropLast().joined(separator: " ")
        guard visibleCharacters(head) >= minimumCharacters else { return nil }
        let squeezed = BodySelection.squeeze(head)
        return squeezed.isEmpty ? nil : squeezed
    }

    /// Levels between the lead and the element it shares with the body: a lead is the body's
    /// neighbour, not a line deep inside a banner or a hero block above it.
    static let maximumDepth = 2

    private func depth(of index: Int32, below ancestor: Int32) -> Int {
        var levels = 0
        var current = index
        while current != ancestor && current > 0 {
            current = tree.node(current).parent
            levels += 1
        }
        return levels
    }

    /// Blocks and inline wrappers a lead is set in; the title (`h1`) and captions are not leads.
    static func canHoldLead(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .div, .span, .h2, .h3, .h4, .h5, .h6, .em, .strong, .b, .i, .section, .blockquote: return true
        default: return false
        }
    }

    /// Scalars other than white space, as `PageAnalysis.chars` counts them.
    static func visibleCharacters(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 && !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
            count += 1
        }
        return count
    }
}
