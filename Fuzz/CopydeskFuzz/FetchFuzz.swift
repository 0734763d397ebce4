import Foundation
@testable import Fetch

/// `RobotsRules(parsing:userAgent:baseURL:)`, then matching paths against the rules: the
/// first line of the input is also used as a path, so the matcher sees hostile patterns and
/// hostile paths together.
enum RobotsFuzz {
    private static let base = URL(string: "https://news.example/")!

    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let rules = RobotsRules(parsing: text, userAgent: "copydesk", baseURL: base)
        let path = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "/"
        consume(rules.isAllowed(path))
        consume(rules.isAllowed("/news/2026/12/story.html?id=1"))
    }
}

/// `Retry-After` (delta-seconds or an HTTP date in its three forms) and `HTTPDateParser`.
enum HTTPFuzz {
    private static let policy = RetryPolicy(base: .seconds(1), cap: .seconds(60), maxRetryAfter: .seconds(3600))

    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        consume(HTTPDateParser.parse(text))
        consume(policy.retryAfter(text, now: Date(timeIntervalSince1970: 1_780_000_000)))
    }
}
