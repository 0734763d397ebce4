/// Where the charset of a document came from.
public enum CharsetSource: String, Sendable, Codable {
    /// A UTF-8 or UTF-16 byte order mark.
    case byteOrderMark
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case httpHeader
    /// `<meta charset>` or `<meta http-equiv="Content-Type">`.
    case metaTag
    /// Nothing was declared: valid UTF-8, else windows-1252.
    case detected
}

/// Decides the character encoding of an HTML document: byte order mark, then the HTTP
/// `Content-Type` header, then `<meta charset>` / `http-equiv`, then detection (valid UTF-8,
/// else windows-1252). A BOM goes first, as in the WHATWG encoding-sniffing algorithm,
/// because it cannot be there by accident while headers are often server defaults.
public enum CharsetDetector {
    /// The canonical charset name (an iconv name) and its source.
    public static func detect(_ bytes: [UInt8], contentType: String?) -> (charset: String, source: CharsetSource) {
        bytes.withUnsafeBufferPointer { detect($0, contentType: contentType) }
    }

    /// ``detect(_:contentType:)`` on bytes held elsewhere (a page's `Data`), without a copy.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> (charset: String, source: CharsetSource) {
        if let bom = byteOrderMark(bytes) { return (bom.charset, .byteOrderMark) }
        if let contentType, let label = charsetParameter(Array(contentType.utf8)[...]),
           let charset = canonical(label) {
            return (guardLegacy(charset, bytes), .httpHeader)
        }
        if let label = metaCharset(bytes), let charset = canonical(label) {
            return (guardLegacy(charset, bytes), .metaTag)
        }
        return (UTF8Repair.isValid(bytes) ? "UTF-8" : "WINDOWS-1252", .detected)
    }

    /// Pages that declare a legacy charset (Latin-1, Latin-2, windows-1251, Shift_JIS, …) yet
    /// are valid UTF-8 with multi-byte sequences were saved as UTF-8 by a CMS with a stale
    /// template or header; decoding them as declared would make mojibake ("PaweĹ" for
    /// "Paweł"). Legacy text almost never forms valid multi-byte UTF-8 by chance: every byte
    /// above 0x7F would have to fall into UTF-8's lead and continuation pattern.
    static func guardLegacy(_ charset: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard charset != "UTF-8", !charset.hasPrefix("UTF-16") else { return charset }
        return UTF8Repair.isValid(bytes) && UTF8Repair.hasMultibyte(bytes) ? "UTF-8" : charset
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> (charset: String, length: Int)? {
        bytes.withUnsafeBufferPointer { byteOrderMark($0) }
    }

    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (charset: String, length: Int)? {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return ("UTF-8", 3)
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return ("UTF-16LE", 2) }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// The value of `charset=` in a `Content-Type`-like string.
    static func charsetParameter(_ bytes: ArraySlice<UInt8>) -> String? {
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var index = 0
        while index + key.count <= lowered.count {
            if lowered[index..<index + key.count].elementsEqual(key) {
                var cursor = index + key.count
                while cursor < lowered.count && lowered[cursor] == 0x20 { cursor += 1 }
                guard cursor < lowered.count, lowered[cursor] == UInt8(ascii: "=") else {
                    index += 1
                    continue
                }
                cursor += 1
                while cursor < lowered.count && (lowered[cursor] == 0x20 || lowered[cursor] == 0x22
                    || lowered[cursor] == 0x27) { cursor += 1 }
                var end = cursor
                while end < lowered.count, isLabelByte(lowered[end]) { end += 1 }
                guard end > cursor else { return nil }
                return String(decoding: lowered[cursor..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            || byte == 0x5F || byte == 0x2E || byte == 0x3A
    }

    /// Scans the first 8 KiB for a `<meta>` tag declaring a charset (both the HTML5
    /// `charset` attribute and the `http-equiv` `content` form carry `charset=`).
    static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, 8192)
        var index = 0
        while index + 5 < limit {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "m"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "e"), bytes[index + 3] | 0x20 == UInt8(ascii: "t"),
               bytes[index + 4] | 0x20 == UInt8(ascii: "a") {
                var end = index + 5
                while end < limit && bytes[end] != UInt8(ascii: ">") { end += 1 }
                if let label = charsetParameter(ArraySlice(bytes[index..<end])) { return label }
                index = end
            }
            index += 1
        }
        return nil
    }

    /// Maps a charset label to the name iconv knows, following the WHATWG label table where
    /// browsers deliberately widen a legacy label (Latin-1 is really windows-1252, GB2312 is
    /// really GBK/GB18030, EUC-KR is really windows-949).
    public static func canonical(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252",
             "cp1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819", "ansi_x3.4-1968":
            return "WINDOWS-1252"
        case "utf-16", "utf-16le", "unicode", "ucs-2": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "gb2312", "gbk", "gb18030", "x-gbk", "chinese", "csgb2312", "iso-ir-58": return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5": return "BIG5-HKSCS"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932":
            return "CP932"
        case "euc-jp", "x-euc-jp": return "EUC-JP"
        case "iso-2022-jp": return "ISO-2022-JP"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949", "korean": return "CP949"
        case "tis-620", "iso-8859-11", "windows-874", "dos-874": return "CP874"
        case "iso-8859-9", "latin5", "windows-1254", "cp1254": return "CP1254"
        case "koi8-r", "koi8": return "KOI8-R"
        case "koi8-u": return "KOI8-U"
        default: break
        }
        let upper = label.uppercased()
        if upper.hasPrefix("WINDOWS-125"), upper.count == 12 { return "CP" + upper.suffix(4) }
        if upper.hasPrefix("ISO-8859-") || upper.hasPrefix("ISO8859-") {
            let number = upper.split(separator: "-").last.map(String.init) ?? ""
            guard let value = Int(number), (2...16).contains(value) else { return nil }
            return "ISO-8859-\(value)"
        }
        if upper.hasPrefix("CP"), Int(upper.dropFirst(2)) != nil { return upper }
        return nil
    }
}
