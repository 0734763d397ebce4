/// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`) without Foundation.
///
/// On Linux Foundation's trimming goes through `CharacterSet` and `NSString`, and was most
/// of the time `MetadataReader.absolute` took to resolve the page's links (canonical, image): more
/// than the URL parsing after it. Here the scalars at both ends are tested against the same
/// set, written out: Unicode's space separators as Foundation's tables list them (with
/// U+200B, which they still hold), tab, the line breaks U+000A–U+000D, U+0085, U+2028 and
/// U+2029 (left out for `.whitespaces`, which `LanguageDetector.primaryTag` trims with).
/// `WhitespaceTrimTests` checks both sets against Foundation's for every scalar.
enum WhitespaceTrim {
    /// `text` without leading and trailing white space and (unless `newlines` is false,
    /// as for `.whitespaces`) line breaks.
    static func trimmed(_ text: String, newlines: Bool = true) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start], newlines: newlines) { scalars.formIndex(after: &start) }
        while start < end {
            let last = scalars.index(before: end)
            guard isTrimmed(scalars[last], newlines: newlines) else { break }
            end = last
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// Whether `CharacterSet.whitespacesAndNewlines` (`.whitespaces` when `newlines` is false)
    /// holds `scalar`.
    @inline(__always)
    static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        default: return false
        }
    }
}
