/// Counts a text node's characters (UTF-8 lead bytes that are not white space) and commas
/// (`,`, the fullwidth `，` and the ideographic `、`) for `PageAnalysis`.
///
/// Every text byte of the page passes through here, so ASCII is taken eight bytes at a time:
/// blanks and commas are found in a 64-bit word by byte-wise compares without branches, and
/// a word holding any non-ASCII byte is counted byte by byte, exactly as `plain` does.
enum TextMeasure {
    /// Characters and commas in `text[start..<end]`.
    static func measure(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (chars: Int32, commas: Int32) {
        var chars: Int32 = 0, commas: Int32 = 0
        var position = start
        let raw = UnsafeRawBufferPointer(text)
        while position + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            if word & high != 0 {
                for offset in position..<position + 8 { step(text, offset, end, &chars, &commas) }
            } else {
                let space = zeroBytes(word ^ 0x2020_2020_2020_2020)
                // Bytes 0x09...0x0D: at least 9 and below 14 (no carry crosses a byte in ASCII).
                let control = (word &+ 0x7777_7777_7777_7777) & ~(word &+ 0x7272_7272_7272_7272) & high
                chars &+= 8 &- Int32((space | control).nonzeroBitCount)
                commas &+= Int32(zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C).nonzeroBitCount)
            }
            position += 8
        }
        while position < end {
            step(text, position, end, &chars, &commas)
            position += 1
        }
        return (chars, commas)
    }

    /// The same counts, byte by byte: the reference `measure` is tested against.
    static func plain(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (chars: Int32, commas: Int32) {
        var chars: Int32 = 0, commas: Int32 = 0
        for position in start..<end { step(text, position, end, &chars, &commas) }
        return (chars, commas)
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in every byte of `word` that is zero, nothing elsewhere.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    @inline(__always)
    private static func step(_ text: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int,
                             _ chars: inout Int32, _ commas: inout Int32) {
        let byte = text[position]
        guard byte & 0xC0 != 0x80 && !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) else { return }
        chars &+= 1
        if byte == 0x2C { commas &+= 1 }
        // Fullwidth and ideographic commas: U+FF0C, U+3001.
        if byte == 0xEF || byte == 0xE3, position + 2 < end {
            let second = text[position + 1], third = text[position + 2]
            if (byte == 0xEF && second == 0xBC && third == 0x8C) || (byte == 0xE3 && second == 0x80 && third == 0x81) {
                commas &+= 1
            }
        }
    }
}
