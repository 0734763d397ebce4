import Foundation
import Testing
@testable import Normalize

/// `WhitespaceTrim` must trim exactly what Foundation's `trimmingCharacters(in:
/// .whitespacesAndNewlines)` trims.
@Suite("Whitespace trim matches Foundation", .timeLimit(.minutes(1)))
struct WhitespaceTrimTests {
    @Test func holdsTheScalarsOfFoundationsSet() {
        let set = CharacterSet.whitespacesAndNewlines
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhitespaceTrim.isTrimmed(scalar) != set.contains(scalar) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func holdsTheScalarsOfFoundationsSetWithoutNewlines() {
        let set = CharacterSet.whitespaces
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhitespaceTrim.isTrimmed(scalar, newlines: false) != set.contains(scalar) { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test(arguments: [
        "", " ", "\r\n", "https://example.com/a", "  https://example.com/a\n", "\u{A0}/path\u{3000}", "\u{200B}x\u{200B}",
        " \u{301}a ", "\u{FEFF}a", "a\u{0085}", "\u{2028}x\u{2029}", "\u{1680}b\u{180E}", "😀 ", "\t 👩‍👩‍👧 \u{B}\u{C}",
    ])
    func trimsAsFoundationDoes(_ text: String) {
        let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Array(WhitespaceTrim.trimmed(text).unicodeScalars) == Array(plain.unicodeScalars))
    }

    @Test func trimsAsFoundationDoesOnRandomText() {
        var random = SplitMix64(seed: 23)
        let pool: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", "\u{2007}", "\u{200B}",
                                      "\u{200C}", "\u{2028}", "\u{3000}", "\u{FEFF}", "\u{301}", "a", "/", "é", "\u{1F600}"]
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &random) { scalars.append(pool[Int.random(in: 0..<pool.count, using: &random)]) }
            let text = String(scalars)
            let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Array(WhitespaceTrim.trimmed(text).unicodeScalars) == Array(plain.unicodeScalars),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let spaces = text.trimmingCharacters(in: .whitespaces)
            #expect(Array(WhitespaceTrim.trimmed(text, newlines: false).unicodeScalars) == Array(spaces.unicodeScalars))
        }
    }
}
