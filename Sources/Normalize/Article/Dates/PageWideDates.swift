/// The last resort when a page offers no date near its headline, in its metadata or in its URL:
/// every short text node of the whole document, furniture included (footers that say
/// "Erschienen am 01.11.2023", a forum thread whose posts carry only their own dates).
///
/// This follows the approach of htmldate's extensive search: when nothing specific is found,
/// a date the page labels as its publication wins wherever it stands, and otherwise the first
/// full date in document order: the opening post of a thread, the newest entry of a blog's
/// front page (the one shown first), rather than a date deep in an archive list. Dates the
/// page labels as modifications are skipped, and so are dates inside sentences (something the
/// text mentions: deep in a long text, or in a link inside running text) and in titles. Only run when every
/// other signal is missing, so it costs nothing on the pages that have one.
enum PageWideDates {
    /// Text nodes read at most, and the longest one read whole (longer ones only at their start).
    static let maximumNodes = 300
    static let maximumLength: Int32 = 160

    /// The first date labelled as the publication and the first unlabelled one; `plausible`
    /// rejects future and pre-web dates.
    static func find(tree: HTMLTree, dayFirst: Bool,
                     plausible: (WrittenDate) -> Bool) -> (labelled: WrittenDate?, first: WrittenDate?) {
        var parser = DatelineParser()
        parser.dayFirst = dayFirst
        var hidden = [Bool](repeating: false, count: tree.nodes.count)
        var labelled: WrittenDate?
        var first: WrittenDate?
        var read = 0
        for index in 1..<tree.nodes.count where read < maximumNodes {
            let node = tree.nodes[index]
            let parentHidden = hidden[Int(node.parent)]
            guard node.tag == .text else {
                // The document's `<title>` repeats the headline, whose dates are its subject.
                hidden[index] = parentHidden || node.flags.contains(.hidden) || node.tag == .title
                continue
            }
            guard !parentHidden, !node.flags.contains(.blank) else { continue }
            let end = node.end - node.start <= maximumLength ? node.end : node.start + MarkupDates.longNodePrefix
            let bytes = tree.text[Int(node.start)..<Int(end)]
            guard MarkupDates.hasDigit(bytes) else { continue }
            read += 1
            let hits = parser.scan(bytes, limit: 2)
            if !hits.isEmpty, SentenceContext.isInline(tree, Int32(index)) || SentenceContext.isQuotedPostLink(tree, Int32(index))
                || SentenceContext.isHeadlineSubject(tree, Int32(index), hinted: false) { continue }
            for hit in hits where hit.start - bytes.startIndex <= 40 && plausible(hit.date) {
                var label = DateLabel.of(bytes[bytes.startIndex..<hit.start])
                if hit.start - bytes.startIndex < 3, label == .neutral {
                    label = MarkupDates.previousLabel(tree, Int32(index))
                }
                switch label {
                case .modified, .unrelated: continue
                case .published: if labelled == nil { labelled = hit.date }
                case .neutral:
                    if first == nil, !SentenceContext.isMentioned(tree, Int32(index), at: hit.start, end: hit.end) { first = hit.date }
                }
            }
        }
        return (labelled, first)
    }
}
