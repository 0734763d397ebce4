import Foundation

/// robots.txt rules per origin, with an expiry, loaded once even when many fetches for the
/// same host ask at the same time.
///
/// `@unchecked Sendable`: `entries` is guarded by `lock`; continuations are resumed outside it.
final class RobotsCache: @unchecked Sendable {
    private enum Entry {
        case ready(RobotsRules, expires: ContinuousClock.Instant)
        case loading(waiters: [CheckedContinuation<Void, Never>])
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The rules for `origin`, calling `load` (which returns the rules and how long to keep
    /// them) when there are none or they expired. Errors from `load` are not cached.
    func rules(
        for origin: String,
        load: () async throws(FetchError) -> (RobotsRules, Duration)
    ) async throws(FetchError) -> RobotsRules {
        while true {
            enum Step { case use(RobotsRules), wait, load }
            let step: Step = lock.withLock {
                switch entries[origin] {
                case .ready(let rules, let expires) where ContinuousClock.now < expires:
                    return .use(rules)
                case .loading:
                    return .wait
                default:
                    entries[origin] = .loading(waiters: [])
                    return .load
                }
            }

            switch step {
            case .use(let rules):
                return rules
            case .wait:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    lock.lock()
                    if case .loading(let waiters) = entries[origin] {
                        entries[origin] = .loading(waiters: waiters + [continuation])
                        lock.unlock()
                    } else {
                        lock.unlock()
                        continuation.resume()
                    }
                }
                if Task.isCancelled { throw .cancelled }
            case .load:
                let outcome: Result<(RobotsRules, Duration), FetchError>
                do { outcome = .success(try await load()) } catch { outcome = .failure(error) }
                let waiters: [CheckedContinuation<Void, Never>] = lock.withLock {
                    var waiters: [CheckedContinuation<Void, Never>] = []
                    if case .loading(let pending) = entries[origin] { waiters = pending }
                    switch outcome {
                    case .success(let (rules, ttl)): entries[origin] = .ready(rules, expires: .now + ttl)
                    case .failure: entries[origin] = nil
                    }
                    return waiters
                }
                for waiter in waiters { waiter.resume() }
                return try outcome.get().0
            }
        }
    }
}
