import Foundation

/// Datelines: the visible text of the chosen nodes, read with `DatelineParser` and
/// `RelativeDate`, each date labelled by the words in front of it.
extension MarkupDates {
    typealias TextItem = (node: Int32, ordinal: Int, hinted: Bool, inModified: Bool)

    /// Where headlines are, in text-node ordinals, and what counts as near them.
    struct HeadlineWindows {
        var ordinals: [Int]

        /// Within the window around a headline; with no headline at all, a date-ish class decides.
        func isNear(_ ordinal: Int, hinted: Bool) -> Bool {
            guard !ordinals.isEmpty else { return hinted }
            return ordinals.contains { ordinal >= $0 - MarkupDates.beforeHeadline && ordinal <= $0 + MarkupDates.afterHeadline }
        }

        func isAfter(_ ordinal: Int) -> Bool {
            ordinals.contains { ordinal >= $0 && ordinal <= $0 + MarkupDates.afterHeadline }
        }
    }

    mutating func readDatelines(_ texts: [TextItem], tree: HTMLTree, parser: DatelineParser,
                                windows: HeadlineWindows, reference: Date) {
        for item in texts {
            let node = tree.nodes[Int(item.node)]
            let end = node.end - node.start <= 240 ? node.end : node.start + Self.longNodePrefix
            let bytes = tree.text[Int(node.start)..<Int(end)]
            let near = windows.isNear(item.ordinal, hinted: item.hinted)
            var hits = parser.scan(bytes, limit: 2)
            if hits.isEmpty, yearless == nil, bytes.count <= 48, windows.isAfter(item.ordinal) {
                yearless = parser.scanYearless(bytes)
            }
            // "<b>26</b> Okt 2018": a day alone in its element, the rest in the next ones.
            if hits.isEmpty, bytes.count <= 8, item.hinted {
                let joined = Self.joinedWithNext(tree, item.node)
                hits = parser.scan(joined[...], limit: 1).map { DatelineParser.Found(date: $0.date, start: bytes.startIndex, end: bytes.endIndex) }
            }
            // A date inside a sentence is something the article mentions, not its dateline:
            // deep in a long text, or a link or emphasis inside a paragraph's running text; the
            // date of a quoted post is the post's, the date in a title the story's subject.
            if !hits.isEmpty, SentenceContext.isInline(tree, item.node) || SentenceContext.isQuotedPostLink(tree, item.node)
                || SentenceContext.isHeadlineSubject(tree, item.node, hinted: item.hinted) { continue }
            for (number, hit) in hits.enumerated() where bytes.count <= 100 || hit.start - bytes.startIndex <= 40 {
                var label = item.inModified ? .modified : DateLabel.of(bytes[bytes.startIndex..<hit.start])
                if hit.start - bytes.startIndex < 3, label == .neutral { label = Self.previousLabel(tree, item.node) }
                // "November 28, 2013 -- Updated 0203 GMT": the day of the update, its time after
                // the label (with a second date after the label, that one is the update's).
                if label == .neutral, number == hits.count - 1, DateLabel.opensUpdate(bytes[hit.end...]) { label = .modified }
                if label == .unrelated || (label == .neutral && SentenceContext.isMentioned(tree, item.node, at: hit.start, end: hit.end)) { continue }
                found.append(Found(date: hit.date, label: label, structured: false, near: near, hinted: item.hinted,
                                   afterHeadline: windows.isAfter(item.ordinal), position: item.node))
            }
            if near || item.hinted, let date = RelativeDate.find(bytes, reference: reference) {
                found.append(Found(date: date, label: DateLabel.of(bytes), structured: false, near: near,
                                   relative: true, position: item.node))
            }
        }
    }

    /// The text of `node` and the next two short text nodes, blank-separated.
    private static func joinedWithNext(_ tree: HTMLTree, _ node: Int32) -> [UInt8] {
        var joined: [UInt8] = []
        var index = Int(node)
        var taken = 0
        while index < tree.nodes.count && index <= Int(node) + 8 && taken < 3 {
            let item = tree.nodes[index]
            if item.tag == .text && !item.flags.contains(.blank) {
                guard item.end - item.start <= 40 else { break }
                joined.append(contentsOf: tree.text[Int(item.start)..<Int(item.end)])
                joined.append(0x20)
                taken += 1
            }
            index += 1
        }
        return joined
    }

    /// The label in the text node before `node` ("Published:" in its own `<span>`).
    static func previousLabel(_ tree: HTMLTree, _ node: Int32) -> DateLabel {
        var index = Int(node) - 1
        var steps = 0
        while index > 0 && steps < 6 {
            let item = tree.nodes[index]
            if item.tag == .text && !item.flags.contains(.blank) {
                // A node with a date of its own is that date's label, not this one's.
                let bytes = tree.text[Int(item.start)..<Int(item.end)]
                return hasDigit(bytes) ? .neutral : DateLabel.of(bytes)
            }
            index -= 1
            steps += 1
        }
        return .neutral
    }

    /// The label of a `<time>` or `itemprop` element from its words: at the start of its own
    /// text ("<time datetime=…>Updated 5 March</time>"), else in the text right before it.
    static func markupLabel(_ tree: HTMLTree, _ element: Int32) -> DateLabel {
        let end = Int(tree.subtreeEnd(element))
        var index = Int(element) + 1
        while index <= end && index <= Int(element) + 4 {
            let item = tree.nodes[index]
            if item.tag == .text && !item.flags.contains(.blank) {
                let bytes = tree.text[Int(item.start)..<Int(item.end)]
                let own = DateLabel.of(bytes.prefix { $0 < 0x30 || $0 > 0x39 })
                if own != .neutral { return own }
                break
            }
            index += 1
        }
        return previousLabel(tree, element)
    }

    /// An ASCII digit, or another script's (`DateTokens.nativeDigit`).
    static func hasDigit(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte >= 0xD9, byte == 0xD9 || byte == 0xDB || byte == 0xE0, DateTokens.nativeDigit(bytes, index) != nil { return true }
            index += 1
        }
        return false
    }
}
