import Foundation
import LoopbackServer
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The exactly-once promise, tested the hard way: the real binary, killed with SIGKILL at many
/// instants, restarted each time, must end with every article recorded once and nothing torn.
@Suite("Crash safety", .serialized, .timeLimit(.minutes(5)))
struct CrashSafetyTests {
    @Test func killedAtRandomInstantsLosesAndDoublesNothing() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        // Large enough that 20 kills never exhaust it: a kill after manifest growth lets at most
        // one write group (64 records) through, a timed kill mostly lands in start-up.
        let corpus = NewsCorpus(outlets: 3, articlesPerOutlet: 600, pageBytes: 3_000...6_000, reprintShare: 0.1, seed: 42)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(5))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let records = harness.path("records")

        // Kills alternate between two kinds of instant, both seeded: a random time after start
        // (start-up, recovery, polling, the first fetches) and a random moment just after the
        // manifest has grown by a few lines (mid-commit: journal, file, rename, append). The
        // second kind lands in the write path whatever the machine's speed.
        var random = SplitMix(seed: 2026)
        var kills = 0
        var attempts = 0
        while kills < 20, attempts < 100 {
            attempts += 1
            let before = Self.manifestLineCount(records)
            let process = try harness.start(["run", "--config", config, "--all", "--wait"])
            // The instants are timed, and the kill sent, on a thread of their own (blocking
            // sleeps): an awaited sleep resumes only when the test pool has a free thread, which
            // other suites running in parallel can hold for seconds, and a late kill lets a whole
            // pass through.
            let killed: Bool
            if attempts % 2 == 1 {
                let pause = UInt32(20_000 + Int(random.next() % 250) * 1_000)
                killed = await killOnOwnThread(process) { usleep(pause) }
            } else {
                let target = before + 1 + Int(random.next() % 5)
                let pause = UInt32(random.next() % 3_000)
                killed = await killOnOwnThread(process) {
                    _ = waitBlocking(seconds: 30) { !process.isRunning || Self.manifestLineCount(records) >= target }
                    usleep(pause)
                }
            }
            if killed { kills += 1 }
            await process.waitUntilExitAsync()
        }
        #expect(kills >= 20)
        // Let passes finish until one has nothing left to do.
        for _ in 0..<5 {
            let result = try await harness.run(["run", "--config", config, "--all"])
            #expect(result.status == 0, "\(result.stderr)")
        }

        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.temporaries.isEmpty, "temporary files left: \(snapshot.temporaries)")
        let lines = snapshot.allLines
        // One manifest line per article, no more.
        let expected = (0..<corpus.outlets).flatMap { outlet in corpus.articles(outlet: outlet).map { ($0, outlet) } }
        #expect(lines.count == expected.count)
        #expect(Set(lines.map(\.canonical_url)).count == expected.count)
        #expect(lines.allSatisfy { $0.revision == 1 })
        for (day, dayLines) in snapshot.linesByDay {
            // Seqs unique and gap-free; every file has its line and every line with a file its file.
            let seqs = dayLines.compactMap(\.seq).sorted()
            #expect(seqs == Array(0..<seqs.count), "day \(day) seqs \(seqs)")
            let named = Set(dayLines.compactMap(\.file))
            #expect(named == snapshot.textFilesByDay[day, default: []])
        }
        // Every text file holds its article's body, complete.
        let byPath = Dictionary(uniqueKeysWithValues: expected.map { ($0.0.path, $0.0) })
        for (day, dayLines) in snapshot.linesByDay {
            for line in dayLines {
                guard let file = line.file else { continue }
                let path = URL(string: line.canonical_url)!.path
                let article = try #require(byPath[path])
                #expect(snapshot.texts["\(day)/\(file)"] == article.paragraphs.joined(separator: "\n") + "\n")
            }
        }
    }

    @Test func sigtermStopsGracefullyWithinTenSeconds() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 2, articlesPerOutlet: 150, pageBytes: 4_000...8_000, seed: 9)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(40))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let process = try harness.start(["run", "--config", config])
        // Wait (bounded) until the pass is writing records, then ask it to stop.
        let manifestAppeared = try await waitFor(seconds: 60) {
            ((try? OutputSnapshot(root: harness.path("records")))?.allLines.count ?? 0) >= 5
        }
        try #require(manifestAppeared)
        let signalled = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        let exited = try await waitFor(seconds: 12) { !process.isRunning }
        #expect(exited)
        #expect(ContinuousClock.now - signalled < .seconds(10))
        await process.waitUntilExitAsync()
        #expect(process.terminationStatus == 0)
        let snapshot = try OutputSnapshot(root: harness.path("records"))
        #expect(snapshot.allLines.count < corpus.outlets * corpus.articlesPerOutlet)
        for (day, lines) in snapshot.linesByDay {
            #expect(Set(lines.compactMap(\.file)) == snapshot.textFilesByDay[day, default: []])
        }
        #expect(snapshot.temporaries.isEmpty)
    }

    @Test func runExitsWith75WhileAnotherHoldsTheLockAndWaitsWithWait() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 1, articlesPerOutlet: 3, seed: 3)
        let servers = try CorpusServers(corpus)
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        // This test process plays the running pass: it holds the same kernel lock.
        let held = try RunLock(statePath: harness.path("state.sqlite"), kind: "run", mode: .failFast)
        let refused = try await harness.run(["run", "--config", config])
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("another copydesk run"))

        let waiting = try harness.start(["run", "--config", config, "--wait"])
        // It must still be waiting while the lock is held…
        #expect(try await !waitFor(seconds: 1) { !waiting.isRunning })
        held.release()
        // …and complete once it is released.
        #expect(try await waitFor(seconds: 60) { !waiting.isRunning })
        await waiting.waitUntilExitAsync()
        #expect(waiting.terminationStatus == 0)
        #expect(try OutputSnapshot(root: harness.path("records")).allLines.count == 3)
    }

    @Test func lockOfAKilledProcessDoesNotBlock() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let corpus = NewsCorpus(outlets: 1, articlesPerOutlet: 50, seed: 5)
        let servers = try CorpusServers(corpus, addedLatency: .milliseconds(50))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        let first = try harness.start(["run", "--config", config])
        #expect(try await waitFor(seconds: 30) { FileManager.default.fileExists(atPath: harness.path("state.sqlite")) })
        kill(first.processIdentifier, SIGKILL)
        await first.waitUntilExitAsync()
        let next = try await harness.run(["run", "--config", config])
        #expect(next.status == 0, "\(next.stderr)")
    }
}

extension CrashSafetyTests {
    /// Lines in every day's manifest so far.
    static func manifestLineCount(_ root: String) -> Int {
        let days = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return days.reduce(0) { total, day in
            let data = FileManager.default.contents(atPath: "\(root)/\(day)/records.jsonl") ?? Data()
            return total + data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
    }
}

/// Polls `condition` every 5 ms until it holds or `seconds` pass.
/// `waitFor` on the calling thread: polls every millisecond without giving the thread up. Call
/// it on a thread of its own (``killOnOwnThread(_:after:)``), never on the cooperative pool.
func waitBlocking(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(1_000)
    }
    return condition()
}

/// Runs `timing` (blocking sleeps and polls) and then SIGKILLs `process` if it still runs, both
/// on a thread of their own: the kill comes at the instant `timing` picks however busy the test
/// pool is, and the test's task waits suspended, holding no pool thread. True when it killed.
func killOnOwnThread(_ process: Process, after timing: @escaping @Sendable () -> Void) async -> Bool {
    await onOwnThread {
        timing()
        guard process.isRunning else { return false }
        kill(process.processIdentifier, SIGKILL)
        return true
    }
}

func waitFor(seconds: Double, _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
