public import Foundation

/// What a document looks like from its first bytes, without parsing it: enough to send it to
/// the feed parser or the sitemap parser, or to refuse an HTML page early.
public enum DocumentKind: Sendable, Equatable {
    /// JSON (a JSON Feed, or other JSON).
    case json
    /// XML whose root element has this local name and namespace URI (nil when unprefixed and no
    /// default namespace is declared on the root).
    case xml(root: String, namespace: String?)
    /// An HTML page (a doctype or root `html`).
    case html
    /// Nothing but whitespace.
    case empty
    /// Gzip-compressed bytes (inflate, then sniff again).
    case gzip
    /// None of the above.
    case unknown

    /// Looks at the start of `data` (up to 64 KiB).
    public static func sniff(_ data: Data) -> DocumentKind {
        if GzipChunkSource.isCompressed(data) { return .gzip }
        let prefix = data.prefix(65_536)
        return prefix.withUnsafeBytes { raw in sniff(bytes: raw.bindMemory(to: UInt8.self)) }
    }

    static func sniff(bytes: UnsafeBufferPointer<UInt8>) -> DocumentKind {
        var index = 0
        // UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        // UTF-16 documents are XML here (JSON Feed is UTF-8 only).
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            return .xml(root: "", namespace: nil)
        }
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return .empty }
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return .json }
            guard byte == UInt8(ascii: "<") else { return .unknown }
            guard index + 1 < bytes.count else { return .unknown }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") {
                guard let end = find("?>", in: bytes, from: index) else { return .unknown }
                index = end + 2
            } else if next == UInt8(ascii: "!") {
                if starts(with: "<!--", bytes, at: index) {
                    guard let end = find("-->", in: bytes, from: index + 4) else { return .unknown }
                    index = end + 3
                } else if startsCaseInsensitive(with: "<!doctype html", bytes, at: index) {
                    return .html
                } else {
                    // A doctype, possibly with an internal subset in brackets.
                    var depth = 0
                    var cursor = index + 2
                    while cursor < bytes.count {
                        let c = bytes[cursor]
                        if c == UInt8(ascii: "[") { depth += 1 }
                        if c == UInt8(ascii: "]") { depth -= 1 }
                        if c == UInt8(ascii: ">") && depth <= 0 { break }
                        cursor += 1
                    }
                    guard cursor < bytes.count else { return .unknown }
                    index = cursor + 1
                }
            } else {
                return rootElement(bytes, at: index + 1)
            }
        }
    }

    private static func rootElement(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> DocumentKind {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") {
            end += 1
        }
        let qualified = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let parts = qualified.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : nil
        let local = String(parts.last ?? "")
        if local.lowercased() == "html" && prefix == nil { return .html }
        // The namespace declaration for the root's prefix, from the start tag's attributes.
        var tagEnd = end
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
        let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<tagEnd]), as: UTF8.self)
        let attribute = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        return .xml(root: local, namespace: attributeValue(attribute, in: tag))
    }

    private static func attributeValue(_ name: String, in tag: String) -> String? {
        var search = tag[...]
        while let range = search.range(of: name) {
            var rest = search[range.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            search = search[range.upperBound...]
            // `xmlns` must be followed by `=`, not be the start of `xmlns:x`.
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            let value = rest.dropFirst().prefix(while: { $0 != quote })
            return String(value)
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    private static func find(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = from
        while index + pattern.count <= bytes.count {
            if starts(with: needle, bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func starts(with text: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private static func startsCaseInsensitive(with text: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
        -> Bool
    {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() {
            let candidate = bytes[index + offset]
            let lowered = candidate >= 65 && candidate <= 90 ? candidate + 32 : candidate
            if lowered != byte { return false }
        }
        return true
    }
}
