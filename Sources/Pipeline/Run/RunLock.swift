import Foundation

/// The lock that keeps two `run` passes off one state at a time (a `backfill` takes its own
/// lock and may run alongside). It is a `flock` held for the life of the process, so a lock
/// left by a killed process never blocks the next run.
public final class RunLock: Sendable {
    private let lock: FileLock

    /// Whether the caller waits for a running pass to finish or gives up at once.
    public enum Mode: Sendable { case failFast, wait }

    /// The lock is already held by another process.
    public struct Busy: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "another copydesk run holds \(path); this run exits (use --wait to queue behind it)"
        }
    }

    /// Takes the lock for `kind` (`run`, `backfill-<job>`) next to the state file.
    public init(statePath: String, kind: String, mode: Mode) throws {
        lock = try FileLock(path: statePath + ".\(kind).lock")
        switch mode {
        case .failFast:
            guard try lock.tryLock() else { throw Busy(path: lock.path) }
        case .wait:
            try lock.lock()
        }
    }

    /// Releases early; otherwise the lock goes with the process.
    public func release() { lock.unlock() }
}
