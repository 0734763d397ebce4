import Foundation
import Normalize
import Testing

/// Inputs the `url` fuzz target (docs/reliability.md, "Fuzzing") found, kept so the fixes stay:
/// every canonical form is a `URL` and canonicalizes to itself.
@Suite("Fuzz regressions: URL canonicalization")
struct FuzzRegressionURLTests {
    /// A host with `:` and `]` in it made `http://v::1]:tp//…`, which does not parse back.
    @Test func hostWithBracketAndColonIsRefused() {
        #expect(CanonicalURL(string: "http://V::1]:tp://[::1]:880/a?x") == nil)
        #expect(CanonicalURL(string: "http://a[b/") == nil)
        #expect(CanonicalURL(string: "http://[::1/") == nil)
        #expect(CanonicalURL(string: "http://[::1]:8080/a")?.string == "http://[::1]:8080/a")
    }

    /// Broken UTF-8 in the host became U+FFFD, which IDNA refuses: `CanonicalURL.url` then
    /// force-unwrapped nil and trapped.
    @Test func hostThatIsNoURLIsRefused() {
        let bytes: [UInt8] = Array("https://".utf8) + [0x9B, 0x8E] + Array("ample.com/a/./b/../c".utf8)
        #expect(CanonicalURL(string: String(decoding: bytes, as: UTF8.self)) == nil)
        #expect(CanonicalURL(string: "https://exam%61bc%2fdef%c3%ax/") == nil)
        // An IDN host still canonicalizes, and makes a URL.
        let idn = CanonicalURL(string: "https://Café.example/a")
        #expect(idn?.string == "https://café.example/a")
        #expect(idn.flatMap { URL(string: $0.string) } != nil)
    }

    /// A combining mark after `&` glued two parameters into one Character, so the first pass
    /// sorted different parameters than the second: canonicalizing twice changed the string.
    @Test func combiningMarkAfterAmpersandDoesNotGlueParameters() throws {
        let input = "https://news.example/a?z=1&\u{0336}b=2&c=3"
        let once = try #require(CanonicalURL(string: input))
        #expect(once.string == "https://news.example/a?%CC%B6b=2&c=3&z=1")
        #expect(CanonicalURL(string: once.string)?.string == once.string)
    }

    /// The fuzzer's own input for the case above (NUL, U+FFFD and a combining mark in the query).
    @Test func fuzzerQueryIsIdempotent() throws {
        let bytes: [UInt8] = Array("https://htt?".utf8) + [0x00] + Array(".p.xm&".utf8) + [0xE3]
            + Array("&aHHHl&".utf8) + [0xCC, 0xB6] + Array("]bm9?32&".utf8) + [0xA8] + Array("=4/./=/./1".utf8)
        let once = try #require(CanonicalURL(string: String(decoding: bytes, as: UTF8.self)))
        #expect(CanonicalURL(string: once.string)?.string == once.string)
        #expect(URL(string: once.string) != nil)
    }
}
