import Foundation
import Testing
@testable import Normalize

/// `DateConvention` reads language tags and URLs on bytes when they are ASCII; the result must
/// be what Foundation's `replacingOccurrences` and `range(of:)` give.
@Suite("Date convention text helpers match Foundation", .timeLimit(.minutes(1)))
struct DateConventionTextTests {
    static let texts = [
        "", "en", "en_gb", "en-GB", "pt_BR_x", "__", "_", "zh_hant_tw", "é_à", "e\u{301}_x", "_\u{301}", "de_DE\u{301}",
        "https://www.example.co.uk/news", "http://a.b", "://", "a:/b://c", ":://x", "news.example.com/a://b", "no scheme",
        "https://exämple.de/x", "ftp:/\u{301}/x", "https:/\u{301}/a.b://c.d",
    ]

    @Test func hyphenatesAsFoundationDoes() {
        for text in Self.texts {
            #expect(Array(DateConvention.hyphenated(text).unicodeScalars)
                == Array(text.replacingOccurrences(of: "_", with: "-").unicodeScalars), "\(text)")
        }
    }

    @Test func findsTheSchemeAsFoundationDoes() {
        for text in Self.texts {
            let plain = text.range(of: "://").map { String(text[$0.upperBound...]) }
            #expect(DateConvention.afterScheme(text).map(String.init) == plain, "\(text)")
        }
    }

    @Test func randomASCIIMatchesFoundation() {
        var random = SplitMix64(seed: 31)
        let alphabet: [Character] = [":", "/", "_", "-", "a", "Z", ".", " "]
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...14, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            })
            #expect(DateConvention.hyphenated(text) == text.replacingOccurrences(of: "_", with: "-"))
            #expect(DateConvention.afterScheme(text).map(String.init) == text.range(of: "://").map { String(text[$0.upperBound...]) })
        }
    }
}
