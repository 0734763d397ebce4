import Foundation

/// White-space collapsing and Unicode NFC for extracted text.
public enum TextNormalizer {
    /// Collapses every run of white space (ASCII, no-break and the Unicode space separators)
    /// into one space, drops invisible format characters (zero-width space, BOM, soft hyphen)
    /// and trims both ends. Input is UTF-8 already repaired by the charset stage.
    public static func collapse(_ bytes: ArraySlice<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        // Written straight into the string's storage: the output is never longer than the
        // input (a run of white space becomes at most one space), and a string is made for
        // nearly every attribute and text the extractor keeps.
        return bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var pendingSpace = false
                var index = 0
                let end = input.count
                while index < end {
                    let byte = input[index]
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = true
                        index += 1
                        continue
                    }
                    if byte >= 0xC2 {
                        let width = spaceWidth(input, index)
                        if width > 0 {
                            pendingSpace = true
                            index += width
                            continue
                        }
                        let invisible = invisibleWidth(input, index)
                        if invisible > 0 {
                            index += invisible
                            continue
                        }
                    }
                    if pendingSpace && count > 0 {
                        output[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    output[count] = byte
                    count += 1
                    index += 1
                }
                return count
            }
        }
    }

    /// Width of a multi-byte space separator at `index`, or 0.
    @inline(__always)
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        guard index + 2 < bytes.count else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        if byte == 0xE2 && second == 0x80 && ((third >= 0x80 && third <= 0x8A) || third == 0xA8
            || third == 0xA9 || third == 0xAF) { return 3 }
        if byte == 0xE2 && second == 0x81 && third == 0x9F { return 3 }
        if byte == 0xE3 && second == 0x80 && third == 0x80 { return 3 }
        if byte == 0xE1 && second == 0x9A && third == 0x80 { return 3 }
        return 0
    }

    /// Width of an invisible format character at `index`, or 0.
    @inline(__always)
    static func invisibleWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAD { return 2 }
        guard index + 2 < bytes.count else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        if byte == 0xE2 && second == 0x80 && (third == 0x8B || third == 0x8C || third == 0x8D
            || third == 0x8E || third == 0x8F) { return 3 }
        if byte == 0xE2 && second == 0x81 && third == 0xA0 { return 3 }
        if byte == 0xEF && second == 0xBB && third == 0xBF { return 3 }
        return 0
    }

    /// Canonical composition (NFC). Text without combining marks or the few composition
    /// singletons is already NFC, which is most text, so the Foundation call is skipped then.
    public static func nfc(_ text: String) -> String {
        if isTriviallyNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when no scalar can change under NFC: no combining marks (which may compose or
    /// reorder), no conjoining Hangul jamo, and none of the singleton decompositions.
    static func isTriviallyNFC(_ text: String) -> Bool {
        var text = text
        // Below U+0300 every scalar is NFC-stable: only scalars whose lead byte is 0xCC or
        // above are decoded (curly quotes and dashes put one in most lines of news text).
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard bytes[index] >= 0xCC else {
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                if mayChangeUnderNFC(scalar) { return false }
                index += length
            }
            return true
        }
    }

    @inline(__always)
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x300...0x36F, 0x374, 0x37E, 0x387, 0x483...0x489, 0x591...0x5C7, 0x610...0x61A,
             0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x711, 0x730...0x74A, 0x900...0xDFF,
             0xF00...0xFFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1AB0...0x1AFF, 0x1B00...0x1B7F,
             0x1DC0...0x1DFF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x20D0...0x20FF, 0x2126,
             0x212A...0x212B, 0x2329...0x232A, 0x2ADC, 0x302A...0x302F, 0x3099...0x309A,
             0xF900...0xFAFF, 0xFB1D...0xFB4F, 0xFE20...0xFE2F, 0x1D15E...0x1D1C0,
             0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
