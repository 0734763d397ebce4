import Foundation
@testable import Pipeline
import PostgresTestSupport

/// A fresh database of the PostgreSQL test cluster for one dedupe test. Each engine made on
/// it has a connection pool of its own, as a worker on another machine would.
struct PostgresDedupeTestDatabase {
    let uri: String

    /// Creates the database; with `migrated`, with the dedupe tables.
    init(label: String, migrated: Bool = true) throws {
        uri = try PostgresTestCluster.shared().createDatabase(label: label)
        if migrated { try PostgresDedupeIndex.migrate(pool: pool()) }
    }

    func pool() -> PGConnectionPool { PGConnectionPool(uri: uri, maxConnections: 2) }

    /// An engine on the database, as one worker.
    func engine(configuration: DedupeConfig = DedupeConfig(), parameters: DedupeParameters = DedupeParameters(),
                now: Date = DedupeFixtures.start) throws -> DedupeEngine {
        try DedupeEngine(configuration: configuration, parameters: parameters, postgres: pool(), now: now)
    }

    /// The integer a query returns (-1 for none).
    func integer(_ sql: String) throws -> Int {
        try PGConnection(uri: uri).query(sql).scalar(Int.self) ?? -1
    }

    func drop() {
        try? PostgresTestCluster.shared().dropDatabase(uri: uri)
    }
}

/// Runs `body` on a fresh database, dropped when it returns.
func withPostgresDedupeDatabase<T>(label: String, migrated: Bool = true,
                                   _ body: (PostgresDedupeTestDatabase) throws -> T) throws -> T {
    let database = try PostgresDedupeTestDatabase(label: label, migrated: migrated)
    defer { database.drop() }
    return try body(database)
}

/// Runs `body` on `count` threads of its own at once and returns when all have finished.
/// (`DispatchQueue.concurrentPerform` may run the iterations one after another on a busy
/// machine, which would leave threads waiting at a ``ThreadBarrier`` forever.)
func onSeparateThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let finished = DispatchSemaphore(value: 0)
    for index in 0..<count {
        Thread {
            body(index)
            finished.signal()
        }.start()
    }
    for _ in 0..<count { finished.wait() }
}

/// Holds threads until `parties` of them have arrived, so that they start a step together.
final class ThreadBarrier: @unchecked Sendable {
    // @unchecked: `arrived` and `generation` are only touched under `condition`'s lock.
    private let condition = NSCondition()
    private let parties: Int
    private var arrived = 0
    private var generation = 0

    init(parties: Int) { self.parties = parties }

    func wait() {
        condition.lock()
        defer { condition.unlock() }
        let current = generation
        arrived += 1
        if arrived == parties {
            arrived = 0
            generation += 1
            condition.broadcast()
            return
        }
        while generation == current { condition.wait() }
    }
}
