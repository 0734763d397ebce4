import Foundation
import LoopbackServer
import Testing

/// The child-process helpers the tests wait with: they report what the child did, survive a
/// child that cannot start, and — the reason they exist — leave the cooperative pool free while
/// they wait. Five minutes: `manyWaitsAtOnceLeaveThePoolFree` may wait its turn on a busy pool.
@Suite(.timeLimit(.minutes(5)))
struct ChildProcessTests {
    private func shell(_ script: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        return process
    }

    @Test func collectsStatusAndBothOutputs() async throws {
        let result = try await shell("printf 'to out'; printf 'to err' >&2; exit 3").runCollectingOutput()
        #expect(result.status == 3)
        #expect(result.reason == .exit)
        #expect(result.stdout == "to out")
        #expect(result.stderr == "to err")
    }

    @Test func aSignalIsReportedAsSuch() async throws {
        let result = try await shell("kill -KILL $$").runCollectingOutput()
        #expect(result.reason == .uncaughtSignal)
        #expect(result.status == SIGKILL)
    }

    @Test func aProgramThatCannotStartThrowsInsteadOfHanging() async {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/nonexistent/copydesk-no-such-program")
        await #expect(throws: (any Error).self) { try await process.runCollectingOutput() }
    }

    @Test func waitingForAProcessThatAlreadyEndedReturns() async throws {
        let process = shell("exit 7")
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        await process.waitUntilExitAsync()
        #expect(process.terminationStatus == 7)
    }

    /// More waits than the pool has threads, all pending at once: with a blocking wait the pool
    /// would be full of waiting threads, and the last waiters and this test's own task, which
    /// ends the children, would never run. A watchdog on a thread of its own then ends them
    /// after 240 s (the time limit cannot fire while the pool is starved), and the test fails
    /// instead of hanging the run. The watchdog's wait only bounds that deadlock, so it is far
    /// longer than a whole run: with a busy pool (the suite under AddressSanitizer, where
    /// CPU-bound tests hold both threads) this test's task may wait its turn for a minute, and
    /// a 45 s watchdog failed it there although no wait blocked.
    @Test func manyWaitsAtOnceLeaveThePoolFree() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 3
        let children = try (0..<count).map { _ in
            let child = shell("exec sleep 600")
            try child.run()
            return child
        }
        let watchdogKills = Counter()
        Thread {
            Thread.sleep(forTimeInterval: 240)
            for child in children where child.isRunning {
                watchdogKills.increment()
                kill(child.processIdentifier, SIGKILL)
            }
        }.start()
        let entered = Counter()
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for child in children {
                group.addTask {
                    entered.increment()
                    await child.waitUntilExitAsync()
                    return child.terminationStatus
                }
            }
            while entered.value < count { try await Task.sleep(for: .milliseconds(5)) }
            children.forEach { kill($0.processIdentifier, SIGKILL) }
            for try await status in group { #expect(status == SIGKILL) }
        }
        #expect(watchdogKills.value == 0, "the waits held the pool until the watchdog ended the children")
    }

    @Test func waitsForAChildStartedWithPosixSpawn() async {
        let words: [String] = ["/bin/sh", "-c", "exit 4"]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0)
        let status = await waitForChild(pid)
        #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 4)  // WIFEXITED, WEXITSTATUS
    }
}

/// A counter shared by the waiting tasks, the watchdog and the test.
private final class Counter: @unchecked Sendable {
    // `@unchecked Sendable`: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
