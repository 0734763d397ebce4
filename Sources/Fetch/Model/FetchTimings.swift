/// Where the time of a fetch went. Phases are those of the final attempt of the final hop,
/// measured by libcurl from the start of that transfer; `queued` and `total` span the whole fetch.
public struct FetchTimings: Sendable, Equatable {
    /// Waiting for a concurrency slot and the per-host delay, over all hops and attempts.
    public var queued: Duration = .zero
    /// Name resolution finished.
    public var nameLookup: Duration = .zero
    /// TCP connect finished (zero on a reused connection).
    public var connect: Duration = .zero
    /// TLS handshake finished (zero for http).
    public var tlsHandshake: Duration = .zero
    /// First response byte arrived.
    public var firstByte: Duration = .zero
    /// The final transfer finished.
    public var transfer: Duration = .zero
    /// From the call of `fetch` to its return, including robots.txt, retries and redirects.
    public var total: Duration = .zero

    /// Creates empty timings.
    public init() {}
}
