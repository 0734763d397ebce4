/// Where validators for conditional GET are kept between runs.
///
/// ``HTTPClient`` only *reads* from it. Storing new validators is the caller's job, done once
/// whatever the response announced is safely kept: if validators were saved before the records
/// derived from the body were durable, a crash in between would make the next run receive
/// `304 Not Modified` for content that was never recorded.
public protocol ConditionalGetCache: Sendable {
    /// The validators last remembered for `url`, if any.
    func validators(for url: String) async -> Validators?
    /// Remembers `validators` for `url`.
    func remember(_ validators: Validators, for url: String) async
}

/// A ``ConditionalGetCache`` in memory, for tests and one-shot commands.
public actor InMemoryConditionalGetCache: ConditionalGetCache {
    private var entries: [String: Validators] = [:]

    /// Creates an empty cache.
    public init() {}

    /// The validators last remembered for `url`, if any.
    public func validators(for url: String) -> Validators? { entries[url] }

    /// Remembers `validators` for `url`; empty validators forget the URL.
    public func remember(_ validators: Validators, for url: String) {
        entries[url] = validators.isEmpty ? nil : validators
    }
}
