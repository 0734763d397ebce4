import Foundation
import LoopbackServer
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Backfill", .serialized, .timeLimit(.minutes(5)))
struct BackfillTests {
    private func urlList(_ servers: CorpusServers, outlets: Range<Int>) -> String {
        outlets.flatMap { outlet in
            servers.corpus.articles(outlet: outlet).map { servers.servers[outlet].origin + $0.path }
        }.joined(separator: "\n")
    }

    @Test func urlListIsRecordedOnceAndResumesAfterKills() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 80, pageBytes: 4_000...8_000, seed: 11)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(3))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let list = harness.path("urls.txt")
        try Data(("# backfill list\n\n" + urlList(servers, outlets: 0..<2) + "\nnot a url\n").utf8).write(to: URL(fileURLWithPath: list))

        var random = SplitMix(seed: 8)
        for _ in 0..<6 {
            let process = try harness.start(["backfill", "--config", config, "--urls", list, "--source", "archive"])
            try await Task.sleep(for: .milliseconds(100 + Int(random.next() % 600)))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            await process.waitUntilExitAsync()
        }
        let finished = try await harness.run(["backfill", "--config", config, "--urls", list, "--source", "archive"])
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout.contains("archive"))
        let again = try await harness.run(["backfill", "--config", config, "--urls", list, "--source", "archive"])
        #expect(again.status == 0)

        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.allLines.count == 160)
        #expect(Set(snapshot.allLines.map(\.canonical_url)).count == 160)
        for (day, lines) in snapshot.linesByDay {
            let seqs = lines.compactMap(\.seq).sorted()
            #expect(seqs == Array(0..<seqs.count))
            #expect(Set(lines.compactMap(\.file)) == snapshot.textFilesByDay[day, default: []])
        }
    }

    @Test func backfillAndRunTogetherOnOneStateBothComplete() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 3, articlesPerOutlet: 60, pageBytes: 4_000...8_000, seed: 12)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(5))
        // The timer run polls outlets 0 and 1; the backfill takes outlet 2's archive.
        let config = try harness.writeConfig(sources: Array(servers.sourceJSON.prefix(2)))
        let list = harness.path("urls.txt")
        try Data(urlList(servers, outlets: 2..<3).utf8).write(to: URL(fileURLWithPath: list))

        let run = try harness.start(["run", "--config", config], log: "run")
        let backfill = try harness.start(["backfill", "--config", config, "--urls", list], log: "backfill")
        #expect(try await waitFor(seconds: 240) { !run.isRunning && !backfill.isRunning })
        await run.waitUntilExitAsync()
        await backfill.waitUntilExitAsync()
        #expect(run.terminationStatus == 0, "\(harness.errors(of: "run"))")
        #expect(backfill.terminationStatus == 0, "\(harness.errors(of: "backfill"))")

        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.allLines.count == 180)
        #expect(Set(snapshot.allLines.map(\.canonical_url)).count == 180)
        for (day, lines) in snapshot.linesByDay {
            let seqs = lines.compactMap(\.seq).sorted()
            #expect(seqs == Array(0..<seqs.count), "interleaved writers must share one gap-free sequence")
            #expect(Set(lines.compactMap(\.file)) == snapshot.textFilesByDay[day, default: []])
        }
    }

    @Test func warcFileIsIngestedWithoutNetworkAndResumesFromItsCheckpoint() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 1, articlesPerOutlet: 30, pageBytes: 4_000...8_000, seed: 13)
        var warc = Data()
        for (index, article) in corpus.articles(outlet: 0).enumerated() {
            let capture = WARCWriting.capture(article, of: corpus)
            warc += capture.request + capture.response
            if index == 10 {
                warc += Data("garbage that is not a record\r\n\r\n".utf8)
            }
        }
        let path = harness.path("capture.warc")
        try warc.write(to: URL(fileURLWithPath: path))
        let config = try harness.writeConfig(sources: [#"{"name":"unused","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#])
        let first = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(again.status == 0)
        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.allLines.count == 30)
        let article = corpus.article(outlet: 0, index: 4)
        let line = try #require(snapshot.allLines.first { $0.canonical_url.hasSuffix(article.path) })
        let day = try #require(snapshot.linesByDay.first { $0.value.contains { $0.id == line.id } }?.key)
        #expect(snapshot.texts["\(day)/\(line.file!)"] == article.paragraphs.joined(separator: "\n") + "\n")
    }

    /// Damage the reader repairs is no error: a record whose block is not followed by CRLF CRLF
    /// (the next record starts right after it) is kept and logged as read despite damage, and
    /// only bytes that belong to no record count as `warc_corrupt`.
    @Test func aRepairedWARCRecordIsKeptAndNotCountedAsAnError() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 1, articlesPerOutlet: 6, pageBytes: 4_000...6_000, seed: 29)
        var warc = Data()
        for (index, article) in corpus.articles(outlet: 0).enumerated() {
            var record = WARCWriting.capture(article, of: corpus).response
            if index == 2 { record.removeLast(4) }  // no CRLF CRLF: the next record starts at once
            warc += record
            if index == 4 { warc += Data("garbage that is not a record\r\n\r\n".utf8) }
        }
        let path = harness.path("capture.warc")
        try warc.write(to: URL(fileURLWithPath: path))
        let config = try harness.writeConfig(sources: [#"{"name":"unused","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#])
        let result = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try OutputSnapshot(root: harness.path("records")).allLines.count == 6)
        #expect(result.stderr.contains("WARC record read despite damage"))
        #expect(result.stderr.contains("WARC bytes outside any record skipped"))
        #expect(!result.stderr.contains("WARC record skipped"))
        let total = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("total") })
        #expect(total.split(separator: " ").last == "warc_corrupt=1", "one error: the garbage, not the repaired record\n\(result.stdout)")
    }
}

extension BackfillTests {
    /// The corpus's capture written as `capture.warc`, and a configuration whose only source is
    /// never polled: (WARC path, config path).
    fileprivate func captureSetUp(_ harness: BinaryHarness, _ corpus: NewsCorpus) throws -> (String, String) {
        let path = harness.path("capture.warc")
        try captureWARC(corpus).write(to: URL(fileURLWithPath: path))
        let config = try harness.writeConfig(sources: [#"{"name":"unused","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#])
        return (path, config)
    }

    /// A WARC of `count` article captures (request + response each), one URL captured twice
    /// and some garbage between records, as a crawler would leave it.
    fileprivate func captureWARC(_ corpus: NewsCorpus) -> Data {
        var warc = Data()
        let articles = corpus.articles(outlet: 0)
        for (index, article) in articles.enumerated() {
            let capture = WARCWriting.capture(article, of: corpus)
            warc += capture.request + capture.response
            if index == 7 { warc += Data("garbage that is not a record\r\n\r\n".utf8) }
            // The same URL captured again right away: still one record.
            if index == 20 { warc += capture.response }
        }
        return warc
    }

    /// Every invariant of a finished WARC backfill of `count` distinct articles.
    fileprivate func expectComplete(_ harness: BinaryHarness, count: Int) throws {
        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.allLines.count == count)
        #expect(Set(snapshot.allLines.map(\.canonical_url)).count == count)
        for (day, lines) in snapshot.linesByDay {
            let seqs = lines.compactMap(\.seq).sorted()
            #expect(seqs == Array(0..<seqs.count))
            #expect(Set(lines.compactMap(\.file)) == snapshot.textFilesByDay[day, default: []])
        }
        #expect(snapshot.temporaries.isEmpty)
        let pending = (try? FileManager.default.contentsOfDirectory(atPath: harness.path("records/.pending"))) ?? []
        #expect(pending.isEmpty, "no pending body left once the backfill finished")
    }

    @Test func warcBackfillKilledAtRandomInstantsLosesAndDoublesNothing() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let (path, config) = try captureSetUp(harness, NewsCorpus(outlets: 1, articlesPerOutlet: 240, pageBytes: 4_000...8_000, seed: 21))

        var random = SplitMix(seed: 23)
        for _ in 0..<8 {
            let process = try harness.start(["backfill", "--config", config, "--warc", path])
            try await Task.sleep(for: .milliseconds(80 + Int(random.next() % 700)))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            await process.waitUntilExitAsync()
        }
        let finished = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(finished.status == 0, "\(finished.stderr)")
        let again = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(again.status == 0)
        try expectComplete(harness, count: 240)
    }

    @Test func warcBackfillStopsGracefullyOnSIGTERMAndResumes() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let (path, config) = try captureSetUp(harness, NewsCorpus(outlets: 1, articlesPerOutlet: 400, pageBytes: 6_000...12_000, seed: 22))

        let process = try harness.start(["backfill", "--config", config, "--warc", path])
        let writing = try await waitFor(seconds: 60) {
            ((try? OutputSnapshot(root: harness.path("records")))?.allLines.count ?? 0) >= 5
        }
        try #require(writing)
        let signalled = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitFor(seconds: 12) { !process.isRunning })
        #expect(ContinuousClock.now - signalled < .seconds(10))
        await process.waitUntilExitAsync()
        #expect(process.terminationStatus == 0)
        let stopped = try OutputSnapshot(root: harness.path("records"))
        #expect(stopped.allLines.count < 400, "the stop came before the end")

        let finished = try await harness.run(["backfill", "--config", config, "--warc", path])
        #expect(finished.status == 0, "\(finished.stderr)")
        try expectComplete(harness, count: 400)
    }
}

/// Minimal WARC 1.1 writer for fixtures made inside a test.
enum WARCWriting {
    static func record(type: String, uri: String, contentType: String, block: Data) -> Data {
        let header = """
        WARC/1.1\r
        WARC-Type: \(type)\r
        WARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r
        WARC-Date: 2026-11-20T10:00:00Z\r
        WARC-Target-URI: \(uri)\r
        Content-Type: \(contentType)\r
        Content-Length: \(block.count)\r
        \r

        """
        return Data(header.utf8) + block + Data("\r\n\r\n".utf8)
    }

    /// A crawler's capture of one corpus article at `https://news.example.org`: the request
    /// record and the response record (an HTTP 200 with the page).
    static func capture(_ article: NewsCorpus.Article, of corpus: NewsCorpus) -> (request: Data, response: Data) {
        let uri = "https://news.example.org\(article.path)"
        let page = Data(corpus.page(article, origin: "https://news.example.org").utf8)
        let http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(page.count)\r\n\r\n".utf8) + page
        let request = record(type: "request", uri: uri, contentType: "application/http; msgtype=request",
                             block: Data("GET \(article.path) HTTP/1.1\r\nHost: news.example.org\r\n\r\n".utf8))
        return (request, record(type: "response", uri: uri, contentType: "application/http; msgtype=response", block: http))
    }
}
