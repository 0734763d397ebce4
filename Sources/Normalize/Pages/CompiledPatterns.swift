import Foundation

/// Each source's `articlePattern`, compiled once per process and kept.
///
/// Compiling on every poll was wasted work, and swift-corelibs-foundation leaks a UTF-16 copy of
/// a pattern longer than its stack buffer on every `NSRegularExpression(pattern:)` (found by
/// the `config` fuzz target: 870 bytes for a 430-character pattern): a service polling a page
/// source every few minutes for years would grow by it. At most ``limit`` patterns are kept (a
/// configuration has a few); past that a pattern is compiled for the call only.
enum CompiledPatterns {
    static let limit = 1_024

    private final class Store: @unchecked Sendable {
        // Guarded by `lock`; NSRegularExpression is immutable once made and safe to share.
        let lock = NSLock()
        var expressions: [String: NSRegularExpression] = [:]
    }

    private static let store = Store()

    /// The compiled `pattern`; throws what `NSRegularExpression` throws for an invalid one.
    static func expression(_ pattern: String) throws -> NSRegularExpression {
        store.lock.lock()
        let known = store.expressions[pattern]
        store.lock.unlock()
        if let known { return known }
        let compiled = try NSRegularExpression(pattern: pattern)
        store.lock.lock()
        if store.expressions.count < limit { store.expressions[pattern] = compiled }
        store.lock.unlock()
        return compiled
    }

    /// Whether `pattern` is already compiled and kept (for tests).
    static func isKept(_ pattern: String) -> Bool {
        store.lock.lock()
        defer { store.lock.unlock() }
        return store.expressions[pattern] != nil
    }
}
