import Foundation
import Normalize

/// Loads the fixtures this suite's feed, sitemap and page tests are written against.
enum FeedFixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    static func feed(_ name: String, url: String = "https://feeds.example/feed") throws -> ParsedFeed {
        try FeedParser.parse(try data("feeds/\(name)"), url: URL(string: url)!)
    }

    static func date(_ iso: String) -> Date {
        FeedDate.parse(iso)!
    }
}
