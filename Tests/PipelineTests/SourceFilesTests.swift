import Foundation
import LoopbackServer
import Testing
@testable import Pipeline

/// `sourceFiles`: OPML and JSON source lists merged into the configuration.
@Suite("Configuration: source files")
struct SourceFilesTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.file(name)))
    }

    private static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>Reader</title></head>
        <body>
          <outline text="World">
            <outline text="Harbour Gazette" type="rss" xmlUrl="https://gazette.example/rss.xml"/>
            <outline text="Wire" type="rss" xmlUrl="https://wire.example/rss"/>
          </outline>
          <outline text="Harbour Gazette" title="Harbour Gazette" type="rss" xmlUrl="https://gazette2.example/rss.xml"/>
          <outline text="Ünïcode Ñews!" type="rss" xmlUrl="https://unicode.example/feed"/>
        </body></opml>
        """

    @Test func opmlAndJSONSourcesAreMergedWithValidUniqueNamesAndCategories() throws {
        try write("feeds.opml", Self.opml)
        try write("more.json", #"[{"name": "city-sitemap", "type": "sitemap", "url": "https://city.example/sitemap.xml", "category": "Local"}]"#)
        try write("pipeline.json", #"""
            {"sources": [{"name": "wire", "type": "feed", "url": "https://wire.example/rss"}],
             "sourceFiles": ["feeds.opml", "more.json"]}
            """#)
        let loaded = try ConfigLoader.loadWithWarnings(path: folder.file("pipeline.json"))
        let sources = loaded.config.sources
        #expect(sources.map(\.name) == ["wire", "harbour-gazette", "harbour-gazette-2", "unicode-news", "city-sitemap"])
        #expect(sources.map(\.category) == [nil, "World", nil, nil, "Local"])
        #expect(sources.map(\.origin) == [nil, "feeds.opml:5", "feeds.opml:8", "feeds.opml:9", "more.json"])
        #expect(sources.allSatisfy { SourceNames.isValid($0.name) })
        // The wire feed is listed twice: the first listing is kept, the repeat reported.
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("feeds.opml:6: https://wire.example/rss is already listed by") == true)
    }

    @Test func brokenOPMLIsAnErrorNamingTheFileAndLine() throws {
        try write("feeds.opml", "<opml version=\"2.0\"><body>\n<outline text=\"a\" xmlUrl=\"https://a.example/rss\">\n</body></opml>")
        try write("pipeline.json", #"{"sourceFiles": ["feeds.opml"]}"#)
        do {
            _ = try ConfigLoader.load(path: folder.file("pipeline.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("feeds.opml: line 3: not well-formed XML"))
        }
    }

    @Test func badJSONSourceIsNamedByFileAndKeyPath() throws {
        try write("more.json", #"{"sources": [{"name": "ok", "type": "feed", "url": "https://a.example/rss"}, {"name": "x", "type": "feed", "url": "ftp://x", "colour": 1}]}"#)
        try write("pipeline.json", #"{"sourceFiles": ["more.json"]}"#)
        do {
            _ = try ConfigLoader.load(path: folder.file("pipeline.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("more.json: sources[1].colour: unknown key"))
        }
        try write("more.json", #"[{"name": "x", "type": "feed", "url": "ftp://x"}]"#)
        do {
            _ = try ConfigLoader.load(path: folder.file("pipeline.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == #"more.json: [0].url: expected an http(s) URL, got "ftp://x""#)
        }
    }

    @Test func missingSourceFileAndEmptyListAreErrors() throws {
        try write("pipeline.json", #"{"sourceFiles": ["nowhere.opml"]}"#)
        #expect(throws: ConfigErrors.self) { try ConfigLoader.load(path: folder.file("pipeline.json")) }
        try write("empty.opml", #"<opml version="2.0"><body></body></opml>"#)
        try write("pipeline.json", #"{"sourceFiles": ["empty.opml"]}"#)
        do {
            _ = try ConfigLoader.load(path: folder.file("pipeline.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("expected at least one source"))
        }
    }

    @Test func recordsOfAnOPMLFolderCarryItsCategory() async throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        site.set("/rss.xml", LoopbackPage(contentType: "application/rss+xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>G</title>
            <item><title>Quay</title><link>\(server.origin)/quay</link><category>Port</category></item></channel></rss>
            """))
        let paragraph = "<p>The harbour authority said on Thursday that repairs to the northern quay would take until spring, and that ferries would use the southern berth.</p>"
        site.set("/quay", LoopbackPage("<html><body><article>\(String(repeating: paragraph, count: 4))</article></body></html>"))
        try write("feeds.opml", #"<opml version="2.0"><body><outline text="Coast"><outline text="Gazette" xmlUrl="\#(server.origin)/rss.xml"/></outline></body></opml>"#)
        try write("pipeline.json", #"""
            {"sourceFiles": ["feeds.opml"], "fetch": {"allowPrivateNetworks": true, "perHostDelayMs": 0}}
            """#)
        let config = try ConfigLoader.load(path: folder.file("pipeline.json"))
        _ = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: config.output.directory).first { !$0.hasPrefix(".") })
        let record = try #require(try readManifest((config.output.directory as NSString).appendingPathComponent(day)).first)
        #expect(record.categories == ["Port", "Coast"])
        #expect(record.source == "gazette")
    }
}
