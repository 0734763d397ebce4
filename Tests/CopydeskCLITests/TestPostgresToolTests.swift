import Foundation
import LoopbackServer
import Pipeline
@testable import PostgresTestSupport
import Testing

/// `copydesk-test-postgres`, which `make test` runs to start the PostgreSQL cluster before the
/// tests (`PostgresTestCluster.attachVariable`).
@Suite("PostgreSQL cluster started before the tests", .timeLimit(.minutes(3)))
struct TestPostgresToolTests {
    static var tool: URL {
        BinaryHarness.binary.deletingLastPathComponent().appendingPathComponent("copydesk-test-postgres")
    }

    static func runTool(_ arguments: [String]) async throws -> ChildProcessOutput {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        return try await process.runCollectingOutput()
    }

    @Test(.disabled(if: PostgresTestCluster.skipRequested))
    func aClusterStartedBeforehandServesTheTestsAndGoesWithItsOwner() async throws {
        // The owner stands for the shell that runs the tests.
        let owner = Process()
        owner.executableURL = URL(fileURLWithPath: "/bin/sh")
        owner.arguments = ["-c", "exec sleep 600"]
        try owner.run()
        let started = try await Self.runTool(["start", "--watch", "\(owner.processIdentifier)"])
        #expect(started.status == 0, "\(started.stderr)")
        let folder = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!folder.isEmpty)

        let cluster = try PostgresTestCluster.attach(folder: folder).get()
        // The server's programs are found as for a cluster of its own (tests run `psql`).
        #expect(FileManager.default.isExecutableFile(atPath: cluster.binDirectory + "/psql"))
        do {
            let connection = try PGConnection(uri: cluster.createDatabase(label: "attached"))
            try connection.query("CREATE TABLE t (n int)")
        }
        // Attached, not owned: stopping it is the owner's watchdog's work.
        cluster.stop()
        #expect(FileManager.default.fileExists(atPath: folder + "/.s.PGSQL.5432"))

        kill(owner.processIdentifier, SIGKILL)
        await owner.waitUntilExitAsync()
        // The watchdog looks for its owner once a second, then stops the server and removes
        // the folder; the deadline only bounds a broken watchdog.
        let deadline = ContinuousClock.now + .seconds(90)
        while FileManager.default.fileExists(atPath: folder) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!FileManager.default.fileExists(atPath: folder), "the cluster outlived the process it watched")
    }

    @Test func aFolderWithoutAServerIsAClearError() {
        guard case .failure(let error) = PostgresTestCluster.attach(folder: "/nonexistent/copydesk-pg") else {
            Issue.record("attached to a folder without a server")
            return
        }
        #expect(error.message.contains(PostgresTestCluster.attachVariable))
        #expect(error.message.contains("no running PostgreSQL test cluster"))
    }

    @Test func aBadCommandLineIsAUsageError() async throws {
        let bare = try await Self.runTool([])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("usage: copydesk-test-postgres start --watch PID"))
        // A process that does not exist would leave the cluster to run forever: refused.
        let gone = try await Self.runTool(["start", "--watch", "999999999"])
        #expect(gone.status == 2)
        #expect(gone.stderr.contains("no process"))
    }
}
