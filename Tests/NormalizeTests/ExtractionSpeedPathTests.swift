import Foundation
import LoopbackServer
import Testing
@testable import Normalize

/// The byte-level shortcuts taken for speed must not change what the extractor sees: the
/// prefilter keeps every attribute the tree builder reads and leaves tags it cannot read the
/// way libxml2 does untouched; the loader inflates every gzip member and refuses damaged ones;
/// character counts match `String.count`; line comparisons match string comparisons.
@Suite("Extraction fast paths", .timeLimit(.minutes(1)))
struct ExtractionSpeedPathTests {
    static func strip(_ html: String) -> String {
        String(decoding: MarkupPrefilter.strip(Array(html.utf8)), as: UTF8.self)
    }

    @Test func prefilterDropsUnreadAttributesAndKeepsReadOnes() {
        let html = #"<div data-track="x y" class="story body" onclick="go(1>2)" ID=main title='A > B'><a href="/a" target=_blank REL="author">Ann</a><img srcset="a 1x, b 2x" src="p.jpg" alt="Alt"></div>"#
        // `href` is read only on `<link>` (the canonical URL); `src`, `type`, `charset` never;
        // `itemtype` tells an organization declared as author from a person.
        #expect(Self.strip(html)
            == #"<div class="story body" ID=main><a REL="author">Ann</a><img></div>"#)
        #expect(Self.strip(#"<meta charset="utf-8"><div itemtype="x" itemprop="y"><link rel="canonical" HREF="/c" type="t">"#)
            == #"<meta><div itemtype="x" itemprop="y"><link rel="canonical" HREF="/c">"#)
        // On `<a>`, only a link to a writer's page keeps its target, quoted or not.
        #expect(Self.strip(#"<a href="https://n.example/autor/ana-roe_7/">A</a><a href=/author/bo-li>B</a><a href="/news/x">C</a>"#)
            == #"<a href="https://n.example/autor/ana-roe_7/">A</a><a href=/author/bo-li>B</a><a>C</a>"#)
        // A character reference is left for the builder, which sees the decoded value.
        #expect(Self.strip(#"<a href="/author/&#97;">A</a>"#) == #"<a href="/author/&#97;">A</a>"#)
        for html in [#"<p><a href="/author/&#97;">A</a><a href="/author/&amp;">B</a></p>"#] {
            let hrefs = { (tree: HTMLTree) in tree.nodes.indices.compactMap { tree.attribute(Int32($0), .href) } }
            #expect(hrefs(HTMLParser.parse(utf8: Array(html.utf8))) == hrefs(HTMLParser.parse(utf8: Array(Self.strip(html).utf8))))
        }
        let tree = HTMLParser.parse(utf8: Array(#"<a href="/journalist/ana_roe">A</a><a href="/authors/">B</a>"#.utf8))
        #expect(tree.nodes.indices.compactMap { tree.attribute(Int32($0), .href) } == ["/journalist/ana_roe"])
    }

    @Test func prefilterKeepsHidingAndMetadataAttributes() {
        let html = #"<section hidden aria-hidden="true" style="display:none" role="complementary" lang="fr" itemprop="articleBody"><meta property="og:title" name="t" content="T" http-equiv="h"><time datetime="2024-01-02">x</time><link rel="canonical" href="https://news.example/a"></section>"#
        #expect(Self.strip(html) == html)
    }

    @Test func prefilterCollapsesBlankRunsInTextOnly() {
        let html = "<p>one \n\n   two\t\tthree</p>\n    \n  <p class=\"a    b\">x</p>"
        #expect(Self.strip(html) == "<p>one two\tthree</p>\n<p class=\"a    b\">x</p>")
    }

    @Test func prefilterKeepsJSONLDWholeAndEmptiesScripts() {
        let json = "{\"articleBody\": \"a  <b>  b\",\n   \"headline\": \"<!-- not a comment -->\"}"
        let html = "<script type=\"application/ld+json\">\(json)</script><script>var a = '<p>  x</p>';</script><!-- gone --><style>p { }</style>"
        #expect(Self.strip(html)
            == "<script type=\"application/ld+json\">\(json)</script><script></script><style></style>")
    }

    @Test(arguments: [
        #"<div @click="x" class="a" data-x="1">"#,        // a name libxml2 rejects
        #"<div class="a" / data-x="1">"#,                // a stray slash
        #"<div class="a" data-x="1"#,                    // an unterminated quote
        "<div class=\"a\" data-x=>",                     // an empty unquoted value
        "<div \(String(repeating: "d", count: 120))=1 class=\"a\">",  // a name past libxml2's buffer
    ])
    func prefilterLeavesIrregularTagsUnchanged(_ tag: String) {
        #expect(Self.strip(tag + "text") == tag + "text")
    }

    @Test func prefilterKeepsSelfClosingAndLoneAngleBrackets() {
        #expect(Self.strip(#"<br data-x="1"/>a < b <3 <p/>"#) == "<br/>a < b <3 <p/>")
    }

    @Test func extractionIsTheSameWithAndWithoutThePrefilter() {
        let page = ArticleFixtureLoader.page(paragraphs: ArticleFixtureLoader.prose)
            .replacingOccurrences(of: "<p>", with: "<p data-analytics=\"para\" title='x > y'>\n        ")
        let bytes = Array(page.utf8)
        let direct = ArticleExtractor().extract(tree: HTMLParser.parse(utf8: bytes), input: ArticleInput(html: Data()))
        let filtered = ArticleExtractor().extract(tree: HTMLParser.parse(utf8: MarkupPrefilter.strip(bytes)),
                                                  input: ArticleInput(html: Data()))
        #expect(!direct.bodyLines.isEmpty)
        #expect(filtered.bodyLines == direct.bodyLines)
        #expect(filtered.title == direct.title)
    }

    @Test(arguments: [
        "plain ascii", "“Curly” quotes — and dashes…", "e\u{301}te\u{301}", "👩‍👩‍👧 family", "🇫🇷 flag",
        "नमस्ते दुनिया", "東京の天気は晴れ", "한국어 문장", "Привет, мир", "Ελληνικά", "ｶﾞ half-width", "a\r\nb", "",
    ])
    func characterCountMatchesStringCount(_ text: String) {
        #expect(CharacterCount.of(text) == text.count)
    }

    @Test func lineFilterComparesCanonicallyEquivalentPhrases() {
        let decomposed = "Publicite\u{301}"  // "Publicité" written with a combining accent
        let lines = [BodyWriter.Line(text: decomposed, isHeading: false),
                     BodyWriter.Line(text: "Read more: the next story", isHeading: false),
                     BodyWriter.Line(text: "A sentence of the article that stays.", isHeading: false)]
        #expect(LineFilter.filter(lines, title: nil) == ["A sentence of the article that stays."])
    }

    @Test func loaderReadsConcatenatedMembersAndRefusesDamagedGzip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-gzip-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.html"), second = directory.appendingPathComponent("b.html")
        let partOne = String(repeating: "<p>first member</p>\n", count: 2000)
        let partTwo = String(repeating: "<p>second member</p>\n", count: 3000)
        try Data(partOne.utf8).write(to: first)
        try Data(partTwo.utf8).write(to: second)
        let joined = directory.appendingPathComponent("joined.html.gz")
        let cut = directory.appendingPathComponent("cut.html.gz")
        try await shell("gzip -c '\(first.path)' > '\(joined.path)'; gzip -c '\(second.path)' >> '\(joined.path)'")
        try await shell("head -c 200 '\(joined.path)' > '\(cut.path)'")
        #expect(try HTMLFileLoader.load(path: joined.path) == Data((partOne + partTwo).utf8))
        #expect(throws: HTMLFileLoader.LoadError.self) { try HTMLFileLoader.load(path: cut.path) }
        #expect(throws: HTMLFileLoader.LoadError.self) { try HTMLFileLoader.load(path: directory.path) }
        #expect(throws: HTMLFileLoader.LoadError.self) { try HTMLFileLoader.load(path: joined.path, limit: 50_000) }
    }

    private func shell(_ command: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try await process.runUntilExit()
    }
}
