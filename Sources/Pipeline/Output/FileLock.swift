import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory `flock(2)` lock on a file. The kernel releases it when the process dies, so a
/// killed run never blocks the next one. One owner of the descriptor; `deinit` closes it.
public final class FileLock: @unchecked Sendable {
    // @unchecked: `descriptor` is set once in init and only closed in deinit.
    private let descriptor: Int32
    public let path: String

    /// Opens (creating when missing) the lock file; does not lock yet.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(operation: "open \(path)", code: errno) }
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// Takes the exclusive lock; returns false at once when another holder has it.
    public func tryLock() throws -> Bool {
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw POSIXFailure(operation: "flock \(path)", code: errno)
        }
    }

    /// Takes the exclusive lock, waiting as long as it takes.
    public func lock() throws {
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw POSIXFailure(operation: "flock \(path)", code: errno) }
        }
    }

    public func unlock() {
        _ = flock(descriptor, LOCK_UN)
    }

    /// Runs `body` holding the lock.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        try lock()
        defer { unlock() }
        return try body()
    }
}

/// A failed system call, with what was being done.
public struct POSIXFailure: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32
    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
