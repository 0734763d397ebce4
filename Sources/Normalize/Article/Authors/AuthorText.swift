/// Small string helpers for author text that avoid Foundation's `CharacterSet` and regular
/// expressions, which are slow on Linux and run here for every page.
enum AuthorText {
    /// Punctuation that may cling to a word ("Picheta,", "(AFP)", "Autor:").
    static let clinging: Set<Character> = [
        ",", ".", ";", ":", "(", ")", "[", "]", "\"", "'", "“", "”", "„", "«", "»", "!", "?",
    ]

    /// `text` without leading and trailing characters from `set`.
    static func trim(_ text: Substring, _ set: Set<Character>) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, set.contains(text[start]) { start = text.index(after: start) }
        while end > start, set.contains(text[text.index(before: end)]) { end = text.index(before: end) }
        return text[start..<end]
    }

    static func trim(_ text: String, _ set: Set<Character>) -> String {
        String(trim(text[...], set))
    }

    /// A letter: ASCII by range, anything else by its Unicode property.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    /// `text` without the HTML tags some CMSs leave in a meta value (`By <a href="/p/amir">Amir
    /// Vera</a>, Tara Roe`, a description's `<p>…</p><p>…`): a tag goes, and leaves a space
    /// between two letters it separated, or after a block or line-break tag ("Satz.</p><p>Neuer").
    /// Text without a tag comes back as it was.
    static func withoutMarkup(_ text: String) -> String {
        guard has(text, "<") else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest.index(after: open)
            guard after < rest.endIndex, rest[after].isLetter || rest[after] == "/",
                  let close = rest[after...].firstIndex(of: ">") else {
                output += rest[...open]
                rest = rest[after...]
                continue
            }
            output += rest[..<open]
            let name = rest[after..<close].drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            rest = rest[rest.index(after: close)...]
            if let last = output.last, let next = rest.first, !last.isWhitespace, !next.isWhitespace,
               (last.isLetter && next.isLetter) || blockTags.contains(name) {
                output.append(" ")
            }
        }
        output += rest
        return output
    }

    /// Tags that end a line or a block where they stand.
    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "section",
    ]

    /// Whether `text` holds `needle`, compared byte for byte (no Foundation bridging).
    static func has(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let target = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        let bytes = text.utf8
        guard count > 0, bytes.count >= count else { return count == 0 }
        var start = bytes.startIndex
        var remaining = bytes.count
        while remaining >= count {
            var probe = start
            var offset = 0
            while offset < count && bytes[probe] == target[offset] {
                offset += 1
                probe = bytes.index(after: probe)
            }
            if offset == count { return true }
            start = bytes.index(after: start)
            remaining -= 1
        }
        return false
    }

    /// Lower-cased, without clinging punctuation: the form the lexicon lists.
    static func bare(_ word: some StringProtocol) -> String {
        String(trim(Substring(word), clinging)).lowercased()
    }
}
