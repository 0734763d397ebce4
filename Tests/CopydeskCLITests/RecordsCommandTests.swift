import Foundation
import Glibc
import LoopbackServer
import Testing

/// `copydesk records` run as a consumer would: a named cursor, a kill in mid-stream, and
/// `--follow` beside a concurrent `run`.
@Suite("Records for consumers", .timeLimit(.minutes(2)))
struct RecordsCommandTests {
    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    private func cursor(_ line: String) -> Int? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["cursor"] as? Int
    }

    @Test func namedConsumerReadsEachRecordOnceAndReportsHowFarBehindItIs() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let servers = try CorpusServers(NewsCorpus(outlets: 2, articlesPerOutlet: 4, seed: 3))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        #expect(try await harness.run(["run", "--config", config]).status == 0)

        let first = try await harness.run(["records", "--config", config, "--consumer", "indexer"])
        #expect(first.status == 0, "\(first.stderr)")
        let records = lines(first.stdout)
        #expect(records.count == 8)
        #expect(records.allSatisfy { FileManager.default.fileExists(atPath: (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["path"] as? String ?? "") })
        let again = try await harness.run(["records", "--config", config, "--consumer", "indexer"])
        #expect(again.stdout.isEmpty)
        let listing = try await harness.run(["records", "--config", config, "--consumers"])
        #expect(listing.stdout.hasPrefix("indexer\tcursor \(cursor(records.last!)!)\tbehind 0\t"))

        // A consumer keeping its own position.
        let own = try await harness.run(["records", "--config", config, "--since", "\(cursor(records[4])!)", "--print-cursor"])
        #expect(lines(own.stdout) == Array(records.suffix(3)))
        #expect(own.stderr.contains("cursor \(cursor(records.last!)!)"))
        let oneSource = try await harness.run(["records", "--config", config, "--since", "0", "--source", "outlet1"])
        #expect(lines(oneSource.stdout).count == 4)
    }

    @Test func consumerKilledMidStreamSeesEveryRecordAfterRestart() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let servers = try CorpusServers(NewsCorpus(outlets: 3, articlesPerOutlet: 12, seed: 8))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        #expect(try await harness.run(["run", "--config", config]).status == 0)
        let all = lines(try await harness.run(["records", "--config", config, "--since", "0", "--with-text"]).stdout)
        // More than a pipe holds: a reader that stops reading leaves the writer blocked mid-stream.
        #expect(all.reduce(0) { $0 + $1.utf8.count } > 100_000)

        let process = Process()
        process.executableURL = BinaryHarness.binary
        process.arguments = ["records", "--config", config, "--consumer", "slow", "--with-text"]
        process.currentDirectoryURL = harness.folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        // Blocking reads on a thread of their own, not one of the cooperative pool.
        let reader = pipe.fileHandleForReading
        let head = await onOwnThread { reader.readData(ofLength: 4096) }
        #expect(!head.isEmpty)
        kill(process.processIdentifier, SIGKILL)
        await process.waitUntilExitAsync()
        let received = head + (await onOwnThread { reader.readDataToEndOfFile() })
        let beforeKill = lines(String(decoding: received, as: UTF8.self)).filter { cursor($0) != nil }
        #expect(beforeKill.count < all.count)

        let restarted = try await harness.run(["records", "--config", config, "--consumer", "slow", "--with-text"])
        #expect(restarted.status == 0)
        let seen = Set((beforeKill + lines(restarted.stdout)).compactMap(cursor))
        #expect(seen == Set(all.compactMap(cursor)))
    }

    @Test func followPrintsRecordsOfAConcurrentRunAndStopsCleanlyOnSIGTERM() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let servers = try CorpusServers(NewsCorpus(outlets: 2, articlesPerOutlet: 5, seed: 4))
        let config = try harness.writeConfig(sources: servers.sourceJSON)
        #expect(try await harness.run(["check-config", config]).status == 0)

        let follower = Process()
        follower.executableURL = BinaryHarness.binary
        follower.arguments = ["records", "--config", config, "--consumer", "live", "--follow"]
        follower.currentDirectoryURL = harness.folder
        let pipe = Pipe()
        follower.standardOutput = pipe
        let received = ReceivedOutput()
        pipe.fileHandleForReading.readabilityHandler = { handle in received.append(handle.availableData) }
        try follower.run()

        let pass = try await harness.run(["run", "--config", config])
        #expect(pass.status == 0, "\(pass.stderr)")
        // Bounded wait for the follower to catch up (it polls the log a few times a second).
        let deadline = Date().addingTimeInterval(20)
        while received.lineCount < 10 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(received.lineCount == 10)

        follower.terminate()  // SIGTERM
        await follower.waitUntilExitAsync()
        pipe.fileHandleForReading.readabilityHandler = nil
        #expect(follower.terminationStatus == 0)
        let listing = try await harness.run(["records", "--config", config, "--consumers"])
        #expect(listing.stdout.contains("live\tcursor 10\tbehind 0"))
    }
}

/// Bytes a child process wrote, collected on the pipe's handler queue.
private final class ReceivedOutput: @unchecked Sendable {
    // Only touched under the lock.
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var lineCount: Int { lock.withLock { data.filter { $0 == UInt8(ascii: "\n") }.count } }
}
