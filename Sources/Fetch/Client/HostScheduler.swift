import Foundation

/// Grants transfer slots: at most `concurrency` in flight overall, `perHostConcurrency` per
/// host, and starts to one host spaced at least that host's delay apart. With one transfer per
/// host at a time the delay runs from the end of the previous transfer, so the server sees
/// requests at least the delay apart whatever the network or this machine's load did to the
/// previous one (spacing starts only, a late first arrival shortens the gap the server sees).
///
/// Waiters queue in arrival order; a waiter whose host is busy does not hold up waiters for
/// other hosts, so one slow host never stalls the rest. A waiter held back only by its host's
/// delay sleeps in its own task until then (at most one sleeper per host).
///
/// `@unchecked Sendable`: all mutable state is guarded by `lock`; continuations are resumed
/// after the lock is released.
final class HostScheduler: @unchecked Sendable {
    private struct Host {
        var inFlight = 0
        var lastStart: ContinuousClock.Instant?
        /// When the last transfer ended, kept when the host takes one transfer at a time.
        var lastEnd: ContinuousClock.Instant?
        var notBefore: ContinuousClock.Instant?
        var delay: Duration
        var sleeperActive = false

        /// The last use: the later of the last start and the last end.
        var lastUse: ContinuousClock.Instant? {
            switch (lastStart, lastEnd) {
            case (let a?, let b?): return max(a, b)
            case (let a?, nil): return a
            case (nil, let b): return b
            }
        }

        func nextStart() -> ContinuousClock.Instant? {
            let spaced = lastUse.map { $0 + delay }
            switch (spaced, notBefore) {
            case (nil, nil): return nil
            case (let a?, nil): return a
            case (nil, let b?): return b
            case (let a?, let b?): return max(a, b)
            }
        }
    }

    /// One pending `acquire`, shared between the waiting task and its cancellation handler.
    private final class Ticket: @unchecked Sendable {
        enum State {
            case new
            case waiting(CheckedContinuation<Grant, Never>)
            case cancelled
            case done
        }

        let host: String
        var state = State.new  // guarded by the scheduler's lock
        init(host: String) { self.host = host }
    }

    private enum Grant {
        case granted
        case sleepUntil(ContinuousClock.Instant)
        case cancelled
    }

    private let lock = NSLock()
    private let concurrency: Int
    private let perHostConcurrency: Int
    private let defaultDelay: Duration
    private var hosts: [String: Host] = [:]
    private var queue: [Ticket] = []
    private var inFlight = 0

    init(concurrency: Int, perHostConcurrency: Int, defaultDelay: Duration) {
        self.concurrency = max(1, concurrency)
        self.perHostConcurrency = max(1, perHostConcurrency)
        self.defaultDelay = defaultDelay
    }

    /// Waits for a slot for `host`; returns how long that took. Every successful acquire must
    /// be paired with ``release(_:)``.
    func acquire(_ host: String) async throws(FetchError) -> Duration {
        let start = ContinuousClock.now
        if Task.isCancelled { throw .cancelled }
        // Fast path: nobody is queued and the host may start now, so take the slot without
        // suspending (the common case when the caller already bounds its own concurrency).
        if lock.withLock({ queue.isEmpty && grantImmediately(host, now: start) }) { return .zero }
        while true {
            let ticket = Ticket(host: host)
            let grant = await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Grant, Never>) in
                    lock.lock()
                    if case .cancelled = ticket.state {
                        lock.unlock()
                        continuation.resume(returning: .cancelled)
                        return
                    }
                    ticket.state = .waiting(continuation)
                    queue.append(ticket)
                    lock.unlock()
                    pump()
                }
            } onCancel: {
                lock.lock()
                var toResume: CheckedContinuation<Grant, Never>?
                switch ticket.state {
                case .new:
                    ticket.state = .cancelled
                case .waiting(let continuation):
                    ticket.state = .done
                    queue.removeAll { $0 === ticket }
                    toResume = continuation
                case .cancelled, .done:
                    break
                }
                lock.unlock()
                toResume?.resume(returning: .cancelled)
            }
            switch grant {
            case .granted:
                return ContinuousClock.now - start
            case .cancelled:
                throw .cancelled
            case .sleepUntil(let instant):
                let slept: Bool
                do {
                    try await Task.sleep(until: instant, clock: .continuous)
                    slept = true
                } catch {
                    slept = false
                }
                lock.withLock { hosts[host]?.sleeperActive = false }
                pump()
                if !slept { throw .cancelled }
            }
        }
    }

    /// Returns a slot taken by ``acquire(_:)``.
    func release(_ host: String) {
        lock.lock()
        inFlight -= 1
        hosts[host]?.inFlight -= 1
        if perHostConcurrency == 1 { hosts[host]?.lastEnd = .now }
        lock.unlock()
        pump()
    }

    /// Sets the minimum spacing of starts for `host` (e.g. from robots.txt `Crawl-delay`).
    func setDelay(_ delay: Duration, for host: String) {
        lock.lock()
        hosts[host, default: Host(delay: defaultDelay)].delay = delay
        lock.unlock()
    }

    /// Holds back every request to `host` until `instant` (a server's `Retry-After`).
    func pause(_ host: String, until instant: ContinuousClock.Instant) {
        lock.lock()
        var entry = hosts[host, default: Host(delay: defaultDelay)]
        entry.notBefore = max(entry.notBefore ?? instant, instant)
        hosts[host] = entry
        lock.unlock()
    }

    /// Per host that has started a request: its last use (start, or end when it takes one
    /// transfer at a time) and the spacing it keeps.
    func lastStarts() -> [String: (start: ContinuousClock.Instant, delay: Duration)] {
        lock.withLock {
            var result: [String: (start: ContinuousClock.Instant, delay: Duration)] = [:]
            for (host, entry) in hosts {
                if let use = entry.lastUse { result[host] = (use, entry.delay) }
            }
            return result
        }
    }

    /// Takes a slot for `host` if limits and spacing allow it at `now`; call with the lock held.
    private func grantImmediately(_ host: String, now: ContinuousClock.Instant) -> Bool {
        var entry = hosts[host, default: Host(delay: defaultDelay)]
        guard inFlight < concurrency, entry.inFlight < perHostConcurrency else { return false }
        if let next = entry.nextStart(), next > now { return false }
        entry.inFlight += 1
        entry.lastStart = now
        inFlight += 1
        hosts[host] = entry
        return true
    }

    /// Grants every waiter that may start now, in arrival order.
    private func pump() {
        var grants: [(CheckedContinuation<Grant, Never>, Grant)] = []
        lock.lock()
        let now = ContinuousClock.now
        var index = 0
        while index < queue.count, inFlight < concurrency {
            let ticket = queue[index]
            var host = hosts[ticket.host, default: Host(delay: defaultDelay)]
            guard case .waiting(let continuation) = ticket.state, host.inFlight < perHostConcurrency else {
                index += 1
                continue
            }
            if let next = host.nextStart(), next > now {
                if host.sleeperActive {
                    index += 1
                    continue
                }
                host.sleeperActive = true
                grants.append((continuation, .sleepUntil(next)))
            } else {
                host.inFlight += 1
                host.lastStart = now
                inFlight += 1
                grants.append((continuation, .granted))
            }
            hosts[ticket.host] = host
            ticket.state = .done
            queue.remove(at: index)
        }
        lock.unlock()
        for (continuation, grant) in grants { continuation.resume(returning: grant) }
    }
}
