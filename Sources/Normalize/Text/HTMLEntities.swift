internal import CLibXML2

/// HTML character references, by name from libxml2's HTML entity table (`&nbsp;`, `&mdash;`,
/// `&Eacute;` …): for feeds written without a DTD, where libxml2 reports them as undeclared
/// entities, and for text that was escaped twice — a CMS puts `Here&amp;#8217;s` or
/// `&amp;quot;` in a meta value or a JSON-LD headline, the HTML parser undoes one level, and
/// `Here&#8217;s` would reach the record.
enum HTMLEntities {
    /// The character an HTML entity name stands for (case-sensitive, as HTML is).
    static func character(named name: String) -> String? {
        guard let value = scalar(named: Array(name.utf8)[...]) else { return nil }
        return String(Character(value))
    }

    private static func scalar(named name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard !name.isEmpty, name.count <= longest else { return nil }
        let terminated = Array(name) + [0]
        let value = terminated.withUnsafeBufferPointer { buffer in htmlEntityLookup(buffer.baseAddress)?.pointee.value }
        return value.flatMap { $0 == 0 ? nil : Unicode.Scalar($0) }
    }

    /// Longest reference read (`&thetasym;`, `&#x1F600;`).
    static let longest = 10

    /// `text` with its character references decoded, once; text without `&` comes back as is.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, let (scalar, length) = reference(bytes, at: index) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar of the reference starting at `start` (an `&`) and its length with the `;`.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        let end = min(bytes.count, start + longest + 2)
        guard let semicolon = bytes[(start + 1)..<end].firstIndex(of: 0x3B), semicolon > start + 1 else { return nil }
        let body = bytes[(start + 1)..<semicolon]
        var value: UInt32?
        if body.first == 0x23 {
            let digits = body.dropFirst()
            if let first = digits.first, first == 0x78 || first == 0x58 {
                value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
            } else {
                value = UInt32(String(decoding: digits, as: UTF8.self), radix: 10)
            }
        } else if body.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }) {
            value = scalar(named: body)?.value
        }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, semicolon - start + 1)
    }
}
