/// A failure reported by PostgreSQL or libpq, with the server's SQLSTATE when there is one, so
/// that callers decide by code (retry a serialization failure, reconnect after a broken
/// connection) and never by parsing messages.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE (`40001`, `23505`, …); nil for failures the server did not
    /// classify (a connection that could not be opened or broke, a value that did not decode).
    public var sqlState: String?
    /// The primary message (the server's, or libpq's for a connection failure).
    public var message: String
    /// The server's detail line, when it gave one.
    public var detail: String?
    /// The connection was lost or never established: the statement may or may not have run.
    public var isConnectionFailure: Bool

    public init(sqlState: String?, message: String, detail: String? = nil, isConnectionFailure: Bool = false) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.isConnectionFailure = isConnectionFailure
    }

    /// Serialization failure (`40001`) or deadlock (`40P01`): running the whole transaction
    /// again is the documented remedy.
    public var isRetryableTransactionFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// `23505`: a unique constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    public var description: String {
        var text = sqlState.map { "PostgreSQL error \($0): \(message)" } ?? "PostgreSQL: \(message)"
        if let detail, !detail.isEmpty { text += " (\(detail))" }
        return text
    }

    /// A value that could not be read as the type asked for.
    static func decoding(_ what: String) -> PostgresError {
        PostgresError(sqlState: nil, message: "cannot decode \(what)")
    }
}
