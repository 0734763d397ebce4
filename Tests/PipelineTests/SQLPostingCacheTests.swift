import Foundation
import GRDB
import Testing
@testable import Pipeline

@Suite("Posting rows shared by a check and its insert")
struct SQLPostingCacheTests {
    private let row = Int64(7) << 32 | 5

    @Test func rowsRecordedByACheckServeTheInsertAfterIt() throws {
        try withDedupeDatabaseFile { path in
            let pool = try DatabasePool(path: path)
            let cache = SQLPostingCache()
            try pool.writeWithoutTransaction { db in
                try cache.beginRecording(db)
                cache.record([7, 8], rows: [row])
                #expect(try cache.isCurrent(db))
                #expect(cache.rows(of: [7, 8]) == [row])
                #expect(cache.rows(of: [8]) == [])
                // A hash the check did not look up: the insert must read the table.
                #expect(cache.rows(of: [7, 9]) == nil)
                // A second text looking the same hash up on the same table: counted once.
                cache.record([7, 9], rows: [row, Int64(9) << 32 | 6])
                #expect(cache.rows(of: [7, 9]) == [row, Int64(9) << 32 | 6])
            }
        }
    }

    @Test func aCommitByAnotherConnectionMakesTheRowsStale() throws {
        try withDedupeDatabaseFile { path in
            let pool = try DatabasePool(path: path)
            let other = try DatabasePool(path: path)
            try pool.write { try $0.execute(sql: "CREATE TABLE other_process (x INTEGER)") }
            let cache = SQLPostingCache()
            try pool.writeWithoutTransaction { db in
                try cache.beginRecording(db)
                cache.record([7], rows: [row])
            }
            // This connection's own commits leave the rows current…
            try pool.write { try $0.execute(sql: "INSERT INTO other_process VALUES (1)") }
            let afterOwnCommit = try pool.writeWithoutTransaction { db in try cache.isCurrent(db) }
            #expect(afterOwnCommit)
            // …another connection's (another process) do not.
            try other.write { try $0.execute(sql: "INSERT INTO other_process VALUES (2)") }
            let afterOtherCommit = try pool.writeWithoutTransaction { db in try cache.isCurrent(db) }
            #expect(!afterOtherCommit)
        }
    }

    @Test func aTableChangeHereDropsTheRowsAndAMarkIsAddedToThem() throws {
        try withDedupeDatabaseFile { path in
            let pool = try DatabasePool(path: path)
            let cache = SQLPostingCache()
            try pool.writeWithoutTransaction { db in
                try cache.beginRecording(db)
                cache.record([7, 8], rows: [row])
                cache.markWritten(8)
                #expect(cache.rows(of: [8]) == [Int64(8) << 32])
                #expect(try cache.isCurrent(db))
                cache.tableChanged() // a batch of postings or an expiry
                #expect(try !cache.isCurrent(db))
                #expect(cache.rows(of: [7]) == nil)
            }
        }
    }
}
