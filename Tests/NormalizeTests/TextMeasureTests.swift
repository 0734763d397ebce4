import Testing
@testable import Normalize

/// The eight-bytes-at-a-time count of `TextMeasure` must equal the byte-by-byte one.
@Suite("Text measure")
struct TextMeasureTests {
    static func both(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (fast: [Int32], plain: [Int32]) {
        bytes.withUnsafeBufferPointer { buffer in
            let fast = TextMeasure.measure(buffer, start, end), plain = TextMeasure.plain(buffer, start, end)
            return ([fast.chars, fast.commas], [plain.chars, plain.commas])
        }
    }

    @Test func countsCharactersAndCommas() {
        let text = Array("Hello,\tworld \r\n and, \u{B}so 東京、大阪，京都 é".utf8)
        #expect(Self.both(text, 0, text.count).fast == [26, 4])
    }

    @Test func matchesTheByteByByteCountOnEveryRange() {
        // Pieces chosen to straddle word boundaries: blanks of every kind, commas of three
        // widths, multi-byte letters, and bytes just outside the blank range.
        let pieces = ["a", "Zz", ",", " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{8}", "\u{E}", "\u{1F}",
                      "，", "、", "é", "東", "😀", "~", "\u{7F}"]
        for bytes in PieceTexts.samples(pieces, count: 400, piecesPerText: 24, seed: 0x2545_F491_4F6C_DD1D) {
            for start in stride(from: 0, to: min(bytes.count, 9), by: 1) {
                for end in stride(from: start, through: bytes.count, by: 3) {
                    let counts = Self.both(bytes, start, end)
                    #expect(counts.fast == counts.plain)
                }
            }
        }
    }
}
