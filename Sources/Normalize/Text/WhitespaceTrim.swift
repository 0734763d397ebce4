/// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation.
///
/// On Linux Foundation's trimming goes through `CharacterSet` and `NSString`, and was most
/// of the time `MetadataReader.absolute` took to resolve the page's links (canonical, image): more
/// than the URL parsing after it. Here the scalars at both ends are tested against the same
/// set, written out: Unicode's space separators as Foundation's tables list them (with
/// U+200B, which they still hold), tab, the line breaks U+000A–U+000D, U+0085, U+2028 and
/// U+2029. `WhitespaceTrimTests` checks the set against Foundation's for every scalar.
enum WhitespaceTrim {
    /// `text` without leading and trailing white space and line breaks.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let last = scalars.index(before: end)
            guard isTrimmed(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// Whether `CharacterSet.whitespacesAndNewlines` holds `scalar`.
    @inline(__always)
    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
