/// Decides which text is the body: the density-scored container, the JSON-LD
/// `articleBody` when the visible text is missing or a fraction of it, or every reasonable
/// paragraph of the page when no container stands out.
struct BodySelection {
    let analysis: PageAnalysis
    let metadata: MetadataReader.Result

    struct Body {
        var lines: [String]
        var method: QualityFlags.Method
        /// Score of the winning container (0 when none).
        var score: Double
    }

    func select() -> Body {
        let title = metadata.title
        var lines: [String] = []
        var score = 0.0
        if let choice = CandidateSelector(analysis: analysis).choose() {
            let writer = BodyWriter(analysis: analysis)
            lines = LineFilter.filter(writer.lines(from: choice.roots), title: title)
            score = choice.score
        }
        var method: QualityFlags.Method = lines.isEmpty ? .none : .densityScoring
        let visible = lines.reduce(0) { $0 + $1.count }

        if visible < 200 {
            let fallback = paragraphFallback()
            let fallbackLength = fallback.reduce(0) { $0 + $1.count }
            if fallbackLength > visible * 2 && fallbackLength >= 200 {
                lines = fallback
                method = .paragraphFallback
            }
        }
        if let structured = structuredBody() {
            let structuredLength = structured.reduce(0) { $0 + $1.count }
            let current = lines.reduce(0) { $0 + $1.count }
            // The visible text is the better copy (JSON-LD bodies are often truncated or
            // stripped of paragraphs), so structured data only wins by a wide margin.
            if structuredLength >= 200 && current * 2 < structuredLength {
                lines = structured
                method = .structuredData
            }
        }
        return Body(lines: lines, method: method, score: score)
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
