import Foundation
import LoopbackServer
import Pipeline
import Testing

@Suite("Command line", .timeLimit(.minutes(2)))
struct CommandLineTests {
    @Test(arguments: ["run", "backfill", "extract", "dedupe", "fetch", "feed", "discover", "status", "check-config"])
    func everySubcommandExplainsItself(_ name: String) async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let result = try await harness.run([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: copydesk \(name)"))
    }

    @Test func checkConfigNamesTheKeyPathAndExits78() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let bad = harness.path("bad.json")
        try Data(#"{"sources":[{"name":"a","type":"feed","url":"https://e.com/"},{"name":"b","type":"feed","url":"https://e.com/"},{"name":"c","type":"feed","url":"ftp://x"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try await harness.run(["check-config", bad])
        #expect(result.status == 78)
        #expect(result.stderr.contains(#"sources[2].url: expected an http(s) URL, got "ftp://x""#))
        let run = try await harness.run(["run", "--config", bad])
        #expect(run.status == 78)

        let good = try harness.writeConfig(sources: [#"{"name":"a","type":"feed","url":"https://e.com/rss"}"#])
        let ok = try await harness.run(["check-config", good])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func unreachableSourcesEndThePassCleanlyWithOneLineEach() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let config = try harness.writeConfig(sources: [
            #"{"name":"nowhere","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#,
            #"{"name":"also-nowhere","type":"sitemap","url":"http://127.0.0.1:9/sitemap.xml"}"#,
        ])
        let result = try await harness.run(["run", "--config", config])
        #expect(result.status == 0)
        let failures = result.stderr.split(separator: "\n").filter { $0.contains("source failed") }
        #expect(failures.count == 2)
        #expect(failures.allSatisfy { $0.contains("error.class=connect") })
    }

    @Test func runWritesMetricsAndStatusReadsTheState() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 5, seed: 21)
        let servers = try CorpusServers(corpus)
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let result = try await harness.run(["run", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("total"))

        // The Prometheus textfile, read back line by line.
        let metrics = try String(contentsOfFile: harness.path("copydesk.prom"), encoding: .utf8)
        let samples = Dictionary(metrics.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> (String, Double)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { return nil }
            return (String(parts[0]), value)
        }, uniquingKeysWith: { a, _ in a })
        #expect(samples.first { $0.key.hasPrefix("copydesk_last_run_records_written") }?.value == 10)
        #expect(samples.first { $0.key.hasPrefix("copydesk_records_written_total") }?.value == 10)

        let status = try await harness.run(["status", "--config", config, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.count == 2)
        #expect(sources.allSatisfy { ($0["consecutiveFailures"] as? Int) == 0 && $0["lastSuccess"] != nil })
        #expect(object["dedupeIndexSize"] as? Int == 10)
        let table = try await harness.run(["status", "--config", config])
        #expect(table.stdout.contains("outlet0"))
    }
}

@Suite("Discover", .timeLimit(.minutes(1)))
struct DiscoverTests {
    @Test func listsLinkedFeedsRobotsSitemapsAndCommonLocations() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        site.set("/", LoopbackPage("""
            <html><head><link rel="alternate" type="application/rss+xml" title="Top stories" href="/feeds/top.xml">
            <link rel="alternate" type="application/atom+xml" href="\(server.origin)/feeds/world.atom"></head><body>News</body></html>
            """))
        site.set("/robots.txt", LoopbackPage(contentType: "text/plain", "User-agent: *\nSitemap: \(server.origin)/news-sitemap.xml\n"))
        site.set("/sitemap.xml", LoopbackPage(contentType: "application/xml",
            #"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>\#(server.origin)/a</loc></url></urlset>"#))
        let config = try harness.writeConfig(sources: [#"{"name":"x","type":"feed","url":"\#(server.origin)/"}"#])
        let result = try await harness.run(["discover", server.origin + "/", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""type": "feed", "url": "\#(server.origin)/feeds/top.xml""#))
        #expect(result.stdout.contains(#""url": "\#(server.origin)/feeds/world.atom""#))
        #expect(result.stdout.contains(#""type": "sitemap", "url": "\#(server.origin)/news-sitemap.xml""#))
        #expect(result.stdout.contains(#""type": "sitemap", "url": "\#(server.origin)/sitemap.xml""#))

        let opml = try await harness.run(["discover", server.origin + "/", "--config", config, "--opml"])
        #expect(opml.status == 0, "\(opml.stderr)")
        #expect(opml.stdout.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(opml.stdout.contains(#"text="Top stories" title="Top stories" xmlUrl="\#(server.origin)/feeds/top.xml" htmlUrl="\#(server.origin)/""#))
        #expect(opml.stdout.contains(#"xmlUrl="\#(server.origin)/feeds/world.atom""#))
        #expect(!opml.stdout.contains("sitemap.xml"))
        #expect(opml.stderr.contains("left out of the OPML: sitemap \(server.origin)/sitemap.xml"))
    }
}

@Suite("Sources", .timeLimit(.minutes(1)))
struct SourcesCommandTests {
    @Test func listsExportsAndChecksMergedSourceLists() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        try Data("""
            <opml version="1.0"><head><title>Feedly</title></head><body>
            <outline text="Tech" title="Tech"><outline type="rss" text="Circuit Weekly" xmlUrl="https://circuit.example/feed"/></outline>
            <outline type="rss" text="Again" xmlUrl="https://a.example/rss"/>
            </body></opml>
            """.utf8).write(to: URL(fileURLWithPath: harness.path("feeds.opml")))
        try Data(#"{"sources": [{"name": "a", "type": "feed", "url": "https://a.example/rss"}, {"name": "map", "type": "sitemap", "url": "https://a.example/sitemap.xml"}], "sourceFiles": ["feeds.opml"]}"#.utf8)
            .write(to: URL(fileURLWithPath: harness.path("pipeline.json")))

        let check = try await harness.run(["check-config", "pipeline.json"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("OK (3 sources from 2 files"))
        #expect(check.stderr.contains("warning: feeds.opml:3: https://a.example/rss is already listed by"))

        let list = try await harness.run(["sources", "list", "--config", "pipeline.json", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2] == #"{"category":"Tech","enabled":true,"name":"circuit-weekly","origin":"feeds.opml:2","type":"feed","url":"https://circuit.example/feed"}"#)

        let export = try await harness.run(["sources", "export", "--opml", "--config", "pipeline.json"])
        #expect(export.status == 0)
        #expect(export.stdout.contains(#"<outline text="Tech" title="Tech">"#))
        #expect(export.stdout.contains(#"<outline type="rss" text="circuit-weekly" title="circuit-weekly" xmlUrl="https://circuit.example/feed"/>"#))
        #expect(export.stderr.contains("left out: map (sitemap sources have no OPML form)"))

        // The export is itself a valid source list.
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: harness.path("exported.opml")))
        try Data(#"{"sourceFiles": ["exported.opml"]}"#.utf8).write(to: URL(fileURLWithPath: harness.path("again.json")))
        let again = try await harness.run(["sources", "list", "--config", "again.json", "--json"])
        #expect(again.stdout.split(separator: "\n").count == 2, "\(again.stderr)")

        try Data("<opml><body><outline xmlUrl=\"https://x.example/\">".utf8).write(to: URL(fileURLWithPath: harness.path("feeds.opml")))
        let broken = try await harness.run(["check-config", "pipeline.json"])
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("feeds.opml: line 1: not well-formed XML"))
    }
}

@Suite("Feed inspection", .timeLimit(.minutes(1)))
struct FeedInspectionTests {
    @Test func everyEntryIsShownWithWhyThePipelineWouldSkipIt() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        try Data("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>First</title><link>https://x.example/a</link></item>
            <item><title>No link</title><description>An announcement without a page.</description></item>
            <item><title>First again</title><link>https://x.example/a</link></item>
            </channel></rss>
            """.utf8).write(to: URL(fileURLWithPath: harness.path("feed.xml")))
        let result = try await harness.run(["feed", harness.path("feed.xml")])
        #expect(result.status == 0)
        let lines = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 3)
        #expect(lines[0]["skipped"] == nil && lines[0]["title"] as? String == "First")
        #expect(lines[1]["link"] is NSNull)
        #expect(lines[1]["skipped"] as? String == "no link: nothing to fetch")
        #expect(lines[2]["repeated"] as? Bool == true && lines[2]["title"] as? String == "First again")
        #expect((lines[2]["skipped"] as? String)?.hasPrefix("repeat of an earlier entry") == true)
        let count = try await harness.run(["feed", harness.path("feed.xml"), "--count"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }
}
