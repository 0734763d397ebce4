import Foundation
import LoopbackServer
import Testing

@testable import PostgresTestSupport

/// The test cluster's server and watchdog outlive the test that starts them; they must not hold
/// descriptors other tests have open (a pipe's write end kept by PostgreSQL made a CI run hang).
@Suite struct PostgresProcessTests {
    @Test func aSpawnedProgramInheritsOnlyItsStandardDescriptors() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-spawn-\(getpid())-\(ends[1])")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("fds.txt").path
        let pid = try PostgresProcess.spawn(["/bin/sh", "-c", "ls /proc/$$/fd"], output: log, newSession: false)
        _ = await waitForChild(pid)
        let listed = try String(contentsOfFile: log, encoding: .utf8).split(whereSeparator: \.isNewline).compactMap { Int32($0) }
        // The shell's own descriptors (`ls` lists them from a process of its own): standard
        // input, output and error only, none of the test process's, the pipe's included.
        #expect(listed.sorted() == [0, 1, 2])
    }
}
