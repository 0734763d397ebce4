/// How one fetch ended, as the metrics count it.
public enum FetchOutcome: Sendable, Equatable {
    /// A 2xx response with a body.
    case fetched
    /// A 304: the conditional GET saved the transfer.
    case notModified
    /// No usable response; `errorClass` is a short stable name (`timeout`, `dns`, `http_5xx`, `robots` …).
    case failed(errorClass: String)
}
