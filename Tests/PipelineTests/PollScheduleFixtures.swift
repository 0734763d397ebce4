import Foundation
import Normalize

/// The feed fixture the polling tests read their hints from.
enum FeedFixtures {
    static func feed(_ name: String) throws -> ParsedFeed {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/feeds/\(name)")
        return try FeedParser.parse(try Data(contentsOf: url), url: URL(string: "https://www.harbourview-gazette.example/local/feed/")!)
    }
}
