/// Decides which text is the body: the density-scored container (with the lead the page's
/// description names, when the container left it out), the same scoring on a
/// lenient reading of the page (only unambiguous furniture removed) when the standard one
/// leaves almost nothing, the JSON-LD `articleBody` when the visible text is missing or a
/// fraction of it, or every reasonable paragraph of the page when no container stands out.
struct BodySelection {
    let analysis: PageAnalysis
    let metadata: MetadataReader.Result

    struct Body {
        var lines: [String]
        var method: QualityFlags.Method
        /// Score of the winning container (0 when none).
        var score: Double
        /// Characters in `lines` (grapheme clusters), counted once for every later threshold.
        var characterCount = 0
    }

    func select() -> Body {
        let title = metadata.title
        var lines: [String] = []
        var score = 0.0
        var narrow: Int32 = -1
        var bodyStart: Int32?
        if let choice = CandidateSelector(analysis: analysis, title: title).choose() {
            let writer = BodyWriter(analysis: analysis)
            lines = LineFilter.filter(writer.lines(from: choice.roots), title: title)
            score = choice.score
            if choice.narrow != choice.top { narrow = choice.narrow }
            if !lines.isEmpty { bodyStart = choice.roots.min() }
        }
        var method: QualityFlags.Method = lines.isEmpty ? .none : .densityScoring
        if let reanchored = reanchor(lines, narrow: narrow) {
            lines = reanchored
        } else if let first = bodyStart, let lead = DescriptionLead(analysis: analysis)
            .lead(description: metadata.description, before: first, firstLine: lines.first) {
            lines.insert(lead, at: 0)
        }
        let shownLead = Self.leadShown(lines, description: metadata.description)
        var visible = CharacterCount.of(lines)
        var current = visible

        if visible < 200, let lenient = lenientBody(), CharacterCount.of(lenient) > max(visible * 2, 200) {
            lines = lenient
            visible = CharacterCount.of(lenient)
            current = visible
            method = .densityScoring
        }
        if visible < 200 {
            let fallback = paragraphFallback()
            let fallbackLength = CharacterCount.of(fallback)
            if fallbackLength > visible * 2 && fallbackLength >= 200 {
                lines = fallback
                current = fallbackLength
                method = .paragraphFallback
            }
        }
        if let structured = structuredBody() {
            let structuredLength = CharacterCount.of(structured)
            // The visible text is the better copy (JSON-LD bodies are often truncated or
            // stripped of paragraphs), so structured data only wins by a wide margin.
            if structuredLength >= 200 && current * 2 < structuredLength {
                lines = Self.withLead(shownLead, structured)
                current = structuredLength
                method = .structuredData
            }
        }
        return Body(lines: lines, method: method, score: score, characterCount: current)
    }

    /// When the publisher's JSON-LD copy of the body mostly disagrees with the scored
    /// container, the paragraphs that do appear in that copy locate the real article: their
    /// common ancestor becomes the container. Returns nil when the choice stands.
    /// The density winner is judged before widening (`narrow`, when widening moved it): a
    /// winner the publisher's copy disowns is no base to widen from.
    private func reanchor(_ lines: [String], narrow: Int32) -> [String]? {
        guard let reference = metadata.structured.articleBody, reference.count >= 300 else { return nil }
        var current = QualityAssessor.overlap(lines, reference)
        if narrow > 0 && current >= 0.6 {
            let narrowLines = LineFilter.filter(BodyWriter(analysis: analysis).lines(from: [narrow]),
                                                title: metadata.title)
            current = min(current, QualityAssessor.overlap(narrowLines, reference))
        }
        guard current < 0.6 else { return nil }
        let tree = analysis.tree
        let normalizedReference = Self.squeeze(reference)
        var anchors: [Int32] = []
        for index in 1..<tree.nodes.count where tree.nodes[index].tag != .text {
            guard !analysis.removed[index], analysis.ownChars[index] >= 40 else { continue }
            let text = Self.squeeze(tree.textContent(Int32(index)))
            let probe = String(text.prefix(60))
            if probe.count >= 30 && normalizedReference.contains(probe) { anchors.append(Int32(index)) }
            if anchors.count > 400 { break }
        }
        guard anchors.count >= 2 else { return nil }
        let ancestor = anchors.dropFirst().reduce(anchors[0]) { tree.commonAncestor($0, $1) }
        guard ancestor > 0 else { return nil }
        let writer = BodyWriter(analysis: analysis)
        let candidate = LineFilter.filter(writer.lines(from: [ancestor]), title: metadata.title)
        return QualityAssessor.overlap(candidate, reference) > current + 0.2 ? candidate : nil
    }

    /// The visible body's first line when it is the page's description shown as a lead.
    static func leadShown(_ lines: [String], description: String?) -> String? {
        guard let description, let first = lines.first,
              DescriptionLead.visibleCharacters(description) >= DescriptionLead.minimumCharacters else { return nil }
        let wanted = squeeze(description)
        return !wanted.isEmpty && squeeze(first) == wanted ? first : nil
    }

    /// A JSON-LD body (often the text without its standfirst) with the lead the page shows
    /// above it, unless the copy already begins with it.
    static func withLead(_ lead: String?, _ structured: [String]) -> [String] {
        guard let lead, let first = structured.first, !squeeze(first).hasPrefix(squeeze(lead)) else { return structured }
        return [lead] + structured
    }

    /// Letters and digits only, lower-cased: markup and JSON escape differences vanish.
    static func squeeze(_ text: String) -> String {
        AlphanumericKey.of(text)
    }

    /// The page read again with only unambiguous furniture removed, for pages whose
    /// article wrappers carry furniture-like names.
    private func lenientBody() -> [String]? {
        let lenient = PageAnalysis(tree: analysis.tree, strictness: .lenient)
        guard let choice = CandidateSelector(analysis: lenient).choose() else { return nil }
        let lines = LineFilter.filter(BodyWriter(analysis: lenient).lines(from: choice.roots), title: metadata.title)
        return lines.isEmpty ? nil : lines
    }

    /// JSON-LD `articleBody` split into paragraphs on line breaks.
    private func structuredBody() -> [String]? {
        guard let body = metadata.structured.articleBody else { return nil }
        let lines = body.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { TextNormalizer.collapse(Array($0.utf8)[...]) }
            .filter { !$0.isEmpty }
        return lines.isEmpty ? nil : lines
    }

    /// Every live `<p>` of the page with enough words and few links.
    private func paragraphFallback() -> [String] {
        let tree = analysis.tree
        var lines: [String] = []
        for index in 1..<tree.nodes.count where tree.nodes[index].tag == .p {
            let id = Int32(index)
            guard !analysis.isRemoved(id), analysis.chars[index] >= 40,
                  analysis.linkDensity(id) < 0.3 else { continue }
            let text = tree.textContent(id)
            if !text.isEmpty { lines.append(text) }
        }
        return lines
    }
}
