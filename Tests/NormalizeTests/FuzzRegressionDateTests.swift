import Foundation
import Normalize
import Testing

/// Inputs the `feed` and `sitemap` fuzz targets found (docs/reliability.md, "Fuzzing"): a date
/// token of 19 or more digits overflowed `Int` in `RFC822DateParser` and trapped the process.
/// The two fixtures under `Fixtures/fuzz/` are the fuzzer's own inputs.
@Suite("Fuzz regressions: long digit runs in dates")
struct FuzzRegressionDateTests {
    @Test(arguments: [
        "Tue, 02 Jan 99999999999999999999 10:04:05 GMT",
        "99999999999999999999999999 Jan 2024",
        "02 Jan 2024 10:04:05 +0000 184467440737095516170",
    ])
    func longDigitRunIsNoDate(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func shortFormsStillParse() {
        #expect(FeedDate.parse("Tue, 02 Jan 2024 10:04:05 GMT") == Date(timeIntervalSince1970: 1_704_189_845))
        #expect(FeedDate.parse("2 Jan 02024 10:04:05 GMT") == Date(timeIntervalSince1970: 1_704_189_845))
    }

    @Test func fuzzerFeedReturns() throws {
        let data = try Data(contentsOf: FeedFixtures.url("fuzz/feed-long-digit-date.xml"))
        _ = try? FeedParser.parse(data, url: URL(string: "https://news.example/feed")!)
    }

    @Test func fuzzerSitemapReturns() throws {
        let data = try Data(contentsOf: FeedFixtures.url("fuzz/sitemap-long-digit-date.xml"))
        _ = try? SitemapParser.parse(data, url: URL(string: "https://news.example/sitemap.xml")!)
    }
}
