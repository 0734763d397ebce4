import Foundation
import LoopbackServer
import Testing
@testable import Normalize

@Suite("Article extraction on hostile input", .timeLimit(.minutes(2)))
struct ArticleHostileInputTests {
    static func extract(_ data: Data) -> ExtractedArticle {
        ArticleExtractor().extract(ArticleInput(html: data))
    }

    @Test func emptyInput() {
        let article = Self.extract(Data())
        #expect(article.bodyLines.isEmpty)
        #expect(article.quality.tooShort)
        #expect(article.quality.method == QualityFlags.Method.none)
    }

    @Test func binaryGarbage() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let article = Self.extract(Data(bytes))
        #expect(article.bodyLines.isEmpty)
        #expect(article.quality.binary)
        #expect(article.quality.tooShort)
        #expect(!Self.extract(Data(ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose).utf8)).quality.binary)
    }

    @Test func fiftyMegabytePage() {
        let sentence = String(repeating: "Harbour traffic rose again this week, officials said, ", count: 20)
        var html = "<html><body><div class=\"story\">"
        let target = 50 << 20
        html.reserveCapacity(target + 1024)
        var number = 0
        while html.utf8.count < target {
            number += 1
            html += "<p>Report \(number): \(sentence)</p>\n"
        }
        html += "</div></body></html>"
        let article = Self.extract(Data(html.utf8))
        #expect(article.bodyLines.count > 40_000)
        #expect(article.quality.method == .densityScoring)
    }

    @Test func hundredThousandNestedElements() {
        let depth = 100_000
        var html = "<html><body>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>Deep inside the page there is still a sentence, and it should not crash anything at all.</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        let article = Self.extract(Data(html.utf8))
        // libxml2 may stop nesting at its depth limit; what matters is a clean, bounded result.
        for line in article.bodyLines { #expect(!line.isEmpty) }
    }

    /// Every step that climbs the tree (choosing the container, re-anchoring on JSON-LD,
    /// nested microdata) must stay linear when the article sits under 100,000 levels.
    @Test func deepArticleWithStructuredDataAndNestedMicrodata() {
        let depth = 100_000
        let body = ArticleFixtureLoader.prose.joined(separator: " ")
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"\(body)\"}</script></head><body>"
        html += String(repeating: "<div itemprop=\"articleBody\">", count: depth)
        for round in 0..<5 {
            html += "<div>" + ArticleFixtureLoader.prose.map { "<p>\($0) (\(round))</p>" }.joined() + "</div>"
        }
        html += String(repeating: "</div>", count: depth) + "</body></html>"
        let article = Self.extract(Data(html.utf8))
        for line in article.bodyLines { #expect(!line.isEmpty) }
    }

    @Test func deeplyNestedJSONLD() {
        let json = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose,
                                             head: "<script type=\"application/ld+json\">\(json)</script>")
        #expect(ArticleFixtureLoader.extract(html: html).bodyLines == ArticleFixtureLoader.prose)
    }

    @Test func hundredThousandUnclosedInlineElements() {
        let html = "<html><body><p>Start " + String(repeating: "<b><i>x ", count: 50_000) + "</p></body></html>"
        _ = Self.extract(Data(html.utf8))
    }

    @Test func brokenEncodingsEverywhere() {
        var bytes: [UInt8] = Array("<html><head><meta charset=\"utf-8\"><title>".utf8) + [0xC3, 0xFF, 0xE2, 0x82]
        bytes += Array("</title></head><body><article><p>".utf8)
        for index in 0..<2_000 {
            bytes += Array("Word \(index) ".utf8)
            bytes += [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xF0, 0x9F]][index % 6]
        }
        bytes += Array("</p></article></body></html>".utf8)
        let article = Self.extract(Data(bytes))
        let text = article.text
        #expect(text.contains("Word 1999"))
        #expect(!text.contains("\u{0}"))
        #expect(text.contains("\u{FFFD}"))
    }

    @Test func pageThatIsOnlyAScript() {
        let html = "<script>" + String(repeating: "var a = '<p>not text</p>';\n", count: 10_000) + "</script>"
        let article = Self.extract(Data(html.utf8))
        #expect(article.bodyLines.isEmpty)
        #expect(article.quality.scriptOnly)
    }

    @Test func malformedJSONLDIsIgnored() {
        let html = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose,
                                             head: "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": [1, {</script>")
        let article = ArticleFixtureLoader.extract(html: html)
        #expect(article.bodyLines == ArticleFixtureLoader.prose)
    }

    @Test func unterminatedMarkup() {
        let html = "<html><body><article><p>The first paragraph is long enough to count as real prose, with commas, clauses, and words<p>second <a href=\"x"
        let article = Self.extract(Data(html.utf8))
        #expect(article.bodyLines.first?.hasPrefix("The first paragraph") == true)
    }

    @Test func fileLoaderReadsGzipAndRejectsMissingFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-loader-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = Data(ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose).utf8)
        let plain = directory.appendingPathComponent("page.html")
        try html.write(to: plain)
        let gzip = directory.appendingPathComponent("page.html.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain.path)' > '\(gzip.path)'"]
        try await process.runUntilExit()
        #expect(try HTMLFileLoader.load(path: gzip.path) == html)
        #expect(try HTMLFileLoader.load(path: plain.path) == html)
        #expect(throws: HTMLFileLoader.LoadError.self) { try HTMLFileLoader.load(path: directory.appendingPathComponent("none.html").path) }
        #expect(throws: HTMLFileLoader.LoadError.self) { try HTMLFileLoader.load(path: gzip.path, limit: 100) }
    }
}
