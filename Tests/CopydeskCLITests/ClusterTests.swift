import Foundation
import LoopbackServer
import PostgresTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Several workers, one PostgreSQL state: the real binary, three processes with their own
/// output folders, one loopback news corpus.
@Suite("Cluster of workers on PostgreSQL", .serialized, .timeLimit(.minutes(6)))
struct ClusterTests {
    /// One worker: its own folder (output, locks, logs) and a configuration naming the shared state.
    struct Worker {
        let name: String
        let harness: BinaryHarness
        let config: String

        init(name: String, stateURL: String, sources: [String], delayMs: Int, leaseSeconds: Double) throws {
            self.name = name
            harness = try BinaryHarness()
            let json = """
            {
              "output": { "directory": "records" },
              "state": { "url": "\(stateURL)" },
              "worker": { "name": "\(name)", "leaseSeconds": \(leaseSeconds) },
              "fetch": { "allowPrivateNetworks": true, "perHostDelayMs": \(delayMs), "perHostConcurrency": 1,
                         "concurrency": 16, "timeoutSeconds": 10, "maxAttempts": 2 },
              "sources": [\(sources.joined(separator: ","))]
            }
            """
            config = harness.path("pipeline.json")
            try Data(json.utf8).write(to: URL(fileURLWithPath: config))
        }

        func start(_ log: String = "run") throws -> Process { try harness.start(["run", "--config", config], log: log) }
        var records: String { harness.path("records") }
    }

    /// Every manifest line of every worker, with the worker that wrote it.
    static func allLines(_ workers: [Worker]) throws -> [(worker: String, line: OutputSnapshot.Line)] {
        try workers.flatMap { worker in try OutputSnapshot(root: worker.records).allLines.map { (worker.name, $0) } }
    }

    /// Each article recorded once across the workers, and each reprint group with one original.
    static func expectExactlyOnce(_ workers: [Worker], corpus: NewsCorpus) throws {
        let lines = try allLines(workers)
        let articles = (0..<corpus.outlets).flatMap { corpus.articles(outlet: $0) }
        #expect(lines.count == articles.count, "lines \(lines.count) for \(articles.count) articles")
        // Articles are told apart by path (the corpus's paths are unique across outlets).
        let byURL = Dictionary(grouping: lines, by: { URL(string: $0.line.canonical_url)!.path })
        #expect(byURL.count == articles.count)
        #expect(byURL.values.allSatisfy { $0.count == 1 }, "doubled: \(byURL.filter { $0.value.count > 1 }.keys.sorted())")
        for worker in workers {
            let snapshot = try OutputSnapshot(root: worker.records)
            #expect(snapshot.temporaries.isEmpty)
            for (day, dayLines) in snapshot.linesByDay {
                let seqs = dayLines.compactMap(\.seq).sorted()
                #expect(seqs == Array(0..<seqs.count), "\(worker.name) day \(day) seqs \(seqs)")
            }
        }
        // Reprint groups: the outlet-0 original and its reprints; one record without
        // duplicate_of, the others naming it.
        var groups: [Int: [String]] = [:]
        for article in articles {
            let root = article.reprintOf.map { $0.index } ?? (article.outlet == 0 ? article.index : nil)
            if let root { groups[root, default: []].append(article.path) }
        }
        for (_, paths) in groups where paths.count > 1 {
            let members = paths.compactMap { byURL[$0]?.first?.line }
            let originals = members.filter { $0.duplicate_of == nil }
            // One original, every other copy flagged: never two originals, whichever workers
            // committed the copies. (Which record a copy names is the dedupe index's best match
            // when it was committed; in this corpus every reprint ends with the same credit
            // line, so a short reprint committed before its original can match another story's
            // reprint: a property of the corpus, not of the cluster.)
            #expect(originals.count == 1, "group \(paths): originals \(originals.map(\.id))")
        }
    }

    @Test func threeWorkersRecordEachArticleOnceAndKeepEachHostsSpacing() async throws {
        let cluster = try PostgresTestCluster.shared()
        let stateURL = try cluster.createDatabase(label: "cluster3")
        defer { try? cluster.dropDatabase(uri: stateURL) }
        let corpus = NewsCorpus(outlets: 6, articlesPerOutlet: 30, pageBytes: 2_000...4_000, reprintShare: 0.2, seed: 61)
        let servers = try CorpusServers(corpus)
        let delayMs = 40
        let workers = try (1...3).map { try Worker(name: "w\($0)", stateURL: stateURL, sources: servers.sourceJSON, delayMs: delayMs, leaseSeconds: 10) }
        defer { workers.forEach { $0.harness.cleanUp() } }

        let processes = try workers.map { try $0.start() }
        for process in processes { await process.waitUntilExitAsync() }
        for (worker, process) in zip(workers, processes) {
            #expect(process.terminationStatus == 0, "\(worker.name): \(worker.harness.errors(of: "run"))")
        }
        try Self.expectExactlyOnce(workers, corpus: corpus)
        // The work was shared: more than one worker wrote records.
        let writers = Set(try Self.allLines(workers).map(\.worker))
        #expect(writers.count >= 2, "writers \(writers)")
        // `records` on one worker lists every worker's records in one commit order; only its
        // own carry a path.
        let listed = try await workers[0].harness.run(["records", "--config", workers[0].config, "--include-duplicates"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let objects = try listed.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects.count == (0..<corpus.outlets).reduce(0) { $0 + corpus.articles(outlet: $1).count })
        for object in objects {
            let writer = object["worker"] as? String
            #expect(writer != nil)
            #expect((object["path"] != nil) == (writer == "w1" && object["file"] is String))
        }
        let others = try await workers[0].harness.run(["records", "--config", workers[0].config, "--include-duplicates", "--worker", "w2"])
        #expect(others.stdout.split(separator: "\n").allSatisfy { $0.contains(#""worker":"w2""#) })
        // No host received two requests closer than the delay (10 % for arrival jitter: two
        // workers at once would arrive microseconds apart).
        for server in servers.servers {
            let arrivals = server.requestLog.map(\.receivedAt).sorted()
            for (a, b) in zip(arrivals, arrivals.dropFirst()) {
                #expect(b - a >= .milliseconds(delayMs * 9 / 10), "\(server.origin): \(b - a)")
            }
        }
    }

    @Test func aWorkerKilledAtRandomInstantsLosesAndDoublesNothing() async throws {
        let cluster = try PostgresTestCluster.shared()
        let stateURL = try cluster.createDatabase(label: "clusterkill")
        defer { try? cluster.dropDatabase(uri: stateURL) }
        let corpus = NewsCorpus(outlets: 4, articlesPerOutlet: 120, pageBytes: 3_000...5_000, reprintShare: 0.1, seed: 83)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(3))
        let workers = try (1...3).map { try Worker(name: "k\($0)", stateURL: stateURL, sources: servers.sourceJSON, delayMs: 0, leaseSeconds: 2) }
        defer { workers.forEach { $0.harness.cleanUp() } }

        var random = SplitMix(seed: 1_907)
        var steady = try workers.prefix(2).map { try $0.start() }
        var kills = 0
        var attempts = 0
        while kills < 10, attempts < 60 {
            attempts += 1
            // The two steady workers run pass after pass.
            for index in steady.indices where !steady[index].isRunning {
                steady[index] = try workers[index].start("run-\(attempts)")
            }
            let victim = try workers[2].start("victim-\(attempts)")
            let pause = UInt32(30_000 + Int(random.next() % 400) * 1_000)
            if await killOnOwnThread(victim, after: { usleep(pause) }) { kills += 1 }
            await victim.waitUntilExitAsync()
        }
        #expect(kills >= 10)
        for process in steady { await process.waitUntilExitAsync() }
        // Passes until nothing is left; the killed worker's journal is finished by its restart.
        for _ in 0..<3 {
            for worker in workers {
                let result = try await worker.harness.run(["run", "--config", worker.config])
                #expect(result.status == 0, "\(worker.name): \(result.stderr)")
            }
        }
        try Self.expectExactlyOnce(workers, corpus: corpus)
    }
}

/// `check-config`, `status` and `records` against a PostgreSQL state.
@Suite("PostgreSQL state in the commands", .serialized, .timeLimit(.minutes(3)))
struct PostgresCommandTests {
    @Test func checkConfigConnectsAndRefusesANewerSchema() async throws {
        let cluster = try PostgresTestCluster.shared()
        let stateURL = try cluster.createDatabase(label: "checkconfig")
        defer { try? cluster.dropDatabase(uri: stateURL) }
        let worker = try ClusterTests.Worker(name: "cc", stateURL: stateURL, sources: [#"{"name":"a","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#],
                                             delayMs: 0, leaseSeconds: 10)
        defer { worker.harness.cleanUp() }
        let fresh = try await worker.harness.run(["check-config", worker.config])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.contains("migrations to apply on the first pass"))
        // A run migrates; then the schema is current.
        #expect(try await worker.harness.run(["run", "--config", worker.config]).status == 0)
        #expect(try await worker.harness.run(["check-config", worker.config]).stdout.contains("schema current"))
        // `status` reads the same database: the worker is listed.
        let status = try await worker.harness.run(["status", "--config", worker.config])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("cc "))
        let json = try await worker.harness.run(["status", "--config", worker.config, "--json"])
        #expect(json.stdout.contains(#""name" : "cc""#))
        // A database migrated by a newer program is refused, naming the migration.
        let psql = URL(fileURLWithPath: cluster.binDirectory).appendingPathComponent("psql").path
        let marker = Process()
        marker.executableURL = URL(fileURLWithPath: psql)
        marker.arguments = [stateURL, "-c", "INSERT INTO schema_migrations (name, applied_at) VALUES ('state-v99-future', 0)"]
        try await marker.runUntilExit()
        #expect(marker.terminationStatus == 0)
        let newer = try await worker.harness.run(["check-config", worker.config])
        #expect(newer.status == 78)
        #expect(newer.stderr.contains("state-v99-future"))
        let refused = try await worker.harness.run(["run", "--config", worker.config])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("state-v99-future"))
        // A wrong address is a clear error, not a crash.
        let broken = try ClusterTests.Worker(name: "cc2", stateURL: "postgresql://postgres@/nosuchdb?host=\(cluster.folder)",
                                             sources: [#"{"name":"a","type":"feed","url":"http://127.0.0.1:9/rss.xml"}"#],
                                             delayMs: 0, leaseSeconds: 10)
        defer { broken.harness.cleanUp() }
        let unreachable = try await broken.harness.run(["check-config", broken.config])
        #expect(unreachable.status == 78)
        #expect(unreachable.stderr.contains("nosuchdb"))
    }
}

/// `backfill --job` on several workers sharing a PostgreSQL state: the WARC files are shared,
/// one file to one worker, and a killed worker's file is resumed.
@Suite("Cluster backfill on PostgreSQL", .serialized, .timeLimit(.minutes(4)))
struct ClusterBackfillTests {
    /// One outlet's articles as a WARC of request + response captures.
    static func capture(_ corpus: NewsCorpus, outlet: Int) -> Data {
        var warc = Data()
        let host = "outlet\(outlet).example.org"
        for article in corpus.articles(outlet: outlet) {
            let uri = "https://\(host)\(article.path)"
            let page = Data(corpus.page(article, origin: "https://\(host)").utf8)
            let http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(page.count)\r\n\r\n".utf8) + page
            warc += WARCWriting.record(type: "request", uri: uri, contentType: "application/http; msgtype=request",
                                       block: Data("GET \(article.path) HTTP/1.1\r\nHost: \(host)\r\n\r\n".utf8))
            warc += WARCWriting.record(type: "response", uri: uri, contentType: "application/http; msgtype=response", block: http)
        }
        return warc
    }

    @Test func twoWorkersShareTheFilesOfOneJobAndAKilledOneIsResumed() async throws {
        let cluster = try PostgresTestCluster.shared()
        let stateURL = try cluster.createDatabase(label: "clusterbackfill")
        defer { try? cluster.dropDatabase(uri: stateURL) }
        let corpus = NewsCorpus(outlets: 4, articlesPerOutlet: 60, pageBytes: 3_000...6_000, reprintShare: 0.15, seed: 97)
        let shared = try BinaryHarness()
        defer { shared.cleanUp() }
        let files = try (0..<corpus.outlets).map { outlet -> String in
            let path = shared.path("outlet\(outlet).warc")
            try Self.capture(corpus, outlet: outlet).write(to: URL(fileURLWithPath: path))
            return path
        }
        let source = [#"{"name":"unused","type":"feed","url":"http://127.0.0.1:9/rss.xml","enabled":false}"#]
        let workers = try (1...2).map { try ClusterTests.Worker(name: "b\($0)", stateURL: stateURL, sources: source, delayMs: 0, leaseSeconds: 2) }
        defer { workers.forEach { $0.harness.cleanUp() } }
        func backfill(_ worker: ClusterTests.Worker, _ log: String) throws -> Process {
            try worker.harness.start(["backfill", "--config", worker.config, "--job", "archive-2026", "--source", "archive", "--warc"] + files, log: log)
        }
        // Both start together; the second is killed once while it works and started again.
        let first = try backfill(workers[0], "first")
        var second = try backfill(workers[1], "second")
        let running = second, records = workers[1].records
        _ = await killOnOwnThread(running) {
            _ = waitBlocking(seconds: 30) { !running.isRunning || ((try? OutputSnapshot(root: records).allLines.count) ?? 0) >= 5 }
        }
        await second.waitUntilExitAsync()
        second = try backfill(workers[1], "second-again")
        await first.waitUntilExitAsync()
        await second.waitUntilExitAsync()
        #expect(first.terminationStatus == 0, "\(workers[0].harness.errors(of: "first"))")
        #expect(second.terminationStatus == 0, "\(workers[1].harness.errors(of: "second-again"))")
        // Anything left (a file the killed worker held until its lease ran out) is finished by
        // another start; then the job is done and a further start writes nothing.
        for worker in workers {
            let result = try await worker.harness.run(["backfill", "--config", worker.config, "--job", "archive-2026", "--source", "archive", "--warc"] + files)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let before = try ClusterTests.allLines(workers).count
        for worker in workers {
            _ = try await worker.harness.run(["backfill", "--config", worker.config, "--job", "archive-2026", "--source", "archive", "--warc"] + files)
        }
        #expect(try ClusterTests.allLines(workers).count == before)
        try ClusterTests.expectExactlyOnce(workers, corpus: corpus)
        #expect(Set(try ClusterTests.allLines(workers).map(\.worker)).count == 2, "both workers wrote records")
    }
}
