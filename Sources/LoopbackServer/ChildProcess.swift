public import Foundation

/// What a child process left behind: how it ended and what it wrote.
public struct ChildProcessOutput: Sendable {
    /// The exit status, or the signal number when ``reason`` is `.uncaughtSignal`.
    public let status: Int32
    public let reason: Process.TerminationReason
    public let standardOutput: Data
    public let standardError: Data

    /// Standard output as UTF-8 text.
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
}

/// Waiting for child processes from tests without holding a thread of Swift's cooperative pool.
///
/// Swift Testing runs every test, synchronous ones too, on the cooperative pool, which has one
/// thread per core. `waitUntilExit()`, `readDataToEndOfFile()` or `waitpid` park that thread
/// until the child ends; two such waits on a two-core machine stop every other test in the
/// process, which then fail their time limits on a slow or loaded machine. These helpers
/// suspend the waiting task instead: Foundation calls `terminationHandler` from a thread of
/// its own, and the handler resumes the task. Like `waitUntilExit()`, they learn of the end
/// through a socket the child inherits, so a daemon the child leaves running delays it (hence
/// `posix_spawn` and ``waitForChild(_:)`` for such programs, as PostgresTestSupport does).
extension Process {
    /// Starts the process and suspends until it has ended. The termination handler is set
    /// before `run()`, so the end cannot be missed; if `run()` throws, the error is rethrown.
    /// Replaces any `terminationHandler` already set.
    public func runUntilExit() async throws {
        let gate = ExitGate()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            gate.arm(continuation)
            terminationHandler = { _ in gate.open() }
            do {
                try run()
            } catch {
                terminationHandler = nil
                gate.open(throwing: error)
            }
        }
    }

    /// Suspends until a process already started (by `run()`) has ended: Foundation's own
    /// `waitUntilExit()` on a thread of its own (``onOwnThread(_:)``). Not a termination handler
    /// set now: Foundation's thread would read it without synchronisation, a data race
    /// ThreadSanitizer reports (`runUntilExit()` sets its handler before `run()`, which orders it).
    public func waitUntilExitAsync() async {
        await onOwnThread { self.waitUntilExit() }
    }

    /// Runs the process to its end with standard output and standard error sent to temporary
    /// files, and returns both. Files, not pipes: a long-lived process another test starts at
    /// the same instant (nginx, PostgreSQL) can inherit a pipe's write end, and reading the
    /// pipe to its end would then wait for that process too.
    public func runCollectingOutput() async throws -> ChildProcessOutput {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-child-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        standardOutput = out
        standardError = err
        do {
            try await runUntilExit()
        } catch {
            try? out.close()
            try? err.close()
            throw error
        }
        try? out.close()
        try? err.close()
        // Through FileHandle: FileManager.contents(atPath:) leaks 4 KiB per empty file (Pipeline's
        // FileBytes), and an empty standard error is the usual case.
        func contents(_ path: String) -> Data {
            guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
            defer { try? handle.close() }
            return (try? handle.readToEnd()) ?? Data()
        }
        return ChildProcessOutput(status: terminationStatus, reason: terminationReason,
                                  standardOutput: contents(outPath), standardError: contents(errPath))
    }
}

/// Waits for a child started with `posix_spawn` (not a `Process`) and returns its raw
/// `waitpid` status; the wait runs on a thread of its own (``onOwnThread(_:)``).
public func waitForChild(_ pid: pid_t) async -> Int32 {
    await onOwnThread {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }
}

/// Runs a blocking call (a `waitpid`, a read from a pipe) on a new thread and suspends the
/// calling task until it returns, so that the call holds no thread of the cooperative pool.
public func onOwnThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// Resumes a continuation exactly once, whichever of the termination handler or a failed
/// `run()` comes first.
private final class ExitGate: Sendable {
    private let continuation = LockedValue<CheckedContinuation<Void, any Error>?>(nil)

    func arm(_ continuation: CheckedContinuation<Void, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func open(throwing error: (any Error)? = nil) {
        let waiting = continuation.withLock { value -> CheckedContinuation<Void, any Error>? in
            defer { value = nil }
            return value
        }
        if let error { waiting?.resume(throwing: error) } else { waiting?.resume() }
    }
}
