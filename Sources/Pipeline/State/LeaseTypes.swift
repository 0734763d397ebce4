public import Foundation

/// A source a worker asks to poll, with the host its URL is on: polling it means talking to
/// that host, so the worker must hold the host too.
public struct SourceClaim: Sendable, Hashable {
    public var name: String
    /// The configured URL: a source whose URL changed is due whatever its stored schedule says.
    public var url: String
    public var host: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
        host = LeaseHost.of(url)
    }
}

/// A host newly leased to a worker. Requests to one host from all workers together stay
/// spaced: the new holder may not start before the previous holder's last request plus the
/// delay it was keeping (or, when the previous holder vanished, before its lease ran out plus
/// that delay).
public struct HostHandover: Sendable, Equatable {
    public var host: String
    /// The earliest instant a request to `host` may start; nil when no worker used it before.
    public var notBefore: Date?

    public init(host: String, notBefore: Date?) {
        self.host = host
        self.notBefore = notBefore
    }
}

/// What ``StateStore/claimSources(_:worker:dueBy:limit:now:until:)`` granted.
public struct SourceGrant: Sendable, Equatable {
    /// Names of the sources now leased to the worker.
    public var sources: [String]
    /// Hosts the worker did not hold before.
    public var hosts: [HostHandover]

    public init(sources: [String], hosts: [HostHandover]) {
        self.sources = sources
        self.hosts = hosts
    }
}

/// What ``StateStore/claimQueue(worker:sources:now:until:share:limit:)`` granted.
public struct QueueGrant: Sendable, Equatable {
    /// Due queue entries on hosts the worker holds.
    public var items: [QueuedURL]
    /// Hosts the worker did not hold before.
    public var hosts: [HostHandover]

    public init(items: [QueuedURL], hosts: [HostHandover]) {
        self.items = items
        self.hosts = hosts
    }
}

/// How a worker last used a host it gives back: the next holder keeps the spacing.
public struct HostUse: Sendable, Equatable {
    public var host: String
    /// When the worker's last request to the host started; nil when it sent none.
    public var lastRequestAt: Date?
    /// The spacing it kept (`perHostDelayMs`, or a longer robots.txt `Crawl-delay`).
    public var delay: TimeInterval

    public init(host: String, lastRequestAt: Date?, delay: TimeInterval) {
        self.host = host
        self.lastRequestAt = lastRequestAt
        self.delay = delay
    }
}

/// A worker sharing the state, as `status` shows it.
public struct WorkerRecord: Sendable, Equatable, Codable {
    public var name: String
    public var pid: Int32
    public var startedAt: Date
    public var lastSeenAt: Date
    public var sourceLeases: Int
    public var hostLeases: Int
    public var records: Int

    public init(name: String, pid: Int32, startedAt: Date, lastSeenAt: Date, sourceLeases: Int, hostLeases: Int, records: Int) {
        self.name = name
        self.pid = pid
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
        self.sourceLeases = sourceLeases
        self.hostLeases = hostLeases
        self.records = records
    }
}
