import Testing
@testable import Normalize

/// The eight-bytes-at-a-time copy of `BlankRuns` must write what the byte-by-byte one writes.
@Suite("Blank runs")
struct BlankRunsTests {
    static func both(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (fast: [UInt8], plain: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            let source = buffer.baseAddress! + start
            let fast = [UInt8](unsafeUninitializedCapacity: max(end - start, 1)) { target, written in
                written = BlankRuns.copy(source, end - start, to: target.baseAddress!)
            }
            let plain = [UInt8](unsafeUninitializedCapacity: max(end - start, 1)) { target, written in
                written = BlankRuns.plain(source, end - start, to: target.baseAddress!)
            }
            return (fast, plain)
        }
    }

    @Test func shortensEveryRunOfBlanksToItsFirstByte() {
        let text = Array("  Hello,\t\tworld \r\n and\u{B}\u{B} so   far 東京  é \n".utf8)
        let copied = Self.both(text, 0, text.count).fast
        #expect(String(decoding: copied, as: UTF8.self) == " Hello,\tworld and\u{B}\u{B} so far 東京 é ")
    }

    @Test func matchesTheByteByByteCopyOnEveryRange() {
        // Pieces chosen so that runs straddle word boundaries: blanks of every kind, bytes just
        // outside the blank set, letters of one to four bytes.
        let pieces = ["a", "Zz", "word", " ", " ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{8}", "\u{1F}",
                      "!", "é", "東", "😀", "\u{7F}", "\u{A0}"]
        for bytes in PieceTexts.samples(pieces, count: 400, piecesPerText: 28, seed: 0x9E37_79B9_7F4A_7C15) {
            for start in 0..<min(bytes.count, 9) {
                for end in stride(from: start, through: bytes.count, by: 3) {
                    let copies = Self.both(bytes, start, end)
                    #expect(copies.fast == copies.plain)
                }
            }
        }
    }
}
