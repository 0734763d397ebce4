import Foundation
import GRDB
import Testing
@testable import Pipeline

@Suite("Posting rows shared by a check and its insert")
struct SQLPostingCacheTests {
    private let row = Int64(7) << 32 | 5

    /// A cache that recorded, on a fresh database file, one check's lookup of hashes 7 and 8
    /// (one row for 7, none for 8); `body` runs in the check's connection.
    private func afterACheck(_ body: (Database, SQLPostingCache, DatabasePool, String) throws -> Void) throws {
        try withDedupeDatabaseFile { path in
            let pool = try DatabasePool(path: path)
            let cache = SQLPostingCache()
            try pool.writeWithoutTransaction { db in
                try cache.beginRecording(db)
                cache.record([7, 8], rows: [row])
                try body(db, cache, pool, path)
            }
        }
    }

    @Test func rowsRecordedByACheckServeTheInsertAfterIt() throws {
        try afterACheck { db, cache, _, _ in
            let current1 = try cache.isCurrent(db)
            #expect(current1)
            #expect(cache.rows(of: [7, 8]) == [row])
            #expect(cache.rows(of: [8]) == [])
            // A hash the check did not look up: the insert must read the table.
            #expect(cache.rows(of: [7, 9]) == nil)
            // A second text looking the same hash up on the same table: counted once.
            cache.record([7, 9], rows: [row, Int64(9) << 32 | 6])
            #expect(cache.rows(of: [7, 9]) == [row, Int64(9) << 32 | 6])
        }
    }

    @Test func aCommitByAnotherConnectionMakesTheRowsStale() throws {
        try afterACheck { db, cache, _, path in
            try db.execute(sql: "CREATE TABLE other_process (x INTEGER)")
            // This connection's own commits leave the rows current…
            try db.execute(sql: "INSERT INTO other_process VALUES (1)")
            let current2 = try cache.isCurrent(db)
            #expect(current2)
            // …another connection's (another process) do not.
            let other = try DatabaseQueue(path: path)
            try other.write { try $0.execute(sql: "INSERT INTO other_process VALUES (2)") }
            let current3 = try cache.isCurrent(db)
            #expect(!current3)
        }
    }

    @Test func aTableChangeHereDropsTheRowsAndAMarkIsAddedToThem() throws {
        try afterACheck { db, cache, _, _ in
            cache.markWritten(8)
            #expect(cache.rows(of: [8]) == [Int64(8) << 32])
            let current4 = try cache.isCurrent(db)
            #expect(current4)
            cache.tableChanged() // a batch of postings or an expiry
            let current5 = try cache.isCurrent(db)
            #expect(!current5)
            #expect(cache.rows(of: [7]) == nil)
        }
    }

    @Test func rowsInAnyOrderAreKeptPerHashAndAMarkMovesOnlyItsHash() throws {
        try afterACheck { _, cache, _, _ in
            let a = Int64(20) << 32 | 1, b = Int64(10) << 32 | 2, c = Int64(20) << 32 | 3, d = Int64(30) << 32 | 4
            // Interleaved, unsorted, with a row of a hash not asked for (30): ignored.
            cache.record([20, 10, 40], rows: [a, b, c, d])
            #expect(cache.rows(of: [20]).map(Set.init) == [a, c])
            #expect(cache.rows(of: [10]) == [b])
            #expect(cache.rows(of: [40]) == [])
            #expect(cache.rows(of: [30]) == nil)
            cache.markWritten(20)
            cache.markWritten(20) // once only
            #expect(cache.rows(of: [20]).map(Set.init) == [a, c, Int64(20) << 32])
            #expect(cache.rows(of: [20])?.count == 3)
            #expect(cache.rows(of: [10, 40, 7]) == [b, row])
            cache.markWritten(99) // not looked up: nothing to keep exact
            #expect(cache.rows(of: [99]) == nil)
        }
    }

    @Test func theNextCheckStartsAfresh() throws {
        try afterACheck { db, cache, _, _ in
            try cache.beginRecording(db)
            #expect(cache.rows(of: [7]) == nil)
        }
    }
}
