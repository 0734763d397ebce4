/// Whether a short text node is a piece of running text: "… nach Angaben des
/// <a>Lageberichts vom 25. Februar 2020</a> außerhalb von China …".
///
/// A link or emphasis inside a paragraph makes its own short text node, so a date in it looks
/// like a dateline although it is something the article mentions. A dateline inside a
/// paragraph ("Posted on <a>March 3, 2020</a> by <a>Jane</a>") has little text of the
/// paragraph's own around it; a sentence has much.
enum SentenceContext {
    /// Bytes of a paragraph's own text (outside the element holding the date) from which
    /// the paragraph is running text.
    static let sentenceBytes: Int32 = 60
    /// Inline elements climbed at most between the text and its paragraph.
    static let maximumDepth = 3

    static func isInline(_ tree: HTMLTree, _ text: Int32) -> Bool {
        guard let (parent, child, depth) = paragraph(holding: text, in: tree), depth > 0 else { return false }
        // The paragraph's own text around the inline element that holds the date.
        var own: Int32 = 0
        var current = tree.nodes[Int(parent)].firstChild
        var steps = 0
        while current >= 0, steps < 200 {
            let item = tree.nodes[Int(current)]
            if current != child, item.tag == .text { own += item.end - item.start }
            if own >= sentenceBytes { return true }
            current = item.nextSibling
            steps += 1
        }
        return false
    }

    /// Whether a text node is the link of a post quoted in a `<blockquote>`: an embedded tweet
    /// or toot ends with its own date as a link to it ("— M&S (@marksandspencer) <a>November 1,
    /// 2023</a>"), which dates the post, not the page.
    static func isQuotedPostLink(_ tree: HTMLTree, _ text: Int32) -> Bool {
        var current = tree.nodes[Int(text)].parent
        var inLink = false
        var steps = 0
        while current > 0, steps < 8 {
            let tag = tree.nodes[Int(current)].tag
            if tag == .a { inLink = true }
            if tag == .blockquote { return inLink }
            current = tree.nodes[Int(current)].parent
            steps += 1
        }
        return false
    }

    /// Words of the paragraph before a date from which the date is inside its sentence, and
    /// how many of them must start in lower case (a byline's are mostly names).
    static let sentenceWords = 6
    static let lowercaseWords = 3

    /// Whether the date starting at byte `dateStart` of text node `text` is something a
    /// sentence of its `<p>` mentions ("Both men were sentenced at Southwark Crown Court on
    /// Friday 27th October 2023."): at least `sentenceWords` words of the paragraph come before
    /// it, `lowercaseWords` of them in lower case, and the paragraph ends as a sentence does. A
    /// dateline has a label, names or a place in front of its date ("By Matthew D., Minh D. on
    /// Monday, November 18th, 2019 at 11:08 a.m.", "Posted on March 3, 2020 by Jane").
    ///
    /// A date the sentence runs on after ("Mit der am 15. Januar 2022 in Kraft getretenen
    /// Verordnung …") needs fewer words before it: `runOnWords` before (two in lower case) and as
    /// many after it in its own text, two of them in lower case.
    static func isMentioned(_ tree: HTMLTree, _ text: Int32, at dateStart: Int, end dateEnd: Int? = nil) -> Bool {
        guard let (block, _, _) = paragraph(holding: text, in: tree) else { return false }
        var words = Words()
        var index = block + 1
        while index < text, !words.isSentence {
            let item = tree.nodes[Int(index)]
            if item.tag == .text { words.count(tree.text[Int(item.start)..<Int(item.end)]) }
            index += 1
        }
        let own = tree.nodes[Int(text)]
        words.count(tree.text[Int(own.start)..<dateStart])
        if !words.isSentence {
            guard let dateEnd, words.all >= runOnWords, words.lowercase >= 2 else { return false }
            var after = Words()
            after.count(tree.text[dateEnd..<Int(own.end)])
            guard after.all >= runOnWords + 1, after.lowercase >= 2 else { return false }
        }
        return endsSentence(tree, block)
    }

    /// Words before a date that the sentence runs on after, and (one more) after it.
    static let runOnWords = 3

    /// Words counted across a paragraph's text nodes.
    private struct Words {
        var all = 0
        var lowercase = 0
        var inWord = false

        var isSentence: Bool { all >= SentenceContext.sentenceWords && lowercase >= SentenceContext.lowercaseWords }

        mutating func count(_ bytes: ArraySlice<UInt8>) {
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let letter = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if letter && !inWord {
                    all += 1
                    if byte >= 0x61 && byte <= 0x7A {
                        lowercase += 1
                    } else if byte >= 0xC0, let scalar = String(decoding: bytes[index..<min(index + 4, bytes.endIndex)], as: UTF8.self)
                        .unicodeScalars.first, scalar.properties.isLowercase {
                        lowercase += 1
                    }
                }
                inWord = letter || (inWord && byte >= 0x30 && byte <= 0x39)
                index += 1
            }
        }
    }

    /// Whether the last text of `block` ends with a full stop, "!" or "?" (or the ideographic
    /// full stop), closing quotes and brackets aside; a stop after a single letter ("a.m.") is
    /// an abbreviation's.
    private static func endsSentence(_ tree: HTMLTree, _ block: Int32) -> Bool {
        var index = tree.subtreeEnd(block)
        while index > block {
            let item = tree.nodes[Int(index)]
            if item.tag == .text && !item.flags.contains(.blank) {
                let start = Int(item.start)
                var end = Int(item.end)
                while end > start {
                    let byte = tree.text[end - 1]
                    guard byte == 0x20 || byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x0A else { break }
                    end -= 1
                }
                guard end > start else { return false }
                let last = tree.text[end - 1]
                if last == 0x21 || last == 0x3F { return true }
                if last == 0x2E {
                    // "a.m.", "U.S.": a letter alone between stops or after a blank.
                    let letterAlone = end - start >= 3 && isASCIILetter(tree.text[end - 2])
                        && (tree.text[end - 3] == 0x2E || tree.text[end - 3] == 0x20)
                    return !letterAlone
                }
                return end - start >= 3 && tree.text[end - 3] == 0xE3 && tree.text[end - 2] == 0x80 && last == 0x82
            }
            index -= 1
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

    /// The `<p>` holding text node `text` through at most `maximumDepth` inline elements, the
    /// child of it on the way (the text itself when it sits in the `<p>` directly), and how many
    /// inline elements lie between; nil when the text is not in a paragraph's running text.
    private static func paragraph(holding text: Int32, in tree: HTMLTree,
                                  block: (HTMLTag) -> Bool = { $0 == .p }) -> (paragraph: Int32, child: Int32, depth: Int)? {
        var child = text
        var parent = tree.nodes[Int(text)].parent
        var depth = 0
        while depth < maximumDepth, parent > 0, tree.nodes[Int(parent)].tag.isInlineText {
            child = parent
            parent = tree.nodes[Int(parent)].parent
            depth += 1
        }
        guard parent > 0, block(tree.nodes[Int(parent)].tag) else { return nil }
        return (parent, child, depth)
    }

    /// Words of a heading from which a date in it is the story's subject, not its dateline.
    static let headlineWords = 5

    /// Whether text node `text` is in a heading that is a title ("Protokoll der Vorstandssitzung
    /// vom 10. Oktober 2019", a next post's "Science and Technology links (August 3rd 2019)"):
    /// at least `headlineWords` words of it start with a letter. A dateline set as a heading is
    /// a label and the date ("Veröffentlicht am 12. März 2020"); a lower heading under a
    /// date-ish class name (`hinted`) may be a byline ("Posted by Jane Roe on March 3, 2020"),
    /// an `<h1>` is always the title.
    static func isHeadlineSubject(_ tree: HTMLTree, _ text: Int32, hinted: Bool) -> Bool {
        guard let (heading, _, _) = paragraph(holding: text, in: tree, block: { $0.isHeading }),
              !hinted || tree.nodes[Int(heading)].tag == .h1 else { return false }
        var words = Words()
        var index = heading + 1
        let end = tree.subtreeEnd(heading)
        while index <= end, words.all < headlineWords {
            let item = tree.nodes[Int(index)]
            if item.tag == .text { words.count(tree.text[Int(item.start)..<Int(item.end)]) }
            index += 1
        }
        return words.all >= headlineWords
    }
}
