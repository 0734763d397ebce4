/// One request in a server's log, for asserting what a client asked and when.
public struct LoopbackLogEntry: Sendable {
    /// The request as received.
    public var request: LoopbackRequest
    /// When the request head had been read completely, on the continuous clock, so that
    /// intervals between entries can be compared with a client's configured delays.
    public var receivedAt: ContinuousClock.Instant
    /// The status the handler answered with (before any fault was applied); 0 while the
    /// handler is still running.
    public var status: Int

    /// Convenience: the request path.
    public var path: String { request.path }
}

extension Array where Element == LoopbackLogEntry {
    /// The smallest gap between consecutive entries (sorted by arrival), or `nil` with fewer
    /// than two entries. Politeness tests compare it with the configured per-host delay.
    /// The time from the first arrival to the last: a robust lower-bound check for spacing,
    /// since arrival jitter can shorten one gap but not the sum of all of them by more than
    /// the jitter of the two ends.
    public var arrivalSpan: Duration? {
        let times = map(\.receivedAt)
        guard let first = times.min(), let last = times.max(), times.count > 1 else { return nil }
        return last - first
    }

    public var minimumInterval: Duration? {
        let times = map(\.receivedAt).sorted()
        guard times.count > 1 else { return nil }
        return zip(times, times.dropFirst()).map { $1 - $0 }.min()
    }
}
