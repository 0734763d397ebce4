/// UTF-8 validation and repair: every ill-formed sequence becomes U+FFFD (the WHATWG
/// "maximal subpart" rule) and NUL bytes are dropped, so libxml2 never sees bytes that would
/// make it guess a different encoding mid-document.
enum UTF8Repair {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool { isWellFormed(buffer, allowingNUL: true) }

    static func hasMultibyte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    /// Valid UTF-8 without NUL bytes: what ``repair(_:)`` returns untouched.
    static func isClean(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool { isWellFormed(buffer, allowingNUL: false) }

    /// The one scan behind ``isValid(_:)`` and ``isClean(_:)``.
    @inline(__always)
    private static func isWellFormed(_ buffer: UnsafeBufferPointer<UInt8>, allowingNUL: Bool) -> Bool {
        var index = 0
        let raw = UnsafeRawBufferPointer(buffer)
        while index < buffer.count {
            // 32 ASCII bytes at a time (four words, one branch), then eight: no high bit set
            // (and no zero byte, unless allowed).
            while index + 32 <= buffer.count {
                let a = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                let d = raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                var flagged = (a | b | c | d) & 0x8080_8080_8080_8080
                if !allowingNUL {
                    flagged |= ((a &- 0x0101_0101_0101_0101) & ~a) | ((b &- 0x0101_0101_0101_0101) & ~b)
                        | ((c &- 0x0101_0101_0101_0101) & ~c) | ((d &- 0x0101_0101_0101_0101) & ~d)
                }
                if flagged & 0x8080_8080_8080_8080 != 0 { break }
                index += 32
            }
            while index + 8 <= buffer.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasHigh = word & 0x8080_8080_8080_8080
                let hasZero = allowingNUL ? 0 : (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if hasHigh | hasZero != 0 { break }
                index += 8
            }
            guard index < buffer.count else { break }
            let byte = buffer[index]
            if byte == 0 && !allowingNUL { return false }
            if byte < 0x80 { index += 1; continue }
            let width = sequenceWidth(buffer, index)
            if width == 0 { return false }
            index += width
        }
        return true
    }

    /// Valid UTF-8 with NULs removed; returns the input untouched when nothing needs fixing.
    static func repair(_ bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.withUnsafeBufferPointer { isClean($0) }
        if clean { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0 { index += 1; continue }
                if byte < 0x80 { output.append(byte); index += 1; continue }
                let width = sequenceWidth(buffer, index)
                if width == 0 {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    index += max(1, validPrefix(buffer, index))
                } else {
                    output.append(contentsOf: buffer[index..<index + width])
                    index += width
                }
            }
        }
        return output
    }

    /// Length of the well-formed sequence starting at `index`, or 0 if ill-formed.
    @inline(__always)
    static func sequenceWidth(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = buffer[index]
        let remaining = buffer.count - index
        func continuation(_ offset: Int) -> Bool { buffer[index + offset] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return remaining >= 2 && continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard remaining >= 3, continuation(1), continuation(2) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }
            if lead == 0xED && second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard remaining >= 4, continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = buffer[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// How many bytes of an ill-formed sequence form its maximal valid prefix.
    private static func validPrefix(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = buffer[index]
        let expected: Int
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return 1
        }
        var count = 1
        while count < expected && index + count < buffer.count && buffer[index + count] & 0xC0 == 0x80 {
            count += 1
        }
        return count
    }
}
