import Foundation
import GRDB
import Testing
@testable import Pipeline

/// A group's checks read the posting rows they share once, in hash order, before the first
/// check (``SQLDedupeSession/prefetch(_:)``); the checks then take them from the cache.
@Suite("Dedupe index: a group's posting rows read ahead")
struct SQLDedupePrefetchTests {
    /// An index on a fresh in-memory database whose postings are all in the table (a tail of
    /// one text is written out after every insert), holding the fixture reports.
    private func indexWithReports() throws -> (SQLDedupeIndex, DatabaseQueue, [DedupeFingerprint]) {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        GRDBDedupeStorage.registerMigrations(&migrator)
        try migrator.migrate(queue)
        let parameters = DedupeParameters()
        let index = SQLDedupeIndex(writer: queue, parameters: parameters, tailCapacity: 1)
        let engine = try DedupeEngine(configuration: DedupeConfig(), parameters: parameters, now: DedupeFixtures.start)
        let prints = try DedupeFixtures.reports().map { engine.fingerprint($0) }
        for (number, print) in prints.enumerated() {
            try index.write { try $0.add(id: "report-\(number)", time: 1_000, fingerprint: print, root: nil) }
        }
        return (index, queue, prints)
    }

    /// The rows of `hashes` as the table holds them, hash << 32 | doc, in ascending order.
    private func tableRows(_ queue: DatabaseQueue, _ hashes: [UInt32]) throws -> [Int64] {
        try queue.read { db in
            try hashes.flatMap { hash in
                try Int64.fetchAll(db, sql: "SELECT (hash << 32) | doc FROM dedupe_sample WHERE hash = ? ORDER BY doc",
                                   arguments: [Int64(hash)])
            }
        }
    }

    @Test func everyHashTheChecksLookUpIsReadAhead() throws {
        let (index, queue, prints) = try indexWithReports()
        let group = Array(prints.prefix(3))
        let looked = group.map { Array(DedupeQuery(fingerprint: $0, parameters: index.parameters).lookedUp) }
        let expected = try looked.map { try tableRows(queue, $0) }
        let cached = try index.reading { session in
            try session.prefetch(group)
            return looked.map { index.cache.rows(of: $0) }
        }
        for (rows, table) in zip(cached, expected) {
            let rows = try #require(rows)
            #expect(rows.sorted() == table.sorted())
            #expect(!rows.isEmpty)
        }
    }

    @Test func checksAfterAReadAheadDecideAsWithout() throws {
        let (index, _, reports) = try indexWithReports()
        // Half of each report, reprinted: matched through the postings, not the exact hash.
        let engine = try DedupeEngine(configuration: DedupeConfig(), parameters: index.parameters, now: DedupeFixtures.start)
        let prints = try DedupeFixtures.reports().map { engine.fingerprint(DedupeFixtures.trimmedReprint($0, share: 0.5)) }
        #expect(prints.count == reports.count)
        let one = try prints.map { print in
            try index.reading { try $0.bestMatch(for: print, excludedID: "new", notBefore: 0) }
        }
        let grouped = try index.reading { session in
            try session.prefetch(prints)
            return try prints.map { try session.bestMatch(for: $0, excludedID: "new", notBefore: 0) }
        }
        #expect(grouped == one)
        #expect(one.contains { ($0?.similarity ?? 1) < 1 })
    }

    @Test func aWriteSessionReadsNothingAhead() throws {
        let (index, _, prints) = try indexWithReports()
        try index.write { session in
            index.cache.tableChanged()
            try session.prefetch(prints)
            let looked = Array(DedupeQuery(fingerprint: prints[0], parameters: index.parameters).lookedUp)
            #expect(index.cache.rows(of: looked) == nil)
        }
    }
}
