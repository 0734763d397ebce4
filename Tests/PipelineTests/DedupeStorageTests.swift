import Foundation
import GRDB
import Testing
@testable import Pipeline

@Suite("Dedupe storage", .timeLimit(.minutes(1)))
struct DedupeStorageTests {
    private let start = DedupeFixtures.start

    /// A fresh database file in a temporary folder, removed by `body`'s end.
    private func withDatabase(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("copydesk-dedupe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("state.sqlite").path)
    }

    @Test func restartKeepsTheIndex() throws {
        try withDatabase { path in
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
        try withDatabase { path in
            let storage = try GRDBDedupeStorage.open(path: path)
            let live = try DedupeEngine(storage: storage, now: start)
            var corpus = SyntheticCorpus(seed: 3)
            var probes: [String] = []
            for number in 0..<400 {
                let document = corpus.next()
                if number % 4 == 0 { probes.append(document.text) }
                _ = try live.checkAndInsert(id: document.id, text: document.text, at: start)
            }
            let restarted = try DedupeEngine(storage: storage, now: start)
            #expect(restarted.indexSize == live.indexSize)
            for (number, probe) in probes.enumerated() {
                #expect(restarted.check(id: "probe-\(number)", text: probe, at: start)
                        == live.check(id: "probe-\(number)", text: probe, at: start))
            }
        }
    }

    @Test func groupMembersSurviveARestart() throws {
        try withDatabase { path in
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

    @Test func expiryIsWrittenThrough() throws {
        try withDatabase { path in
            let day = DedupeFixtures.day
            let text = try DedupeFixtures.report("report-5-radio-news")
            let storage = try GRDBDedupeStorage.open(path: path)
            let engine = try DedupeEngine(configuration: DedupeConfig(windowDays: 7), storage: storage, now: start)
            try engine.insert(id: "old", text: text, at: start)
            try engine.insert(id: "newer", text: "A different story about the harbour ferry timetable changes.",
                              at: start.addingTimeInterval(2 * day))
            #expect(try engine.expire(before: start.addingTimeInterval(day)) == 1)
            #expect(try storage.entryCount() == 1)
            // Entries past the window are dropped at start-up too.
            let later = try DedupeEngine(configuration: DedupeConfig(windowDays: 7), storage: storage,
                                         now: start.addingTimeInterval(10 * day))
            #expect(later.indexSize == 0)
            #expect(try storage.entryCount() == 0)
        }
    }

    @Test func anIndexBuiltWithOtherParametersIsRefused() throws {
        try withDatabase { path in
            let storage = try GRDBDedupeStorage.open(path: path)
            let engine = try DedupeEngine(storage: storage, now: start)
            try engine.insert(id: "a", text: try DedupeFixtures.report("report-1-harbour-gazette"), at: start)
            var other = DedupeParameters()
            other.shingleWords = 5
            #expect(throws: DedupeError.self) {
                _ = try DedupeEngine(parameters: other, storage: storage, now: start)
            }
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
        let storage = GRDBDedupeStorage(writer: queue)
        let entry = DedupeEntry(id: "x", indexedAt: start, contentHash: .max, shingleCount: 3, sample: [1, 7, .max])
        try storage.save(entry)
        var loaded: [DedupeEntry] = []
        try storage.forEachEntry { loaded.append($0) }
        #expect(loaded == [entry])
    }

    @Test func corruptSampleIsATypedError() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        GRDBDedupeStorage.registerMigrations(&migrator)
        try migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO dedupe_entry VALUES ('bad', 0, 0, 3, x'010203', NULL)")
        }
        #expect(throws: DedupeError.corruptEntry(id: "bad")) {
            try GRDBDedupeStorage(writer: queue).forEachEntry { _ in }
        }
    }
}
