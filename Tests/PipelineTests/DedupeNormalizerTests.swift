import Foundation
import Testing
@testable import Pipeline

@Suite("Dedupe text normalizer")
struct DedupeNormalizerTests {
    private func folded(_ text: String) -> String {
        String(decoding: TextNormalizer.normalize(text).bytes, as: UTF8.self)
    }

    @Test func foldsCasePunctuationDigitsQuotesAndWhitespace() {
        #expect(folded("Don’t STOP—the 2024 “vote”!\n\n  Now.") == "dont stop the 0000 vote now")
        #expect(folded("don't stop the 1999 \"vote\" now") == "dont stop the 0000 vote now")
        #expect(folded("don`t   stop\tthe 7 «vote» now") == "dont stop the 0 vote now")
    }

    @Test func foldsUnicodeForms() {
        // Full-width letters (NFKC), decomposed accents, non-Latin upper case.
        #expect(folded("ＡＢＣ ｄｅｆ") == "abc def")
        #expect(folded("Cafe\u{301} Ünïcode") == folded("café ünïcode"))
        #expect(folded("Café") == "café")
        #expect(folded("МОСКВА Σοφία") == "москва σοφία")
        // A soft hyphen joins; Arabic-Indic digits fold like ASCII ones.
        #expect(folded("infor\u{AD}mation ٢٠٢٤") == "information 0000")
    }

    @Test func splitsUnspacedScriptsIntoCharacters() {
        let text = TextNormalizer.normalize("東京で地震、ｉＰｈｏｎｅ")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "東 京 で 地 震 iphone")
        #expect(text.tokenCount == 6)
        #expect(text.isMostlyUnspaced)
    }

    @Test func tokenRangesCoverEachToken() {
        let text = TextNormalizer.normalize("  Alpha, beta-gamma  ")
        let tokens = zip(text.tokenStarts, text.tokenEnds).map {
            String(decoding: text.bytes[Int($0)..<Int($1)], as: UTF8.self)
        }
        #expect(tokens == ["alpha", "beta", "gamma"])
    }

    @Test func emptyAndSymbolOnlyTextsHaveNoTokens() {
        #expect(TextNormalizer.normalize("").tokenCount == 0)
        #expect(TextNormalizer.normalize(" — … © ★ ").tokenCount == 0)
        #expect(DedupeFingerprint(text: "!!!").shingleCount == 0)
    }

    @Test func fingerprintIgnoresCosmeticDifferences() {
        let a = DedupeFingerprint(text: "The Mayor said: “It’s over.” 12 people left.")
        let b = DedupeFingerprint(text: "the mayor said  it's over -- 99 people left")
        #expect(a.contentHash == b.contentHash)
        #expect(a.hashes == b.hashes)
        #expect(a.shingleCount == 6) // eight words, three-word shingles
    }

    @Test func fingerprintHashesAreSortedAndDistinct() {
        let fingerprint = DedupeFingerprint(text: String(repeating: "one two three four ", count: 50))
        #expect(fingerprint.shingleCount == 4)
        #expect(fingerprint.hashes == fingerprint.hashes.sorted())
        #expect(RadixSort.sortedUnique([5, 3, 5, 1, 0xFFFF_FFFF, 3, 0]) == [0, 1, 3, 5, 0xFFFF_FFFF])
    }
}
