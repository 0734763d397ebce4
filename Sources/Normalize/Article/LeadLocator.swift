/// Finds the lead paragraph (standfirst, deck, excerpt) inside an article's `<header>`.
///
/// Headers are furniture — title, byline, date, share buttons — except for the lead, the
/// one- or two-sentence summary that many templates put between the title and the byline.
/// It is part of the article, so `PageAnalysis` keeps it when it removes the rest of a header.
/// A lead is named as such by its class or id (`lead`, `deck`, `intro`, `excerpt`,
/// `standfirst` and their equivalents in other languages) or by `itemprop="description"`, or
/// it is a plain paragraph long enough to be a sentence and free of links.
struct LeadLocator {
    let tree: HTMLTree

    /// Whole class tokens (split on space, `-`, `_`) that name a lead.
    static let words: [[UInt8]] = [
        "lead", "lede", "leadtext", "intro", "teaser", "deck", "dek", "standfirst", "excerpt",
        "summary", "subline", "subheadline", "subhead", "subtitle", "description", "abstract",
        "chapo", "chapeau", "sapo", "bajada", "entradilla", "perex", "sumario",
    ].map { Array($0.utf8) }

    /// Characters a lead needs at least; a plain paragraph needs more.
    static let minimumCharacters: Int32 = 40
    static let minimumPlainParagraph: Int32 = 80

    /// The first lead in `header`'s subtree, or nil. `chars`, `linkChars` and `removed` are
    /// the page's per-node facts; the lead must be visible and have almost no linked text.
    func lead(in header: Int32, chars: [Int32], linkChars: [Int32], removed: [Bool]) -> Int32? {
        let end = tree.subtreeEnd(header)
        var index = header + 1
        while index <= end {
            let node = tree.node(index)
            defer { index += 1 }
            guard node.tag != .text, node.tag != .h1, !removed[Int(index)] else { continue }
            let total = chars[Int(index)]
            guard total >= Self.minimumCharacters, linkChars[Int(index)] * 10 <= total else { continue }
            if node.hintEnd > node.hintStart && ClassHints.hasToken(tree.hint(index), Self.words, maximumLength: 11) {
                return index
            }
            if let itemprop = tree.attributeBytes(index, .itemprop), itemprop.elementsEqual("description".utf8) {
                return index
            }
            if node.tag == .p && total >= Self.minimumPlainParagraph && linkChars[Int(index)] == 0 {
                return index
            }
        }
        return nil
    }

    /// Removes everything in `header` but its lead, the lead's contents and the elements on
    /// the way to it. Returns false, changing nothing, when the header holds no lead.
    func keepOnlyLead(of header: Int32, chars: [Int32], linkChars: [Int32], removed: inout [Bool]) -> Bool {
        guard let lead = lead(in: header, chars: chars, linkChars: linkChars, removed: removed) else { return false }
        let leadEnd = tree.subtreeEnd(lead)
        let headerEnd = tree.subtreeEnd(header)
        var inner = header + 1
        while inner <= headerEnd {
            let onPath = (inner >= lead && inner <= leadEnd) || (inner < lead && tree.subtreeEnd(inner) >= lead)
            if !onPath { removed[Int(inner)] = true }
            inner += 1
        }
        return true
    }
}
