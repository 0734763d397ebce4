import Foundation

/// Result slots written by parallel workers, each slot by exactly one worker.
final class FingerprintSlots: @unchecked Sendable {
    // @unchecked: workers write disjoint indices, and `values` is read only after
    // `concurrentPerform` returns; the lock makes each write visible without relying on that.
    private var slots: [DedupeFingerprint?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: DedupeFingerprint) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func replace(with values: [DedupeFingerprint]) {
        lock.lock()
        slots = values
        lock.unlock()
    }

    var values: [DedupeFingerprint] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
