import Foundation
import LoopbackServer
import Pipeline
import Testing

@Suite("Command line", .timeLimit(.minutes(2)))
struct CommandLineTests {
    @Test(arguments: ["run", "backfill", "extract", "dedupe", "fetch", "feed", "discover", "status", "check-config"])
    func everySubcommandExplainsItself(_ name: String) throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let result = try harness.run([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: copydesk \(name)"))
    }

    @Test func checkConfigNamesTheKeyPathAndExits78() throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let bad = harness.path("bad.json")
        try Data(#"{"sources":[{"name":"a","type":"feed","url":"https://e.com/"},{"name":"b","type":"feed","url":"https://e.com/"},{"name":"c","type":"feed","url":"ftp://x"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try harness.run(["check-config", bad])
        #expect(result.status == 78)
        #expect(result.stderr.contains(#"sources[2].url: expected an http(s) URL, got "ftp://x""#))
        let run = try harness.run(["run", "--config", bad])
        #expect(run.status == 78)

        let good = try harness.writeConfig(sources: [#"{"name":"a","type":"feed","url":"https://e.com/rss"}"#])
        let ok = try harness.run(["check-config", good])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func unreachableSourcesEndThePassCleanlyWithOneLineEach() throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let config = try harness.writeConfig(sources: [
            #"{"name":"nowhere","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#,
            #"{"name":"also-nowhere","type":"sitemap","url":"http://127.0.0.1:9/sitemap.xml"}"#,
        ])
        let result = try harness.run(["run", "--config", config])
        #expect(result.status == 0)
        let failures = result.stderr.split(separator: "\n").filter { $0.contains("source failed") }
        #expect(failures.count == 2)
        #expect(failures.allSatisfy { $0.contains("error.class=connect") })
    }

    @Test func runWritesMetricsAndStatusReadsTheState() throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 5, seed: 21)
        let servers = try CorpusServers(corpus)
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let result = try harness.run(["run", "--config", config])
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

        let status = try harness.run(["status", "--config", config, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.count == 2)
        #expect(sources.allSatisfy { ($0["consecutiveFailures"] as? Int) == 0 && $0["lastSuccess"] != nil })
        #expect(object["dedupeIndexSize"] as? Int == 10)
        let table = try harness.run(["status", "--config", config])
        #expect(table.stdout.contains("outlet0"))
    }
}

@Suite("Discover", .timeLimit(.minutes(1)))
struct DiscoverTests {
    @Test func listsLinkedFeedsRobotsSitemapsAndCommonLocations() throws {
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
        let result = try harness.run(["discover", server.origin + "/", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""type": "feed", "url": "\#(server.origin)/feeds/top.xml""#))
        #expect(result.stdout.contains(#""url": "\#(server.origin)/feeds/world.atom""#))
        #expect(result.stdout.contains(#""type": "sitemap", "url": "\#(server.origin)/news-sitemap.xml""#))
        #expect(result.stdout.contains(#""type": "sitemap", "url": "\#(server.origin)/sitemap.xml""#))
    }
}
