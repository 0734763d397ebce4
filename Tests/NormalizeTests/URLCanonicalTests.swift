import Foundation
import Normalize
import Testing

@Suite struct URLCanonicalTests {
    @Test(arguments: [
        ("HTTPS://WWW.Example.COM/Path/Story", "https://www.example.com/Path/Story"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://user:pw@example.com/a", "https://example.com/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?fbclid=x&gclid=y&dclid=z&msclkid=m&mc_cid=1&mc_eid=2&_ga=3&igshid=4&yclid=5&ref_src=6", "https://example.com/a"),
        ("https://example.com/a?UTM_Campaign=x&b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?b=2&a=2&a=1", "https://example.com/a?a=1&a=2&b=2"),
        ("https://example.com/a?a1=1&a=2", "https://example.com/a?a=2&a1=1"),
        ("https://example.com/a?&&x=1&", "https://example.com/a?x=1"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/../a", "https://example.com/a"),
        ("https://example.com/a/b/..", "https://example.com/a/"),
        ("https://example.com/%7Euser/%61bc%2fdef%c3%a9", "https://example.com/~user/abc%2Fdef%C3%A9"),
        ("https://example.com/caf%C3%A9?q=a%20b", "https://example.com/caf%C3%A9?q=a%20b"),
        ("https://example.com/a?q=%3d%26", "https://example.com/a?q=%3D%26"),
    ])
    func canonicalizes(_ input: String, _ expected: String) throws {
        let canonical = try #require(CanonicalURL(string: input))
        #expect(canonical.string == expected)
    }

    @Test(arguments: ["ftp://example.com/a", "mailto:a@example.com", "/relative/path", "https://", "https://example.com:99999/"])
    func rejects(_ input: String) {
        #expect(CanonicalURL(string: input) == nil)
    }

    @Test func idempotent() throws {
        let once = try #require(CanonicalURL(string: "HTTP://Example.com:80/a/../b/%7e?z=1&utm_id=3&a=%2f#x"))
        let twice = try #require(CanonicalURL(string: once.string))
        #expect(once == twice)
    }

    @Test func recordIDIsXXH3OfTheCanonicalString() throws {
        let canonical = try #require(CanonicalURL(string: "https://Example.com/a?utm_source=x"))
        let id = canonical.recordID
        #expect(id.hex.count == 16)
        #expect(id.hex == id.hex.lowercased())
        // XXH3-64 (seed 0) of "https://example.com/a", from the reference tool: `printf %s URL | xxhsum -H3`.
        #expect(id.hex == "139891b52b3701c7")
        #expect(CanonicalURL(string: "https://example.com/a#frag")!.recordID == id)
        #expect(RecordID(hex: id.hex) == id)
        let encoded = try JSONEncoder().encode(id)
        #expect(String(decoding: encoded, as: UTF8.self) == "\"\(id.hex)\"")
    }

    @Test func registrableDomain() {
        #expect(RegistrableDomain.of("www.bbc.co.uk") == "bbc.co.uk")
        #expect(RegistrableDomain.of("news.example.com") == "example.com")
        #expect(RegistrableDomain.of("example.com.") == "example.com")
        #expect(RegistrableDomain.of("127.0.0.1") == "127.0.0.1")
        #expect(RegistrableDomain.sameSite("video.example.com", "www.example.com"))
        #expect(!RegistrableDomain.sameSite("example.com", "example.org"))
    }
}
