/// The name that closes an article: a short last paragraph right after the prose, holding
/// only a name ("<p><b>Stefan Roe</b></p>", "<p>Kazım Roe<br>Vorsitzender</p>"), as letters,
/// columns and club reports are signed. Asked for only when no other source names a person.
/// A paragraph is a `<p>` or a div written as one (`HTMLTree.isParagraphDiv`).
extension SignedLines {
    /// Longest paragraph before the signature that counts as prose, in characters.
    static let proseLength = 200

    /// The first line of each closing paragraph, in page order.
    func closingLines(headline: Int32?, limit: Int = 2) -> [String] {
        var found: [String] = []
        for index in 1..<tree.nodes.count where found.count < limit {
            let id = Int32(index)
            guard isParagraph(id) else { continue }
            guard tree.subtreeEnd(id) - id <= 6, isLastParagraph(id), followsProse(id),
                  let line = firstLine(id), !inOtherZone(id, headline: headline) else { continue }
            found.append(line)
        }
        return found
    }

    /// No paragraph follows among the next siblings.
    private func isLastParagraph(_ id: Int32) -> Bool {
        var next = tree.nodes[Int(id)].nextSibling
        var steps = 0
        while next >= 0 && steps < 50 {
            if isParagraph(next) { return false }
            next = tree.nodes[Int(next)].nextSibling
            steps += 1
        }
        return next < 0
    }

    /// The element before `id` among its siblings is a paragraph of prose.
    private func followsProse(_ id: Int32) -> Bool {
        guard let previous = tree.elementSiblings(before: id) else { return false }
        // The paragraphs just before it, the last of them prose (short closing lines such as
        // a greeting may sit between the prose and the name).
        let paragraphs = previous.prefix(3).prefix { isParagraph($0) }
        guard !paragraphs.isEmpty else { return false }
        return paragraphs.contains { tree.textContent($0).count >= Self.proseLength }
    }

    /// A `<p>`, or a `<div>` written as one.
    private func isParagraph(_ id: Int32) -> Bool {
        tree.nodes[Int(id)].tag == .p || tree.isParagraphDiv(id)
    }

    /// The paragraph's text up to its first line break, when short.
    private func firstLine(_ id: Int32) -> String? {
        var bytes: [UInt8] = []
        var ended = false
        tree.forEachDescendant(of: id) { node in
            guard !ended else { return false }
            let item = tree.nodes[Int(node)]
            if item.tag == .br { ended = true; return false }
            if item.tag == .text { bytes.append(contentsOf: tree.text[Int(item.start)..<Int(item.end)]) }
            return true
        }
        let line = TextNormalizer.collapse(bytes[...])
        guard !line.isEmpty, line.utf8.count <= 60 else { return nil }
        return line
    }
}
