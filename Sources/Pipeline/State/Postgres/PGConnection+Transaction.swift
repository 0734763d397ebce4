import Foundation

/// Isolation levels a ``PGConnection/transaction(isolation:maxAttempts:_:)`` can ask for.
public enum PGIsolation: Sendable {
    case readCommitted, repeatableRead, serializable

    var beginStatement: String {
        switch self {
        case .readCommitted: "BEGIN"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}

extension PGConnection {
    /// Runs `body` in one transaction: COMMIT when it returns, ROLLBACK when it throws. A
    /// serialization failure (`40001`) or deadlock (`40P01`), in the body or at COMMIT, rolls
    /// back and runs the whole body again (up to `maxAttempts` times), so `body` must do
    /// nothing but database work. A call inside another transaction joins it.
    @discardableResult
    public func transaction<T>(isolation: PGIsolation = .readCommitted, maxAttempts: Int = 10,
                               _ body: (PGConnection) throws -> T) throws -> T {
        if transactionDepth > 0 { return try body(self) }
        var attempt = 0
        while true {
            attempt += 1
            try begin(isolation)
            transactionDepth += 1
            do {
                let value = try body(self)
                try run("COMMIT", [])
                transactionDepth -= 1
                return value
            } catch let error as PostgresError where error.isRetryableTransactionFailure && attempt < maxAttempts {
                rollbackQuietly()
                transactionDepth -= 1
                // A short pause that grows, with jitter, so that the transactions that collided
                // do not collide again in lockstep.
                usleep(UInt32.random(in: 0...UInt32(1_000 * min(attempt, 20))))
            } catch {
                rollbackQuietly()
                transactionDepth -= 1
                throw error
            }
        }
    }
}
