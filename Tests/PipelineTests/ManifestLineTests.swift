import Foundation
import Testing
@testable import Pipeline

/// The hand-written manifest line must be exactly what the former `JSONEncoder` +
/// `JSONSerialization` route wrote, so lines read the same across versions.
@Suite("Manifest line")
struct ManifestLineTests {
    /// The former implementation, kept here as the reference.
    private func referenceLine(_ record: ManifestRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(record)) as? [String: Any] ?? [:]
        var parts: [String] = []
        for key in ManifestRecord.CodingKeys.allCases.map(\.stringValue) {
            let value = object[key] ?? NSNull()
            let encoded = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes, .sortedKeys])
            let keyData = try JSONSerialization.data(withJSONObject: key, options: [.fragmentsAllowed])
            parts.append(String(decoding: keyData, as: UTF8.self) + ":" + String(decoding: encoded, as: UTF8.self))
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private func referenceDate(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Titles with everything a JSON writer must escape or must leave alone.
    static let awkwardStrings = [
        "Plain headline", "Quote \" and backslash \\ and slash / here", "Tab\tnew\nline\rreturn",
        "Controls \u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1F} end", "DEL \u{7F} and line separators \u{2028}\u{2029}",
        "Ünïcödé — “quotes” 東京 🚀 emoji", "", "https://example.org/a/b?c=d&e=f#g",
    ]

    @Test(arguments: awkwardStrings)
    func lineMatchesTheReferenceEncoder(title: String) throws {
        var record = ManifestRecord(id: "0123456789abcdef", url: "https://news.example/a/\(title.count)",
                                    canonicalURL: "https://news.example/a", source: "wire/\(title.prefix(3))",
                                    fetchedAt: Date(timeIntervalSince1970: 1_763_812_345.678), wordCount: 412,
                                    contentHash: "00ff", revision: 2)
        record.seq = 17
        record.file = "017_0123456789abcdef.txt"
        record.title = title
        record.published = Date(timeIntervalSince1970: 1_700_000_000)
        record.authors = [title, "Ann O'Neil"]
        record.categories = ["World", title]
        record.language = "de"
        record.description = title + title
        record.duplicateOf = "fedcba9876543210"
        record.similarity = 0.923456
        record.supersedes = "2026-11-20/003_0123456789abcdef.txt"
        record.extraction = ExtractionSummary(method: "density", confidence: 0.85, flags: ["paywall", title])
        #expect(try record.jsonLine() == referenceLine(record))
    }

    @Test(arguments: [0.0, 1.0, 0.5, 0.85, 0.333333, 1e-7, 0.1 + 0.2, 0.9999])
    func numbersMatchTheReferenceEncoder(value: Double) throws {
        var record = ManifestRecord(id: "a", url: "u", canonicalURL: "u", source: "s", fetchedAt: Date(timeIntervalSince1970: 0),
                                    wordCount: 0, contentHash: "h")
        record.similarity = value
        record.extraction = ExtractionSummary(method: "m", confidence: value, flags: [])
        #expect(try record.jsonLine() == referenceLine(record))
    }

    @Test func nullsAndEmptyArraysMatchTheReferenceEncoder() throws {
        let record = ManifestRecord(id: "a", url: "u", canonicalURL: "u", source: "s", fetchedAt: Date(), wordCount: 0, contentHash: "h")
        let line = try record.jsonLine()
        #expect(line == (try referenceLine(record)))
        #expect(line.contains(#""seq":null,"file":null"#))
        #expect(line.contains(#""authors":[],"categories":[]"#))
    }

    @Test func datesMatchTheFormatStyle() {
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, 951_782_400, 1_709_164_799.999, 4_102_444_800.5, 1_763_812_345]
        for _ in 0..<200 { instants.append(Double.random(in: 0..<4_102_444_800, using: &generator)) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(ManifestDates.format(date) == referenceDate(date), "\(instant)")
            #expect(ManifestDates.day(date) == String(referenceDate(date).prefix(10)), "\(instant)")
        }
    }
}
