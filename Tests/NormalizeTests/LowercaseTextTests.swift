import Testing
@testable import Normalize

/// `LowercaseText` must give exactly what `String.lowercased()` gives.
@Suite("Lowercase text matches lowercased()", .timeLimit(.minutes(1)))
struct LowercaseTextTests {
    /// Copying a scalar that does not change when lower-cased, and mapping the others, is
    /// what `lowercased()` does for every scalar, alone and between others.
    @Test func matchesLowercasedForEveryScalar() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(Character(scalar)) + "Z"
            if !LowercaseText.of(text).unicodeScalars.elementsEqual(text.lowercased().unicodeScalars) {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test(arguments: [
        "", "plain ascii", "MIXED Case ASCII:", "İstanbul’da DÜŞÜNCE", "STRASSE ẞ ß", "ΟΔΥΣΣΕΥΣ", "\u{212A}ELVIN \u{212B}",
        "E\u{301}TE\u{301} É", "東京 ＡＢＣ", "👩‍👩‍👧 🇫🇷 FAMILY", "\u{10400}\u{10428} DESERET", "Ⅻ Ⓐ »NEXT« →",
    ])
    func matchesLowercased(_ text: String) {
        #expect(Array(LowercaseText.of(text).unicodeScalars) == Array(text.lowercased().unicodeScalars))
    }

    @Test func matchesLowercasedOnRandomText() {
        for text in ExtractionHotPathTests.randomTexts(count: 3000, seed: 29) {
            #expect(Array(LowercaseText.of(text).unicodeScalars) == Array(text.lowercased().unicodeScalars),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
