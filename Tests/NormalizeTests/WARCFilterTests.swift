import Foundation
import Normalize
import Testing

@Suite("WARC record filters")
struct WARCFilterTests {
    @Test("host patterns: exact names, subdomain globs, case and trailing dots")
    func hostPatterns() {
        let exact = WARCHostPattern("News.Example.com")
        #expect(exact.matches(host: "news.example.com"))
        #expect(exact.matches(host: "NEWS.EXAMPLE.COM."))
        #expect(!exact.matches(host: "www.news.example.com"))
        let subdomains = WARCHostPattern("*.example.com")
        #expect(subdomains.matches(host: "news.example.com"))
        #expect(subdomains.matches(host: "a.b.example.com"))
        #expect(!subdomains.matches(host: "example.com"))
        #expect(!subdomains.matches(host: "badexample.com"))
        #expect(!subdomains.matches(host: "example.com.evil.net"))
        #expect(WARCHostPattern("news.*.example").matches(host: "news.harbour-gazette.example"))
        #expect(WARCHostPattern("www.coastal-times.exampl?").matches(host: "www.coastal-times.example"))
        #expect(WARCHostPattern("*").matches(host: "anything.at.all"))
        // Many stars on a long non-matching host stay fast (no exponential backtracking).
        #expect(!WARCHostPattern(String(repeating: "*a", count: 30) + "b").matches(host: String(repeating: "a", count: 200)))
    }

    @Test("hosts of target URIs", arguments: [
        ("http://news.example.com/a/b?c#d", "news.example.com"),
        ("https://user:pw@Example.org:8443/", "Example.org"),
        ("http://[2001:db8::1]:8080/x", "[2001:db8::1]"),
        ("https://example.net", "example.net"),
        ("dns:example.com", nil),
        ("http:///nohost", nil),
    ] as [(String, String?)])
    func hosts(uri: String, host: String?) {
        #expect(WARCHostPattern.host(ofURI: uri) == host)
    }

    @Test("the reader passes over unwanted records without warnings")
    func readerFilter() throws {
        let filter = WARCRecordFilter.documents(hosts: [WARCHostPattern("*.harbour-gazette.example")])
        let result = try WARCReader.readAll("news-1.1.warc.gz", options: WARCReaderOptions(filter: filter))
        #expect(result.warnings.isEmpty)
        #expect(result.types == [.response, .response, .response])
        #expect(result.uris == [
            "http://news.harbour-gazette.example/news/2024/03/council-approves-new-marina",
            "http://news.harbour-gazette.example/business/2024/03/bakery-chain-expands",
            "http://news.harbour-gazette.example/news/2024/03/deleted-story",
        ])
        let coastal = try WARCReader.readAll("news-1.0.warc", options: WARCReaderOptions(filter: .documents(hosts: [WARCHostPattern("www.coastal-times.example")])))
        #expect(coastal.types == [.response, .resource])
    }

    @Test("a WARC-Date window keeps since ..< until; records without a date are left out")
    func dateWindow() throws {
        func date(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }
        let window = WARCRecordFilter(since: try date("2024-03-12T08:00:00Z"), until: try date("2024-03-15T06:00:00Z"))
        let result = try WARCReader.readAll("news-1.1.warc", options: WARCReaderOptions(filter: window))
        // The warcinfo (03-14) and the two captures of 03-12 and 03-13 (request + response) are in;
        // 03-11 is before, the revisit at exactly 03-15T06:00 is at the excluded upper bound.
        #expect(result.types == [.warcinfo, .request, .response, .request, .response])
        #expect(result.records.allSatisfy { window.matches($0) })
        let noDate = WARCHeaders([("WARC-Type", "response")])
        #expect(!window.matches(noDate))
        #expect(WARCRecordFilter().matches(noDate))
    }

    @Test("type filter")
    func typeFilter() throws {
        let result = try WARCReader.readAll("news-1.0.warc.gz", options: WARCReaderOptions(filter: WARCRecordFilter(types: [.revisit, .metadata, .warcinfo])))
        #expect(result.types == [.warcinfo, .revisit, .metadata])
    }
}
