public import Foundation

/// Adaptive polling: when to poll a source next, from what it says (``PollHints``) and what it
/// has been seen to do (``SourcePollState/history``). Pure: no clock, no storage.
///
/// The interval is computed in three steps:
/// 1. **Estimate** how often the source publishes: from the history, the time covered by the
///    recent polls divided by the new items they found (aiming at about one new item per poll);
///    with no new item in the whole history, twice the time it covers (backing off); with less
///    than two polls of history, the `sy:` interval; failing all, one hour.
/// 2. **Respect caching hints** as a floor: polling before `ttl`, `max-age` or `Expires` runs out
///    would only fetch the same document again.
/// 3. **Clamp** to `[minInterval, maxInterval]` (`polling.minIntervalMinutes` /
///    `polling.maxIntervalMinutes`), which wins over everything above.
public struct PollSchedule: Sendable, Equatable {
    /// Polls remembered per source.
    public static let historyLength = 20
    /// Estimate used when nothing is known.
    public static let defaultInterval: TimeInterval = 3600
    /// Consecutive "new ETag, same content" responses after which validators are distrusted.
    public static let churnLimit = 3
    /// "Not modified, but it was" events after which validators are distrusted.
    public static let staleLimit = 2

    public let minInterval: TimeInterval
    public let maxInterval: TimeInterval

    /// Bounds in minutes, as in `PipelineConfig.polling`.
    public init(minIntervalMinutes: Int, maxIntervalMinutes: Int) {
        let low = TimeInterval(max(minIntervalMinutes, 0)) * 60
        minInterval = low
        maxInterval = max(low, TimeInterval(maxIntervalMinutes) * 60)
    }

    /// The time between this poll and the next.
    public func interval(hints: PollHints, history: [SourcePollState.Poll], now: Date) -> TimeInterval {
        var interval = observedInterval(history) ?? hints.syndicationInterval ?? Self.defaultInterval
        let floors = [hints.ttl, hints.maxAge, hints.expires.map { $0.timeIntervalSince(now) }].compactMap { $0 }
        interval = max(interval, floors.max() ?? 0)
        return min(max(interval, minInterval), maxInterval)
    }

    /// Publishing interval seen in the history, or nil with fewer than two polls.
    func observedInterval(_ history: [SourcePollState.Poll]) -> TimeInterval? {
        guard history.count >= 2, let first = history.first, let last = history.last else { return nil }
        let span = last.at.timeIntervalSince(first.at)
        guard span > 0 else { return nil }
        // The first poll's items were published before the span began.
        let items = history.dropFirst().reduce(0) { $0 + max($1.newItems, 0) }
        return items > 0 ? span / Double(items) : span * 2
    }

    /// Records a poll in `state` (history, validator trust) and returns when the source is due
    /// next (also stored in `state.nextPollAt`).
    @discardableResult
    public func record(_ observation: PollObservation, hints: PollHints, into state: inout SourcePollState) -> Date {
        state.history.append(SourcePollState.Poll(at: observation.at, newItems: observation.newItems))
        if state.history.count > Self.historyLength {
            state.history.removeFirst(state.history.count - Self.historyLength)
        }
        ValidatorLieDetector.update(&state, with: observation)
        let next = observation.at.addingTimeInterval(interval(hints: hints, history: state.history, now: observation.at))
        state.nextPollAt = next
        return next
    }
}
