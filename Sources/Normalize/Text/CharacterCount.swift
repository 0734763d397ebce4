/// Counts user-perceived characters (grapheme clusters, what `String.count` counts) without
/// running the grapheme-breaking algorithm on text where every scalar is its own character.
///
/// Body-length thresholds (too short, fallback, structured-data margins) are stated in
/// characters, and `String.count` walks grapheme-break rules scalar by scalar even for plain
/// Latin text with curly quotes. Below U+0300 and in the common punctuation, currency and
/// letter blocks listed here no scalar joins its neighbour (lines hold no CR LF pairs), so the
/// scalar count is the character count; any other scalar sends the line to `String.count`.
enum CharacterCount {
    static func of(_ text: String) -> Int {
        var text = text
        let scalars = text.withUTF8 { bytes -> Int? in
            var scalars = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0xCC {
                    if byte == 0x0D { return nil }
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                    index += 1
                    continue
                }
                // U+0300 or above: decoded from the bytes, `String.count` at the first
                // scalar that might join a cluster.
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                guard standsAlone(scalar.value) else { return nil }
                scalars += 1
                index += length
            }
            return scalars
        }
        return scalars ?? text.count
    }

    static func of(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + of($1) }
    }

    @inline(__always)
    private static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300: return value != 0x0D  // CR joins a following LF
        case 0x370...0x482, 0x48A...0x52F: return true  // Greek, Cyrillic letters (no marks)
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true  // punctuation, currency
        case 0x2100...0x218F, 0x2190...0x21FF: return true  // letterlike, arrows
        case 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x30A0...0x30FF: return true  // CJK punctuation, kana
        case 0x4E00...0x9FFF: return true  // CJK ideographs
        case 0xFF01...0xFF9D: return true  // full-width forms (before the half-width voicing marks)
        default: return false
        }
    }
}
