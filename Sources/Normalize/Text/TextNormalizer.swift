import Foundation

/// White-space collapsing and Unicode NFC for extracted text.
public enum TextNormalizer {
    /// Collapses every run of white space (ASCII, no-break and the Unicode space separators)
    /// into one space, drops invisible format characters (zero-width space, BOM, soft hyphen)
    /// and trims both ends. Input is UTF-8 already repaired by the charset stage.
    public static func collapse(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                index += 1
                continue
            }
            if byte >= 0xC2 {
                let width = spaceWidth(bytes, index)
                if width > 0 {
                    pendingSpace = true
                    index += width
                    continue
                }
                let invisible = invisibleWidth(bytes, index)
                if invisible > 0 {
                    index += invisible
                    continue
                }
            }
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Width of a multi-byte space separator at `index`, or 0.
    @inline(__always)
    static func spaceWidth(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }
        guard index + 2 < bytes.endIndex else { return 0 }
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
    static func invisibleWidth(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xAD { return 2 }
        guard index + 2 < bytes.endIndex else { return 0 }
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

    static func isTriviallyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            let value = scalar.value
            if value <= 0x36F { return false }
            if (0x1100...0x11FF).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0x2F800...0x2FA1F).contains(value) || value == 0x2126 || value == 0x212A
                || value == 0x212B || (0x0340...0x0344).contains(value) || value == 0x0374
                || value == 0x037E || value == 0x0387 {
                return false
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: continue
            }
        }
        return true
    }
}
