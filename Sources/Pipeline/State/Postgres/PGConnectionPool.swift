import Foundation

/// A few ``PGConnection``s shared by the threads that call a synchronous, `Sendable` store at
/// once: a caller borrows one for a transaction and gives it back; when all are busy it waits.
/// Connections are opened on demand, and one found broken is dropped (its replacement is
/// opened on the next borrow).
///
/// `@unchecked Sendable` is sound because `idle` and `open` are only touched under
/// `condition`'s lock, and a borrowed connection belongs to its borrower alone.
public final class PGConnectionPool: @unchecked Sendable {
    /// The libpq URI every connection is opened with.
    public let uri: String
    /// Connections open at most at once.
    public let maxConnections: Int
    private let condition = NSCondition()
    private var idle: [PGConnection] = []
    private var open = 0

    public init(uri: String, maxConnections: Int = 4) {
        precondition(maxConnections > 0, "a pool needs at least one connection")
        self.uri = uri
        self.maxConnections = maxConnections
    }

    /// Runs `body` with a connection of its own.
    public func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let connection = try borrow()
        defer { giveBack(connection) }
        return try body(connection)
    }

    /// ``PGConnection/transaction(isolation:maxAttempts:_:)`` on a borrowed connection.
    @discardableResult
    public func transaction<T>(isolation: PGIsolation = .readCommitted, _ body: (PGConnection) throws -> T) throws -> T {
        try withConnection { try $0.transaction(isolation: isolation, body) }
    }

    /// Closes the idle connections (borrowed ones close when given back after this).
    public func closeIdle() {
        condition.lock()
        let closing = idle
        idle.removeAll()
        open -= closing.count
        condition.unlock()
        _ = closing
    }

    private func borrow() throws -> PGConnection {
        condition.lock()
        while idle.isEmpty && open >= maxConnections { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        condition.unlock()
        do {
            return try PGConnection(uri: uri)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ connection: PGConnection) {
        condition.lock()
        if connection.isBroken || !connection.isIdle {
            open -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }
}
