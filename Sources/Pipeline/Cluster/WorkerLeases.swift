import Fetch
import Foundation
import Logging

/// This worker's leases during one pass: which sources it polls and which hosts it talks to,
/// so that workers sharing one state never poll a source twice, never fetch a queued URL twice
/// and never talk to one host at once. A heartbeat keeps the leases while the pass runs; a
/// worker that dies loses them after `leaseSeconds` and another takes over.
///
/// Hosts are handed over with their spacing: a host this worker takes from another is held
/// back in the HTTP client until the other's last request plus the delay it kept, and a host
/// this worker gives back carries its own last request and delay.
final class WorkerLeases: Sendable {
    private let store: any StateStore
    private let client: HTTPClient
    private let identity: WorkerIdentity
    private let logger: Logger
    private let timer = HeartbeatTimer()
    private let heldHosts = Locked(Set<String>())

    init(store: any StateStore, client: HTTPClient, identity: WorkerIdentity, logger: Logger) {
        self.store = store
        self.client = client
        self.identity = identity
        self.logger = logger
    }

    private var leaseEnd: Date { Date().addingTimeInterval(identity.leaseSeconds) }

    /// Announces the worker and renews its leases every third of their length until ``stop()``,
    /// on a timer thread of its own (never on the tasks doing the pass's work).
    func start() throws {
        try store.heartbeat(worker: identity.name, pid: getpid(), now: Date(), until: leaseEnd)
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "copydesk.heartbeat"))
        let interval = max(0.05, identity.leaseSeconds / 3)
        source.schedule(deadline: .now() + interval, repeating: interval)
        source.setEventHandler { [store, identity, logger] in
            do {
                try store.heartbeat(worker: identity.name, pid: getpid(), now: Date(),
                                    until: Date().addingTimeInterval(identity.leaseSeconds))
            } catch {
                logger.warning("could not renew leases", metadata: ["worker": "\(identity.name)", "error": "\(error)"])
            }
        }
        source.resume()
        timer.set(source)
    }

    /// Stops the heartbeat and gives back every host still held.
    func stop() {
        timer.cancel()
        releaseHosts()
    }

    /// Workers seen within a lease length, this one included: the number of shares.
    func liveWorkers() -> Int {
        let now = Date()
        let live = (try? store.workers(now: now).filter { now.timeIntervalSince($0.lastSeenAt) < identity.leaseSeconds }.count) ?? 1
        return max(1, live)
    }

    /// Leases this worker's share of `sources` (those another worker does not hold, on hosts
    /// no other worker holds); `due` checks again, in the claim, that each is still due.
    func claimSources(_ sources: [SourceConfig], due: Bool) throws -> [SourceConfig] {
        guard !sources.isEmpty else { return [] }
        let workers = liveWorkers()
        let share = (sources.count + workers - 1) / workers
        let now = Date()
        let grant = try store.claimSources(sources.map { SourceClaim(name: $0.name, url: $0.url) }, worker: identity.name,
                                           dueBy: due ? now : nil, limit: share, now: now, until: leaseEnd)
        take(grant.hosts)
        let granted = Set(grant.sources)
        return sources.filter { granted.contains($0.name) }
    }

    /// Gives back a polled source (its next poll time is saved).
    func releaseSource(_ name: String) {
        do {
            try store.releaseSources([name], worker: identity.name)
        } catch {
            logger.warning("could not release a source lease", metadata: ["source": "\(name)", "error": "\(error)"])
        }
    }

    /// Due queue entries of `sources` on this worker's share of the hosts.
    func claimQueue(sources: [String], limit: Int) throws -> [QueuedURL] {
        let grant = try store.claimQueue(worker: identity.name, sources: sources, now: Date(), until: leaseEnd,
                                         share: liveWorkers(), limit: limit)
        take(grant.hosts)
        heldHosts.withLock { held in grant.items.forEach { held.insert(LeaseHost.of($0.url)) } }
        return grant.items
    }

    /// Gives back every host held, each with this worker's last request to it and its delay.
    func releaseHosts() {
        let hosts = heldHosts.withLock { held in defer { held.removeAll() }; return held }
        guard !hosts.isEmpty else { return }
        let uses = client.hostUses()
        do {
            try store.releaseHosts(hosts.map { host in
                HostUse(host: host, lastRequestAt: uses[host]?.lastRequestAt, delay: uses[host]?.delay ?? 0)
            }, worker: identity.name)
        } catch {
            // The leases run out on their own after `leaseSeconds`.
            logger.warning("could not release host leases", metadata: ["hosts": "\(hosts.count)", "error": "\(error)"])
        }
    }

    /// Leases one input of a backfill job to this worker, unless another worker has it.
    func claimBackfillItem(job: String, item: String) throws -> Bool {
        try store.claimBackfillItem(job: job, item: item, worker: identity.name, now: Date(), until: leaseEnd)
    }

    func releaseBackfillItem(job: String, item: String) {
        do {
            try store.releaseBackfillItem(job: job, item: item, worker: identity.name)
        } catch {
            logger.warning("could not release a backfill input", metadata: ["item": "\(item)", "error": "\(error)"])
        }
    }

    private func take(_ handovers: [HostHandover]) {
        heldHosts.withLock { held in handovers.forEach { held.insert($0.host) } }
        for handover in handovers {
            if let notBefore = handover.notBefore { client.holdBack(handover.host, until: notBefore) }
        }
    }
}

/// The heartbeat's timer source, cancelled once (`@unchecked Sendable`: guarded by `lock`).
private final class HeartbeatTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var source: (any DispatchSourceTimer)?

    func set(_ source: any DispatchSourceTimer) {
        lock.withLock { self.source = source }
    }

    func cancel() {
        lock.withLock {
            source?.cancel()
            source = nil
        }
    }
}
