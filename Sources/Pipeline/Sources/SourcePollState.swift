public import Foundation

/// What the scheduler remembers about one source between runs; the state store persists it
/// (it is `Codable`) and hands it back.
public struct SourcePollState: Sendable, Codable, Equatable {
    /// One past poll: when, and how many new items it found.
    public struct Poll: Sendable, Codable, Equatable {
        public var at: Date
        public var newItems: Int

        public init(at: Date, newItems: Int) {
            self.at = at
            self.newItems = newItems
        }
    }

    /// Recent polls, oldest first, at most ``PollSchedule/historyLength``.
    public var history: [Poll]
    /// When the source is next due; nil when it has never been polled (due now).
    public var nextPollAt: Date?
    /// Whether to send `If-None-Match` / `If-Modified-Since`. Cleared when the source's
    /// validators are caught lying; the content hash then decides "unchanged".
    public var trustsValidators: Bool
    /// Validators and content hash of the last full (200) response.
    public var lastETag: String?
    public var lastModified: String?
    public var lastContentHash: UInt64?
    /// Consecutive 200s with a new ETag/Last-Modified but the same content.
    public var validatorChurn: Int
    /// Times the validators said "unchanged" while the content had changed.
    public var staleValidators: Int

    public init() {
        history = []
        nextPollAt = nil
        trustsValidators = true
        validatorChurn = 0
        staleValidators = 0
    }

    /// Whether the source should be polled at `now` (`--all` ignores this).
    public func isDue(at now: Date) -> Bool {
        guard let nextPollAt else { return true }
        return nextPollAt <= now
    }
}
