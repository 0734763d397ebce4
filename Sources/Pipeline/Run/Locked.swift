import Foundation

/// A value behind a lock, with the `withLock` shape of `Synchronization.Mutex`.
///
/// Why not `Mutex`: on Linux it is a futex in the uninstrumented standard library, which
/// ThreadSanitizer cannot see, so every access made under it is reported as a race (CI runs
/// the concurrency suites under TSan). A pthread mutex (`NSLock`) is intercepted by TSan, so
/// the sanitizer checks our code rather than reporting the lock. Uncontended, the cost is a
/// few nanoseconds more, on paths that take it at most once per record.
///
/// `@unchecked Sendable`: `value` is only touched while `lock` is held.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
