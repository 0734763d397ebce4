/// A short text cut into the pieces dates are made of: numbers, words and the punctuation
/// between them, read straight from UTF-8 bytes.
///
/// Dates in visible text are a handful of tokens ("18", ".", "November", "2019"); matching
/// patterns over tokens keeps every language's word order in one small table of shapes
/// instead of a regular expression per language and per format.
struct DateTokens {
    enum Kind: UInt8 {
        case number
        case word
        /// A punctuation byte (`.`, `/`, `-`, `,`, `:`), or `Y`/`M`/`D` for 年月日 and 년월일.
        case mark
    }

    struct Token {
        var kind: Kind
        /// Number: its value. Mark: the byte. Word: 0.
        var value: Int
        /// Number: count of digits. Word: byte length.
        var length: Int
        /// Byte offset of the token in the text.
        var start: Int
        /// White space right before the token.
        var spaced: Bool
    }

    private(set) var tokens: [Token] = []
    let bytes: ArraySlice<UInt8>

    /// Tokenizes at most `limit` tokens of `bytes`.
    init(_ bytes: ArraySlice<UInt8>, limit: Int = 400) {
        self.bytes = bytes
        // Datelines average a token per three or four bytes: one allocation instead of the
        // array's doubling from one (a sixth of tokenising).
        tokens.reserveCapacity(min(limit, bytes.count / 3 + 4))
        var index = bytes.startIndex
        var spaced = false
        while index < bytes.endIndex && tokens.count < limit {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 || Self.nativeDigit(bytes, index) != nil {
                // ASCII digits, or another script's (`nativeDigit`).
                let start = index
                var value = 0
                var count = 0
                while index < bytes.endIndex {
                    let digit: UInt8
                    if bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                        digit = bytes[index] - 0x30
                        index += 1
                    } else if let native = Self.nativeDigit(bytes, index) {
                        digit = native.value
                        index += native.width
                    } else {
                        break
                    }
                    if count < 12 { value = value * 10 + Int(digit) }
                    count += 1
                }
                tokens.append(Token(kind: .number, value: value, length: count, start: start, spaced: spaced))
                spaced = false
            } else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
                spaced = true
                index += 2
            } else if Self.isLetter(byte) {
                if let mark = Self.cjkMark(bytes, index) {
                    tokens.append(Token(kind: .mark, value: Int(mark), length: 3, start: index, spaced: spaced))
                    index += 3
                    spaced = false
                    continue
                }
                let start = index
                while index < bytes.endIndex, Self.isLetter(bytes[index]), Self.cjkMark(bytes, index) == nil,
                      Self.nativeDigit(bytes, index) == nil,
                      !(bytes[index] == 0xC2 && index + 1 < bytes.endIndex && bytes[index + 1] == 0xA0) {
                    index += 1
                }
                tokens.append(Token(kind: .word, value: 0, length: index - start, start: start, spaced: spaced))
                spaced = false
            } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                spaced = true
                index += 1
            } else {
                tokens.append(Token(kind: .mark, value: Int(byte), length: 1, start: index, spaced: spaced))
                spaced = false
                index += 1
            }
        }
    }

    /// The bytes of a word token.
    func word(_ token: Token) -> ArraySlice<UInt8> { bytes[token.start..<token.start + token.length] }

    /// ASCII letters and every byte of a multi-byte UTF-8 character (non-Latin letters and
    /// accented ones alike; the no-break space is caught before).
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    /// The value and byte width of a digit of another script at `index`: Arabic-Indic
    /// (U+0660..., D9 A0...A9) and Persian (U+06F0..., DB B0...B9); the Indic scripts, whose ten
    /// digits all end in E0 xx A6...AF (Devanagari A5, Bengali A7, Gurmukhi A9, Gujarati AB,
    /// Odia AD, Tamil AF, Telugu B1, Kannada B3, Malayalam B5); Thai (U+0E50..., E0 B9 90...99).
    @inline(__always)
    static func nativeDigit(_ bytes: ArraySlice<UInt8>, _ index: Int) -> (value: UInt8, width: Int)? {
        let lead = bytes[index]
        guard lead == 0xD9 || lead == 0xDB || lead == 0xE0, index + 1 < bytes.endIndex else { return nil }
        let second = bytes[index + 1]
        if lead == 0xD9 { return second >= 0xA0 && second <= 0xA9 ? (second - 0xA0, 2) : nil }
        if lead == 0xDB { return second >= 0xB0 && second <= 0xB9 ? (second - 0xB0, 2) : nil }
        guard index + 2 < bytes.endIndex else { return nil }
        let third = bytes[index + 2]
        if second == 0xB9 { return third >= 0x90 && third <= 0x99 ? (third - 0x90, 3) : nil }
        guard second >= 0xA5, second <= 0xB5, second & 1 == 1, third >= 0xA6, third <= 0xAF else { return nil }
        return (third - 0xA6, 3)
    }

    /// 年 月 日 (E5 B9 B4, E6 9C 88, E6 97 A5) and 년 월 일 (EB 85 84, EC 9B 94, EC 9D BC).
    private static func cjkMark(_ bytes: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        guard index + 2 < bytes.endIndex else { return nil }
        switch (bytes[index], bytes[index + 1], bytes[index + 2]) {
        case (0xE5, 0xB9, 0xB4), (0xEB, 0x85, 0x84): return UInt8(ascii: "Y")
        case (0xE6, 0x9C, 0x88), (0xEC, 0x9B, 0x94): return UInt8(ascii: "M")
        case (0xE6, 0x97, 0xA5), (0xEC, 0x9D, 0xBC): return UInt8(ascii: "D")
        default: return nil
        }
    }
}
