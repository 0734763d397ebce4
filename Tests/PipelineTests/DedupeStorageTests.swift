import Foundation
import GRDB
import PipelineBenchmarks
import Testing
@testable import Pipeline

@Suite("Dedupe index in the database", .timeLimit(.minutes(1)))
struct DedupeStorageTests {
    private let start = DedupeFixtures.start

    @Test func restartKeepsTheIndex() throws {
        try withDedupeDatabaseFile { path in
            let reports = try DedupeFixtures.reports()
            do {
                let engine = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
                for (name, text) in zip(DedupeFixtures.reportNames, reports) {
                    #expect(try engine.checkAndInsert(id: name, text: text, at: start) == .unique)
                }
            }
            let restarted = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path),
                                             now: start.addingTimeInterval(3600))
            #expect(restarted.indexSize == 5)
            let reprint = DedupeFixtures.trimmedReprint(reports[3], share: 0.6)
            #expect(restarted.check(id: "reprint", text: reprint, at: start).duplicateOf == "report-4-business-daily")
            #expect(restarted.check(id: "copy", text: reports[1], at: start)
                    == .duplicate(of: "report-2-coastal-wire", similarity: 1))
        }
    }

    @Test func restartMatchesLikeTheEngineThatWroteTheIndex() throws {
        try withDedupeDatabaseFile { path in
            let live = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
            var corpus = SyntheticCorpus(seed: 3)
            var probes: [String] = []
            for number in 0..<400 {
                let document = corpus.next()
                if number % 4 == 0 { probes.append(document.text) }
                _ = try live.checkAndInsert(id: document.id, text: document.text, at: start)
            }
            let restarted = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
            #expect(restarted.indexSize == live.indexSize)
            for (number, probe) in probes.enumerated() {
                #expect(restarted.check(id: "probe-\(number)", text: probe, at: start)
                        == live.check(id: "probe-\(number)", text: probe, at: start))
            }
        }
    }

    /// Two engines on one file (as a `run` and a `backfill` in two processes, each with its
    /// own connections) see each other's inserts at once, without a restart.
    @Test func twoEnginesOnOneFileShareTheIndexLive() throws {
        try withDedupeDatabaseFile { path in
            let reports = try DedupeFixtures.reports()
            let run = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
            let backfill = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
            #expect(try run.checkAndInsert(id: "run-1", text: reports[0], at: start) == .unique)
            let reprint = DedupeFixtures.trimmedReprint(reports[0], share: 0.6)
            #expect(try backfill.checkAndInsert(id: "backfill-1", text: reprint, at: start).duplicateOf == "run-1")
            #expect(try backfill.checkAndInsert(id: "backfill-2", text: reports[2], at: start) == .unique)
            #expect(run.check(id: "run-2", text: DedupeFixtures.trimmedReprint(reports[2], share: 0.6), at: start)
                    .duplicateOf == "backfill-2")
            #expect(run.indexSize == 2)
            #expect(backfill.indexSize == 2)
        }
    }

    @Test func groupMembersSurviveARestart() throws {
        try withDedupeDatabaseFile { path in
            let original = try DedupeFixtures.report("report-1-harbour-gazette")
            let head = DedupeFixtures.trimmedReprint(original, share: 0.4)
            let tail = DedupeFixtures.paragraphs(original).suffix(4).joined(separator: "\n")
            do {
                let engine = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
                _ = try engine.checkAndInsert(id: "head", text: head, at: start)
                _ = try engine.checkAndInsert(id: "full", text: original, at: start)
            }
            let restarted = try DedupeEngine(storage: try GRDBDedupeStorage.open(path: path), now: start)
            #expect(restarted.indexSize == 2)
            #expect(restarted.check(id: "tail", text: tail, at: start).duplicateOf == "head")
        }
    }

    @Test func expiryDeletesRowsAndPostingsInChunks() throws {
        let storage = try DedupeTestBackend.memoryDatabase()
        let day = DedupeFixtures.day
        let engine = try DedupeEngine(configuration: DedupeConfig(windowDays: 7), parameters: DedupeParameters(),
                                      storage: storage, now: start, tailCapacity: 100)
        var corpus = SyntheticCorpus(seed: 11)
        corpus.reprintShare = 0
        // More old texts than one expiry transaction deletes.
        let old = SQLDedupeIndex.expiryChunk + 40
        for _ in 0..<old {
            let document = corpus.next()
            try engine.insert(id: document.id, text: document.text, at: start)
        }
        let kept = corpus.next()
        try engine.insert(id: "kept", text: kept.text, at: start.addingTimeInterval(2 * day))
        #expect(try engine.expire(before: start.addingTimeInterval(day)) == old)
        #expect(try storage.entryCount() == 1)
        // Postings written to the table before the expiry went with their texts.
        let (postings, orphans) = try storage.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_sample") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_sample WHERE doc <> 0 AND doc NOT IN (SELECT ordinal FROM dedupe_doc)") ?? -1)
        }
        #expect(postings >= 0)
        #expect(orphans == 0)
        #expect(engine.check(id: "again", text: kept.text, at: start.addingTimeInterval(2 * day)).duplicateOf == "kept")
        // Entries past the window are dropped when an engine opens the index too.
        let later = try DedupeEngine(configuration: DedupeConfig(windowDays: 7), storage: storage,
                                     now: start.addingTimeInterval(10 * day))
        #expect(later.indexSize == 0)
        #expect(try storage.entryCount() == 0)
    }

    /// A replaced text is out of every window at once, and leaves the tables at the next
    /// expiry (as the in-memory index drops it when it next compacts).
    @Test func replacingAnIDRetiresItsOldTextUntilExpiry() throws {
        let storage = try DedupeTestBackend.memoryDatabase()
        let engine = try DedupeEngine(configuration: DedupeConfig(), parameters: DedupeParameters(), storage: storage,
                                      now: start, tailCapacity: 1)
        let reports = try DedupeFixtures.reports()
        try engine.insert(id: "story", text: reports[0], at: start)
        try engine.insert(id: "story", text: reports[1], at: start)
        #expect(engine.indexSize == 1)
        #expect(engine.check(id: "x", text: reports[0], at: start) == .unique)
        #expect(engine.check(id: "x", text: reports[1], at: start).duplicateOf == "story")
        #expect(try engine.expire(before: start.addingTimeInterval(-DedupeFixtures.day)) == 0)
        let (rows, postings, orphans) = try storage.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_doc") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_sample") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_sample WHERE doc <> 0 AND doc NOT IN (SELECT ordinal FROM dedupe_doc)") ?? -1)
        }
        #expect(rows == 1)
        #expect(postings > 0)
        #expect(orphans == 0)
        #expect(engine.check(id: "x", text: reports[1], at: start).duplicateOf == "story")
    }

    @Test func anIndexBuiltWithOtherParametersIsRefused() throws {
        let storage = try DedupeTestBackend.memoryDatabase()
        let engine = try DedupeEngine(storage: storage, now: start)
        try engine.insert(id: "a", text: try DedupeFixtures.report("report-1-harbour-gazette"), at: start)
        var other = DedupeParameters()
        other.shingleWords = 5
        #expect(throws: DedupeError.self) {
            _ = try DedupeEngine(parameters: other, storage: storage, now: start)
        }
    }

    @Test func migrationsRegisterAlongsideOthers() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        migrator.registerMigration("state-v1") { db in
            try db.execute(sql: "CREATE TABLE other (id INTEGER PRIMARY KEY)")
        }
        GRDBDedupeStorage.registerMigrations(&migrator)
        try migrator.migrate(queue)
        let engine = try DedupeEngine(storage: GRDBDedupeStorage(writer: queue), now: start)
        try engine.insert(id: "x", text: "Roads closed near the quay after the fire.", at: start)
        #expect(engine.indexSize == 1)
        #expect(try queue.read { db in try db.tableExists("other") })
    }

    /// An index written by the previous version (one `dedupe_entry` row per text, loaded
    /// into memory) is moved into the queried tables when an engine opens it.
    @Test func aVersionOneIndexIsMovedIntoTheTables() throws {
        let storage = try DedupeTestBackend.memoryDatabase()
        let parameters = DedupeParameters()
        let original = try DedupeFixtures.report("report-1-harbour-gazette")
        let head = DedupeFixtures.trimmedReprint(original, share: 0.4)
        let tail = DedupeFixtures.paragraphs(original).suffix(4).joined(separator: "\n")
        try storage.writer.write { db in
            try db.execute(sql: "INSERT INTO dedupe_meta(key, value) VALUES ('parameters', ?)",
                           arguments: [parameters.signature])
            for (id, text, root) in [("head", head, nil), ("full", original, "head")] as [(String, String, String?)] {
                let print = DedupeFingerprint(text: text, parameters: parameters)
                try db.execute(sql: "INSERT INTO dedupe_entry VALUES (?, ?, ?, ?, ?, ?)", arguments: [
                    id, Int64(start.timeIntervalSince1970), Int64(bitPattern: print.contentHash), print.shingleCount,
                    SQLDedupeSession.encode(Array(print.sample(size: parameters.sampleSize))), root,
                ])
            }
        }
        let engine = try DedupeEngine(storage: storage, now: start)
        #expect(engine.indexSize == 2)
        #expect(try storage.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedupe_entry") } == 0)
        // The member kept its group: a reprint of the ending names the group's first text.
        #expect(engine.check(id: "tail", text: tail, at: start).duplicateOf == "head")
    }

    @Test func corruptSamplesAreATypedError() throws {
        let storage = try DedupeTestBackend.memoryDatabase()
        try storage.writer.write { db in
            try db.execute(sql: "INSERT INTO dedupe_entry VALUES ('bad', \(Int(start.timeIntervalSince1970)), 0, 3, x'010203', NULL)")
        }
        #expect(throws: DedupeError.corruptEntry(id: "bad")) {
            _ = try DedupeEngine(storage: storage, now: start)
        }
        let clean = try DedupeTestBackend.memoryDatabase()
        let engine = try DedupeEngine(storage: clean, now: start)
        let text = try DedupeFixtures.report("report-2-coastal-wire")
        try engine.insert(id: "good", text: text, at: start)
        try clean.writer.write { db in try db.execute(sql: "UPDATE dedupe_doc SET sample = x'0102'") }
        #expect(throws: DedupeError.corruptEntry(id: "good")) {
            _ = try engine.checked(id: "other", fingerprint: engine.fingerprint(text), at: start)
        }
    }
}
