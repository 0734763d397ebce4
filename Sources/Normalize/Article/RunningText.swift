/// Whether an inline element is a piece of a sentence: "ナイジェリア北東部ボルノ（<a
/// class="searchLink">Borno</a>）州で…", "On <time class="date">March 3</time> the council …".
///
/// Class words name furniture for blocks; a link or a span with words of its paragraph on both
/// sides is part of what the paragraph says, whatever its class (a site's search or keyword
/// links, a date or a name set off for styling). Removing it would leave a hole in the sentence.
/// A label before links ("Tags: <a>…</a>, <a>…</a>") or a link that ends a paragraph ("Read
/// more: <a>…</a>") has no words after it and is judged by its class as before.
enum RunningText {
    /// Letters or digits the paragraph's own text needs on each side of the element.
    static let wordCharacters = 2
    /// And in all (a sentence, not a label and a separator).
    static let sentenceCharacters = 20

    static func holds(_ index: Int32, in tree: HTMLTree) -> Bool {
        guard isInline(tree.nodes[Int(index)].tag) else { return false }
        // Climb inline elements to the block that holds the text.
        var child = index
        var block = tree.nodes[Int(index)].parent
        var depth = 0
        while block > 0, isInline(tree.nodes[Int(block)].tag) {
            guard depth < 3 else { return false }
            child = block
            block = tree.nodes[Int(block)].parent
            depth += 1
        }
        guard block > 0, isTextBlock(tree.nodes[Int(block)].tag) else { return false }
        var before = 0, after = 0
        var passed = false
        var current = tree.nodes[Int(block)].firstChild
        var steps = 0
        while current >= 0, steps < 400 {
            let item = tree.nodes[Int(current)]
            if current == child {
                passed = true
            } else if item.tag == .text {
                let count = letters(tree.text[Int(item.start)..<Int(item.end)])
                if passed { after += count } else { before += count }
            }
            current = item.nextSibling
            steps += 1
        }
        return before >= wordCharacters && after >= wordCharacters && before + after >= sentenceCharacters
    }

    /// Letters and digits in UTF-8 `bytes`, in any script (CJK brackets and other punctuation
    /// do not count).
    private static func letters(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value | 0x20
                if (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39) { count += 1 }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                count += 1
            }
        }
        return count
    }

    /// Inline text elements, and the raised and lowered ones (a footnote mark, a chemical formula).
    private static func isInline(_ tag: HTMLTag) -> Bool {
        tag.isInlineText || tag == .sup || tag == .sub
    }

    private static func isTextBlock(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .li, .dd, .td, .blockquote, .div:
            return true
        default:
            return false
        }
    }
}
