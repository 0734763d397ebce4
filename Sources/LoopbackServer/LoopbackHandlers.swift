/// Ready-made handlers for common test scenarios.
public enum LoopbackHandlers {
    /// Answers the n-th request with `responses[n]`, repeating the last one after that
    /// ("503, 503, then 200").
    public static func sequence(_ responses: [LoopbackResponse]) -> @Sendable (LoopbackRequest) -> LoopbackResponse {
        precondition(!responses.isEmpty, "a sequence needs at least one response")
        let counter = LockedValue(0)
        return { _ in
            let index = counter.withLock { count in
                defer { count += 1 }
                return count
            }
            return responses[min(index, responses.count - 1)]
        }
    }

    /// Dispatches on the request path (without query); unknown paths get `404`.
    public static func router(_ routes: [String: @Sendable (LoopbackRequest) -> LoopbackResponse]) -> @Sendable (LoopbackRequest) -> LoopbackResponse {
        { request in routes[request.path]?(request) ?? .status(404, body: "not found") }
    }
}
