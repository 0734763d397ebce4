import Foundation

/// Catches the two ways a feed's declared encoding commonly lies, before libxml2 reads it:
///
/// - declared (or defaulted to) UTF-8, but the bytes are not valid UTF-8 → read as windows-1252
///   (a superset of ISO-8859-1 that every legacy Western CMS actually emits);
/// - declared ISO-8859-1 / windows-1252 / US-ASCII, but the bytes are valid UTF-8 with non-ASCII
///   characters → read as UTF-8 (valid multi-byte UTF-8 is vanishingly unlikely in real Latin-1 text).
///
/// Other declared encodings (and UTF-16 with a byte order mark) are left to libxml2.
enum EncodingCheck {
    struct Override {
        var encoding: String
        var warning: String
    }

    static func override(for data: Data) -> Override? {
        let head = data.prefix(1024)
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return nil }
        let declared = declaredEncoding(head)?.lowercased()
        let (valid, hasNonASCII) = data.withUnsafeBytes { utf8Status($0.bindMemory(to: UInt8.self)) }
        switch declared {
        case nil, "utf-8", "utf8":
            guard !valid else { return nil }
            return Override(
                encoding: "windows-1252",
                warning: "declared encoding \(declared ?? "UTF-8 (default)") but the bytes are not UTF-8; read as windows-1252")
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii":
            guard valid && hasNonASCII else { return nil }
            return Override(encoding: "UTF-8", warning: "declared encoding \(declared!) but the bytes are UTF-8; read as UTF-8")
        default:
            return nil
        }
    }

    /// The `encoding` pseudo-attribute of the XML declaration.
    static func declaredEncoding(_ head: Data) -> String? {
        guard let text = String(bytes: head.prefix(300), encoding: .isoLatin1), text.hasPrefix("<?xml")
            || text.hasPrefix("\u{FEFF}<?xml") || text.hasPrefix("\u{EF}\u{BB}\u{BF}<?xml")
        else { return nil }
        guard let declarationEnd = text.range(of: "?>") else { return nil }
        let declaration = text[..<declarationEnd.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop(while: { $0 == " " || $0 == "=" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix(while: { $0 != quote }))
    }

    /// Whether the bytes are valid UTF-8, and whether any is outside ASCII.
    static func utf8Status(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, hasNonASCII: Bool) {
        var index = 0
        var hasNonASCII = false
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // Eight ASCII bytes at a time: feeds are mostly ASCII markup.
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            hasNonASCII = true
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return (false, true)
            }
            guard index + length <= count else { return (false, true) }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return (false, true) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return (false, true) }
            minimum = 0
            index += length
        }
        return (true, hasNonASCII)
    }
}
