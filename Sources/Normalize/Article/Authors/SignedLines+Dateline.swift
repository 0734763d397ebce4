/// A line beside the headline that gives the date and the writer between separators, with no
/// lead-in and no byline markup: "04.02.2022 | 13:10 Uhr | Uta Roe", "Ana Ruiz · 3. Mai 2021".
/// Asked for only when no other source names a person; the finder keeps full names only.
extension SignedLines {
    /// Element siblings of the headline looked at, before and after it.
    static let datelineReach = (before: 2, after: 3)

    /// Lines among the headline's nearest element siblings that hold a date and a separator.
    func datelineBylines(headline: Int32?) -> [String] {
        guard let headline, tree.nodes[Int(headline)].parent > 0 else { return [] }
        var found: [String] = []
        for sibling in neighbours(of: headline) where tree.subtreeEnd(sibling) - sibling <= 8 {
            let line = tree.textContent(sibling)
            guard line.utf8.count <= Self.longestLine, Self.hasSeparator(line) else { continue }
            let words = BylineWords.split(line).map { AuthorText.bare($0) }
            guard words.indices.contains(where: { Self.isDate(words, $0) }) else { continue }
            found.append(line)
        }
        return found
    }

    /// The headline's element siblings that may hold a line, nearest first on each side.
    private func neighbours(of headline: Int32) -> [Int32] {
        let before = (tree.elementSiblings(before: headline) ?? []).lazy.filter(mayHoldLine).prefix(Self.datelineReach.before)
        var after: [Int32] = []
        var current = tree.nodes[Int(headline)].nextSibling
        while current >= 0 && after.count < Self.datelineReach.after {
            if tree.nodes[Int(current)].tag != .text && mayHoldLine(current) { after.append(current) }
            current = tree.nodes[Int(current)].nextSibling
        }
        return Array(before) + after
    }

    /// Not a script, style or head element, and not a heading: a subtitle ("Exhibition Palais
    /// Roe | 9-23 Feb 2017") is no byline.
    private func mayHoldLine(_ node: Int32) -> Bool {
        switch tree.nodes[Int(node)].tag {
        case .script, .style, .meta, .link, .h1, .h2, .h3, .h4, .h5, .h6: return false
        default: return true
        }
    }

    /// "|", "·", "•" or "/" standing between words.
    private static func hasSeparator(_ line: String) -> Bool {
        line.split(separator: " ").contains { $0 == "|" || $0 == "·" || $0 == "•" || $0 == "/" }
    }

    /// A numeric date ("04.02.2022", "2022-02-04", "4/2/22") or a month name beside a number.
    private static func isDate(_ words: [String], _ index: Int) -> Bool {
        let word = words[index]
        if BylineWords.isMonthName(word) {
            return [index - 1, index + 1].contains { $0 >= 0 && $0 < words.count && words[$0].first?.isNumber == true }
        }
        let parts = word.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" })
        return parts.count == 3 && parts.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
