import Foundation
@testable import Pipeline
import PostgresTestSupport
import Testing

/// The libpq wrapper against a real server (the test cluster): values round-trip, errors carry
/// their SQLSTATE, transactions commit, roll back and retry, a lost connection is reopened.
@Suite("PostgreSQL connection", .enabled(if: !PostgresTestCluster.skipRequested), .timeLimit(.minutes(2)))
struct PostgresConnectionTests {
    private func freshConnection() throws -> PGConnection {
        try PGConnection(uri: PostgresTestCluster.shared().createDatabase(label: "conn"))
    }

    @Test func aRefusedConnectionIsATypedErrorEveryTime() throws {
        // A missing database: libpq answers, the connection is refused (closed once, not twice).
        let uri = try PostgresTestCluster.shared().uri(database: "no_such_database_\(UInt32.random(in: 0 ... .max))")
        for _ in 0..<3 {
            let error = #expect(throws: PostgresError.self) { try PGConnection(uri: uri) }
            #expect(error?.isConnectionFailure == true)
            #expect(error?.message.contains("no_such_database") == true)
        }
    }

    @Test func valuesRoundTripAsTheirTypes() throws {
        let connection = try freshConnection()
        let row = try #require(try connection.query(
            "SELECT $1::text AS t, $2::bigint AS i, $3::double precision AS d, $4::boolean AS b, $5::bytea AS bytes, $6::text AS missing",
            ["naïve ☃", Int64.max, 1_700_000_000.123456, true, Data([0, 1, 0xAB, 0xFF]), String?.none]).rows.first)
        #expect(try row.decode("t") == "naïve ☃")
        #expect(try row.decode("i") == Int64.max)
        #expect(try row.decode("d") == 1_700_000_000.123456)
        #expect(try row.decode("b") == true)
        #expect(try row.decode("bytes") == Data([0, 1, 0xAB, 0xFF]))
        #expect(try row.decode("missing", as: String?.self) == nil)
        #expect(throws: PostgresError.self) { try row.decode("missing", as: String.self) }
        #expect(throws: PostgresError.self) { try row.decode("t", as: Int.self) }
    }

    @Test func arrayLiteralsCarryAnyTextAndNulls() throws {
        let connection = try freshConnection()
        let values: [String?] = ["plain", "with \"quotes\"", #"back\slash"#, "comma,{brace}", "", "NULL", nil, "naïve ☃", " spaced "]
        let back = try connection.query("SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS u (v, n) ORDER BY n",
                                        [PGArray.literal(values)]).rows.map { try $0.decode(0, as: String?.self) }
        #expect(back == values)
        let numbers = try connection.query("SELECT sum(v) FROM unnest($1::float8[]) AS v", [PGArray.literal([0.5, 1e20, -2.25])])
        #expect(try numbers.scalar(Double.self) == 0.5 + 1e20 - 2.25)
    }

    @Test func errorsCarryTheirSQLState() throws {
        let connection = try freshConnection()
        try connection.query("CREATE TABLE t (k TEXT PRIMARY KEY)")
        try connection.query("INSERT INTO t VALUES ($1)", ["a"])
        let duplicate = #expect(throws: PostgresError.self) { try connection.query("INSERT INTO t VALUES ($1)", ["a"]) }
        #expect(duplicate?.sqlState == "23505")
        #expect(duplicate?.isUniqueViolation == true)
        #expect(duplicate?.isConnectionFailure == false)
        let syntax = #expect(throws: PostgresError.self) { try connection.query("SELEKT 1") }
        #expect(syntax?.sqlState == "42601")
        let nul = #expect(throws: PostgresError.self) { try connection.query("SELECT $1::text", ["a\u{0}b"]) }
        #expect(nul?.message.contains("NUL") == true)
    }

    @Test func transactionCommitsOrRollsBack() throws {
        let connection = try freshConnection()
        try connection.query("CREATE TABLE t (k TEXT PRIMARY KEY)")
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try connection.transaction { c in
                try c.query("INSERT INTO t VALUES ('rolled back')")
                throw Abandon()
            }
        }
        try connection.transaction { c in try c.query("INSERT INTO t VALUES ('kept')") }
        #expect(try connection.query("SELECT string_agg(k, ',') FROM t").scalar(String.self) == "kept")
    }

    @Test func serializationFailureRunsTheTransactionAgain() throws {
        let uri = try PostgresTestCluster.shared().createDatabase(label: "retry")
        let connection = try PGConnection(uri: uri)
        let other = try PGConnection(uri: uri)
        try connection.query("CREATE TABLE counter (id INT PRIMARY KEY, value BIGINT NOT NULL)")
        try connection.query("INSERT INTO counter VALUES (1, 0)")
        var attempts = 0
        try connection.transaction(isolation: .repeatableRead) { c in
            attempts += 1
            _ = try c.query("SELECT value FROM counter WHERE id = 1").scalar(Int64.self)
            // Another writer changes the row after this snapshot: updating it now fails with 40001.
            if attempts == 1 { try other.query("UPDATE counter SET value = value + 1 WHERE id = 1") }
            try c.query("UPDATE counter SET value = value + 10 WHERE id = 1")
        }
        #expect(attempts == 2)
        #expect(try connection.query("SELECT value FROM counter WHERE id = 1").scalar(Int64.self) == 11)
    }

    @Test func aTerminatedConnectionIsReopened() throws {
        let uri = try PostgresTestCluster.shared().createDatabase(label: "reconnect")
        let connection = try PGConnection(uri: uri)
        let killer = try PGConnection(uri: uri)
        let before = connection.backendPID
        // Waits (up to 10 s) until the backend has gone.
        #expect(try killer.query("SELECT pg_terminate_backend($1, 10000)", [before]).scalar(Bool.self) == true)
        let value = try connection.transaction { c in try c.query("SELECT 41 + 1").scalar(Int.self) }
        #expect(value == 42)
        #expect(connection.backendPID != before)
    }

    @Test func poolSharesConnectionsBetweenThreads() throws {
        let uri = try PostgresTestCluster.shared().createDatabase(label: "pool")
        let pool = PGConnectionPool(uri: uri, maxConnections: 3)
        try pool.transaction { c in
            try c.query("CREATE TABLE hits (n BIGINT NOT NULL)")
            try c.query("INSERT INTO hits VALUES (0)")
        }
        let failures = LockedCount()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                do {
                    try pool.transaction { c in try c.query("UPDATE hits SET n = n + 1") }
                } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.value == 0)
        #expect(try pool.withConnection { try $0.query("SELECT n FROM hits").scalar(Int.self) } == 200)
        let open = try pool.withConnection { c in
            try c.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()").scalar(Int.self)
        }
        #expect((1...3).contains(open ?? 0))
    }

    @Test func poolClosesAConnectionGivenBackInsideATransaction() throws {
        let uri = try PostgresTestCluster.shared().createDatabase(label: "leftopen")
        let pool = PGConnectionPool(uri: uri, maxConnections: 1)
        let leaked = try pool.withConnection { c in
            try c.query("BEGIN")
            try c.query("CREATE TABLE half_done (n INT)")
            return c.backendPID
        }
        // The next borrower gets a new connection, outside any transaction, and the table
        // of the abandoned transaction never existed.
        let (pid, exists) = try pool.withConnection { c in
            (c.backendPID, try c.query("SELECT to_regclass('half_done') IS NOT NULL").scalar(Bool.self))
        }
        #expect(pid != leaked)
        #expect(exists == false)
    }
}

/// A counter several threads add to.
final class LockedCount: @unchecked Sendable {
    // `@unchecked Sendable`: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock(); count += 1; lock.unlock()
    }

    func subtract() {
        lock.lock(); count -= 1; lock.unlock()
    }

    var value: Int {
        lock.lock(); defer { lock.unlock() }
        return count
    }
}
