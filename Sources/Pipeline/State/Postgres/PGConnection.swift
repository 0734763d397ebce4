import CLibPQ
import Foundation

/// One connection to PostgreSQL through libpq's blocking API, owning the `PGconn` (closed in
/// `deinit`). The state store's methods are synchronous, one transaction each, so a blocking
/// call per statement fits them directly; a connection is used by one thread at a time (the
/// ``PGConnectionPool`` hands it out).
///
/// The URI is a libpq connection URI (`postgresql://user@host:port/db?sslmode=…`); a password
/// is never part of it: libpq reads `PGPASSWORD`, `PGPASSFILE` or `~/.pgpass` itself.
public final class PGConnection {
    private var handle: OpaquePointer
    /// Depth of ``transaction(isolation:maxAttempts:_:)`` calls in progress.
    var transactionDepth = 0
    /// Statements with parameters prepared on this session, by their text (see ``run(_:_:)``).
    private var prepared: [String: String] = [:]
    /// Distinct statement texts prepared per session at most (texts built from filters vary).
    static let maxPrepared = 512

    /// Opens a connection; throws ``PostgresError`` (a connection failure) when it cannot.
    public init(uri: String) throws(PostgresError) {
        // `expand_dbname` makes libpq read `dbname` as the whole URI; the application name
        // shows the pipeline's connections in `pg_stat_activity` unless the URI names another.
        let keywords = ["dbname", "fallback_application_name"]
        let values = [uri, "copydesk"]
        let opened: OpaquePointer? = withCStrings(keywords) { k in
            withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let opened else {
            throw PostgresError(sqlState: nil, message: "libpq could not allocate a connection", isConnectionFailure: true)
        }
        handle = opened
        if PQstatus(handle) != CONNECTION_OK {
            // The object is whole at this point, so `deinit` runs and closes the handle: closing
            // it here too freed it twice (a crash on every refused connection).
            throw connectionError()
        }
    }

    deinit { PQfinish(handle) }

    /// True when the connection is known to be lost (the next transaction reconnects).
    public var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// True when no transaction is open (neither a running nor a failed one), so the
    /// connection can serve another borrower as it is.
    public var isIdle: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// The server process serving this connection (`pg_backend_pid()`).
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// Runs one statement with `$1`, `$2`… parameters and returns its rows. Outside a
    /// transaction a broken connection is reopened first.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresBindable] = []) throws(PostgresError) -> PGResult {
        if transactionDepth == 0 { try reconnectIfBroken() }
        return try run(sql, parameters.map(\.postgresParameter))
    }

    /// Reopens a lost connection (`PQreset`); throws when the server still cannot be reached.
    public func reconnectIfBroken() throws(PostgresError) {
        guard isBroken else { return }
        PQreset(handle)
        prepared = [:]  // a new session has none of the old one's statements
        if isBroken { throw connectionError() }
    }

    /// One statement as it is, never reconnecting (inside a transaction a new connection
    /// would silently run the rest outside it).
    @discardableResult
    func run(_ sql: String, _ parameters: [PGParameter]) throws(PostgresError) -> PGResult {
        var values: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        defer { values.forEach { free($0) } }
        for parameter in parameters {
            switch parameter {
            case .null:
                values.append(nil); lengths.append(0); formats.append(0)
            case .text(let text):
                // PostgreSQL text cannot hold NUL, and libpq's text parameters end at one.
                guard !text.utf8.contains(0) else {
                    throw PostgresError(sqlState: "22021", message: "a text parameter holds a NUL character, which PostgreSQL text cannot store")
                }
                values.append(strdup(text)); lengths.append(0); formats.append(0)
            case .binary(let bytes):
                guard bytes.count < Int(Int32.max), let buffer = malloc(max(bytes.count, 1)) else {
                    throw PostgresError(sqlState: "54000", message: "a binary parameter of \(bytes.count) bytes is too large")
                }
                bytes.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: bytes.count)
                values.append(buffer.assumingMemoryBound(to: CChar.self))
                lengths.append(Int32(bytes.count)); formats.append(1)
            }
        }
        let statement = parameters.isEmpty ? nil : preparedName(sql, parameterCount: parameters.count)
        let result: OpaquePointer? = values.withUnsafeBufferPointer { valuePointers in
            valuePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constValues in
                if let statement {
                    return PQexecPrepared(handle, statement, Int32(parameters.count), constValues.baseAddress, lengths, formats, 0)
                }
                return PQexecParams(handle, sql, Int32(parameters.count), nil, constValues.baseAddress, lengths, formats, 0)
            }
        }
        guard let result else { throw connectionError() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PGResult(handle: result)
        default:
            let error = serverError(result)
            PQclear(result)
            throw error
        }
    }

    /// The name of `sql` prepared on this session, preparing it on first use: the server then
    /// plans a statement once per session instead of at every call (planning was most of a
    /// short statement's cost). Nil when it cannot be prepared (the cache is full, or the
    /// server refused, e.g. inside a failed transaction): the caller runs it unprepared, which
    /// reports any error in the statement itself. Prepared statements belong to the session,
    /// not to a transaction, so a rollback keeps them.
    private func preparedName(_ sql: String, parameterCount: Int) -> String? {
        if let name = prepared[sql] { return name }
        guard prepared.count < Self.maxPrepared else { return nil }
        let name = "copydesk_\(prepared.count)"
        guard let result = PQprepare(handle, name, sql, Int32(parameterCount), nil) else { return nil }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { return nil }
        prepared[sql] = name
        return name
    }

    /// The error a failed result carries, marked as a connection failure when the
    /// connection did not survive it.
    private func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? { PQresultErrorField(result, code).map { String(cString: $0) } }
        let state = field(cd_pg_diag_sqlstate)
        let message = field(cd_pg_diag_message_primary) ?? String(cString: PQresultErrorMessage(result))
        let lost = isBroken || state?.hasPrefix("08") == true || state == "57P01"
        return PostgresError(sqlState: state, message: message.trimmingCharacters(in: .whitespacesAndNewlines),
                             detail: field(cd_pg_diag_message_detail), isConnectionFailure: lost)
    }

    private func connectionError() -> PostgresError {
        let message = PQerrorMessage(handle).map { String(cString: $0) } ?? "connection failed"
        return PostgresError(sqlState: nil, message: message.trimmingCharacters(in: .whitespacesAndNewlines),
                             isConnectionFailure: true)
    }

    /// BEGIN, reopening a connection found lost first (BEGIN changed nothing, so it is safe).
    func begin(_ isolation: PGIsolation) throws(PostgresError) {
        try reconnectIfBroken()
        do throws(PostgresError) {
            try run(isolation.beginStatement, [])
        } catch where error.isConnectionFailure {
            // A connection the server closed while idle is noticed only now; BEGIN changed
            // nothing, so reopening and beginning again is safe.
            try reconnectIfBroken()
            try run(isolation.beginStatement, [])
        }
    }

    /// ROLLBACK when the connection is still there; errors are moot (the transaction is over).
    func rollbackQuietly() {
        if !isBroken { _ = try? run("ROLLBACK", []) }
    }
}

@available(*, unavailable, message: "a connection serves one thread at a time; share a PGConnectionPool")
extension PGConnection: Sendable {}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) } + [nil]
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { body($0.baseAddress!) }
    }
}
