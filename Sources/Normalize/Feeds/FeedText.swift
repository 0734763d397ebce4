import Foundation

/// Turns the text fields feeds fill with HTML (titles, author names, categories) into plain text.
enum FeedText {
    /// Text kept as it is but for white space: runs collapsed to one space, ends trimmed.
    static func collapsedText(_ text: String) -> String? {
        if isCollapsed(text) { return text }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Whether `text` is non-empty and already collapsed: no tab or line break, no space at
    /// either end or after another (one pass over the bytes; most titles are, and splitting
    /// and joining them was a tenth of Atom parsing).
    static func isCollapsed(_ text: String) -> Bool {
        var previousSpace = true  // a space first is not collapsed
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return false
            case UInt8(ascii: " "):
                if previousSpace { return false }
                previousSpace = true
            default: previousSpace = false
            }
        }
        return !previousSpace  // empty, or a space last
    }

    /// Trims ASCII whitespace at both ends; nil when nothing is left. (Byte-level: Foundation's
    /// `trimmingCharacters(in:)` dominated parse time.)
    static func trimmed(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isASCIISpace($0) }) else { return nil }
        let last = utf8.lastIndex(where: { !isASCIISpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }

    /// Whether `text` holds `://` (a guid or id that is a URL). On bytes: `String.contains`
    /// with a string argument goes through Foundation's locale-aware search.
    static func containsSchemeSeparator(_ text: String) -> Bool {
        var state = 0
        for byte in text.utf8 {
            switch (state, byte) {
            case (_, UInt8(ascii: ":")): state = 1
            case (1, UInt8(ascii: "/")): state = 2
            case (2, UInt8(ascii: "/")): return true
            default: state = 0
            }
        }
        return false
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// Whether `text` needs no tag stripping, reference decoding or whitespace collapsing.
    private static func isAlreadyPlain(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 9, 10, 13, 0x80...: return false
            case 32:
                if previousWasSpace { return false }
                previousWasSpace = true
            default:
                previousWasSpace = false
            }
        }
        return !previousWasSpace
    }

    /// Strips tags, decodes character references and collapses whitespace. For fields meant as
    /// plain text that feeds nonetheless fill with `<b>…</b>` or double-escaped `&amp;#8217;`.
    static func plain(_ text: String) -> String? {
        if isAlreadyPlain(text) { return text }
        if let ascii = plainASCII(text) { return ascii.isEmpty ? nil : ascii }
        return plainScalars(text)
    }

    /// `plain` for any text, scalar by scalar.
    static func plainScalars(_ text: String) -> String? {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var iterator = text.unicodeScalars.makeIterator()
        var pendingSpace = false
        var tag: String.UnicodeScalarView? = nil
        var reference: String? = nil
        func emit(_ s: String) {
            if pendingSpace && !output.isEmpty { output += " " }
            pendingSpace = false
            output += s
        }
        while let scalar = iterator.next() {
            if var current = tag {
                if scalar == ">" {
                    tag = nil
                    pendingSpace = pendingSpace || isBlockTag(String(current))
                } else {
                    current.append(scalar)
                    tag = current
                }
                continue
            }
            if var current = reference {
                if scalar == ";" {
                    reference = nil
                    emit(decodeReference(current) ?? "&\(current);")
                } else if current.count < 12, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" {
                    current.unicodeScalars.append(scalar)
                    reference = current
                } else {
                    reference = nil
                    emit("&" + current)
                    if scalar.properties.isWhitespace { pendingSpace = true } else { emit(String(scalar)) }
                }
                continue
            }
            switch scalar {
            case "<":
                // Only `<` followed by a letter, `/` or `!` opens a tag; `a < b` stays text.
                if let next = iterator.next() {
                    if next.properties.isAlphabetic || next == "/" || next == "!" {
                        tag = String.UnicodeScalarView([next])
                    } else {
                        emit("<")
                        if next.properties.isWhitespace { pendingSpace = true } else { emit(String(next)) }
                    }
                } else {
                    emit("<")
                }
            case "&":
                reference = ""
            default:
                if scalar.isASCII ? isASCIISpace(UInt8(scalar.value)) : scalar.properties.isWhitespace {
                    pendingSpace = true
                } else {
                    emit(String(scalar))
                }
            }
        }
        if let reference { emit("&" + reference) }
        return output.isEmpty ? nil : output
    }

    /// `plain` for text that is all ASCII (titles with `&amp;`, `<b>`), on bytes: the general
    /// path builds a string per scalar. Follows the general path rule for rule (what opens a
    /// tag or a reference, what ends one, which byte is emitted as it is). Nil for non-ASCII.
    static func plainASCII(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }
        func emit(_ string: String) {
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(contentsOf: string.utf8)
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        // Unicode's White_Space among ASCII: tab, LF, VT, FF, CR and space.
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var tag: [UInt8]? = nil
        var reference: [UInt8]? = nil
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if var current = tag {
                if byte == UInt8(ascii: ">") {
                    tag = nil
                    pendingSpace = pendingSpace || isBlockTag(String(decoding: current, as: UTF8.self))
                } else {
                    current.append(byte)
                    tag = current
                }
                continue
            }
            if var current = reference {
                if byte == UInt8(ascii: ";") {
                    reference = nil
                    let name = String(decoding: current, as: UTF8.self)
                    emit(decodeReference(name) ?? "&\(name);")
                } else if current.count < 12, isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "#") {
                    current.append(byte)
                    reference = current
                } else {
                    reference = nil
                    emit(UInt8(ascii: "&"))
                    output.append(contentsOf: current)
                    if isWhitespace(byte) { pendingSpace = true } else { emit(byte) }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                if let next = iterator.next() {
                    if isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") {
                        tag = [next]
                    } else {
                        emit(UInt8(ascii: "<"))
                        if isWhitespace(next) { pendingSpace = true } else { emit(next) }
                    }
                } else {
                    emit(UInt8(ascii: "<"))
                }
            case UInt8(ascii: "&"):
                reference = []
            default:
                if isASCIISpace(byte) { pendingSpace = true } else { emit(byte) }
            }
        }
        if let reference {
            emit(UInt8(ascii: "&"))
            output.append(contentsOf: reference)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isBlockTag(_ tag: String) -> Bool {
        let name = tag.lowercased().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        return ["br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"].contains(String(name))
    }

    /// `amp`, `#8217`, `#x2019` → the character.
    static func decodeReference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32? =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(scalar)
        }
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: return HTMLEntities.character(named: name)
        }
    }
}
