import Foundation
@testable import Pipeline

/// Texts for the dedupe tests: five distinct reports of one fire, written for this project,
/// and reprints derived from them the way wire copy is reprinted.
enum DedupeFixtures {
    static let reportNames = [
        "report-1-harbour-gazette",
        "report-2-coastal-wire",
        "report-3-evening-standard",
        "report-4-business-daily",
        "report-5-radio-news",
    ]

    static func report(_ name: String) throws -> String {
        let url = try require(Bundle.module.resourceURL)
            .appendingPathComponent("Fixtures/dedupe/\(name).txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func reports() throws -> [String] {
        try reportNames.map(report)
    }

    static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    /// The first `share` of the paragraphs, with a credit line and page junk, as an outlet
    /// reprinting a trimmed wire story would publish it.
    static func trimmedReprint(_ text: String, share: Double) -> String {
        let all = paragraphs(text)
        let kept = Array(all.prefix(Int((Double(all.count) * share).rounded())))
        var lines = ["Advertisement", "LONDON (Reuters) - " + kept[0]]
        lines += kept.dropFirst()
        lines.append("© 2025 Thomson Reuters. All rights reserved.")
        return lines.joined(separator: "\n")
    }

    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_750_000_000)
}

/// `#require` outside a test function.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FixtureMissing() }
    return value
}

private struct FixtureMissing: Error {}
