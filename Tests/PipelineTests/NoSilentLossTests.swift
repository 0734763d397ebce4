import Foundation
import LoopbackServer
import Testing
@testable import Pipeline

/// A fetched article never disappears without a trace: a short article is recorded (flags say
/// what the page showed), and a page with no article text is counted by reason in the run
/// summary, the metrics file and `copydesk status`.
@Suite("No silent loss", .timeLimit(.minutes(2)))
struct NoSilentLossTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func config(_ feedURL: String) -> PipelineConfig {
        folder.loopbackConfig([SourceConfig(name: "wire", type: .feed, url: feedURL)])
    }

    /// Three linked pages: a full report, a one-paragraph breaking story on a page whose
    /// markup carries subscription-wall markers, and an app shell that renders with JavaScript.
    private func serveSite() throws -> LoopbackServer {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        let items = ["full", "breaking", "shell"].map { "<item><title>\($0)</title><link>\(server.origin)/news/\($0)</link></item>" }
        site.set("/feed.xml", LoopbackPage(contentType: "application/rss+xml",
            #"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>\#(items.joined())</channel></rss>"#))
        let paragraphs = (1...6).map { "<p>Paragraph \($0): the harbour authority said on Thursday that repairs to the northern quay would take until spring, and that ferries would use the southern berth meanwhile.</p>" }
        site.set("/news/full", LoopbackPage("<html><body><article><h1>Quay repairs</h1>\(paragraphs.joined())</article></body></html>"))
        site.set("/news/breaking", LoopbackPage("""
            <html><head><title>Bridge closed after barge strike</title></head><body>
            <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
            <article><h1>Bridge closed after barge strike</h1>
            <p>The river bridge was closed to traffic on Tuesday evening after a barge struck one of its piers, police said. Engineers were inspecting the structure overnight. This story will be updated.</p></article>
            <div class="paywall-offer tp-modal">Subscribe for full access to every story</div>
            </body></html>
            """))
        site.set("/news/shell", LoopbackPage("""
            <html><head><title>Loading</title><script src="/app.js"></script></head><body><div id="root"></div></body></html>
            """))
        return server
    }

    @Test func shortArticleIsRecordedAndTextlessPageIsCountedByReason() async throws {
        let server = try serveSite()
        defer { server.stop() }
        let config = config(server.origin + "/feed.xml")
        let summary = try await Ingestion(config: config, options: IngestionOptions(pollAll: true), logger: .quiet).run()
        let counts = try #require(summary.sources["wire"])

        // The short story is a record, with the wall noted as a flag, not used as a reason to drop it.
        #expect(counts.records == 2)
        let day = try #require(try FileManager.default.contentsOfDirectory(atPath: config.output.directory)
            .first { !$0.hasPrefix(".") })
        let lines = try readManifest((config.output.directory as NSString).appendingPathComponent(day))
        let breaking = try #require(lines.first { $0.url.hasSuffix("/news/breaking") })
        #expect(breaking.extraction?.flags.contains("paywall") == true)
        #expect(breaking.wordCount > 20)

        // The shell page: no record, but counted with its reason and shown in the summary table.
        #expect(counts.withoutText == ["script_only": 1])
        #expect(summary.rendered().contains("no text: script_only=1"))

        let metricsPath = folder.file("copydesk.prom")
        try MetricsExport.write(summary: summary, to: metricsPath)
        let metrics = try String(contentsOfFile: metricsPath, encoding: .utf8)
        #expect(metrics.contains(#"copydesk_articles_without_text_total{command="run",source="wire",reason="script_only"} 1"#))
        #expect(metrics.contains(#"copydesk_last_run_articles_without_text{command="run"} 1"#))

        let store = try SQLiteStateStore(path: config.state.path)
        let report = try StatusReport.read(store: store, config: config, dedupeIndexSize: 0)
        #expect(report.sources.first { $0.name == "wire" }?.withoutTextLastRun == ["script_only": 1])
        #expect(report.lastRuns.first?.withoutTextTotal == 1)
        #expect(report.rendered().contains("no article text in the last pass: script_only=1"))
        // The page stays queued for a later attempt rather than being forgotten.
        #expect(try store.dueQueue(source: nil, now: .distantFuture, limit: 10).contains { $0.url.hasSuffix("/news/shell") })
    }
}
