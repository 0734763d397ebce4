import Foundation

/// How long to wait before the next attempt.
struct RetryPolicy: Sendable {
    var base: Duration
    var cap: Duration
    var maxRetryAfter: Duration

    /// Exponential backoff with jitter: attempt 1 waits between half and all of `base`,
    /// attempt 2 of `2 × base`, … never more than `cap`. The jitter spreads retries of many
    /// transfers that failed together.
    func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(cap, base * (1 << exponent))
        let fraction = Double.random(in: 0.5...1.0)
        return full * fraction
    }

    /// What a `Retry-After` header asks for.
    enum RetryAfter: Equatable {
        /// Wait this long (already within the cap).
        case wait(Duration)
        /// The server wants more than we are prepared to wait: stop retrying.
        case tooLong
    }

    /// Parses `Retry-After` (delta-seconds or an HTTP-date) relative to `now`.
    func retryAfter(_ value: String?, now: Date = Date()) -> RetryAfter? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let wait: Duration
        if let seconds = Int(value) {
            wait = .seconds(max(0, seconds))
        } else if let date = HTTPDateParser.parse(value) {
            wait = .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
        } else {
            return nil
        }
        return wait > maxRetryAfter ? .tooLong : .wait(wait)
    }
}
