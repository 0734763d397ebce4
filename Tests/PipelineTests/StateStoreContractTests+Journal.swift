import Foundation
@testable import Pipeline
import Testing

/// The commit journal, the record log and consumer cursors, on every backend.
extension StateStoreContractTests {
    @Test(arguments: StoreBackend.all)
    func journalNumbersRecordsPerDayAndSkipsDroppedDuplicates(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        let day = "2026-11-20"
        let first = try store.beginCommits([StoreSamples.record("a"), StoreSamples.record("dup", body: nil, duplicateOf: "a"),
                                            StoreSamples.record("b")],
                                           bodyFiles: [".pending/a", ".pending/dup", nil], day: day, at: StoreSamples.now)
        #expect(first.map(\.seq) == [0, nil, 1])
        #expect(first.map(\.file) == ["000_a.txt", nil, "001_b.txt"])
        #expect(first.map(\.bodyFile) == [".pending/a", nil, nil])
        let manifest = try JSONDecoder().decode(ManifestRecord.self, from: Data(first[0].manifestLine.utf8))
        #expect(manifest.seq == 0 && manifest.file == "000_a.txt")
        let second = try store.beginCommit(StoreSamples.record("c"), day: day, at: StoreSamples.now)
        #expect(second.seq == 2)
        #expect(try store.beginCommit(StoreSamples.record("d"), day: "2026-11-21", at: StoreSamples.now).seq == 0)
        #expect(try store.beginCommits([], day: day, at: StoreSamples.now).isEmpty)

        // Recovery reads the journal back (entries of one instant in no set order): a body is
        // kept only when no pending file holds it.
        var expected = first + [second]
        expected[0].body = nil
        let pending = try store.pendingCommits()
        #expect(pending.count == 5)
        #expect(pending.filter { $0.day == day }.sorted { $0.token < $1.token } == expected.sorted { $0.token < $1.token })

        try store.enqueue([StoreSamples.queued("a")])
        try store.finishCommits(first, at: StoreSamples.now)
        try store.finishCommits([], at: StoreSamples.now)
        #expect(try store.pendingCommits().map(\.id).sorted() == ["c", "d"])
        #expect(try store.queueCount() == 0)
    }

    @Test(arguments: StoreBackend.all)
    func recordLogFollowsCommitOrderWithFilters(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        #expect(try store.lastRecordPosition() == 0)
        try StoreSamples.commit(store, [StoreSamples.record("a", source: "alpha"), StoreSamples.record("b", source: "beta")],
                                day: "2026-11-19")
        try StoreSamples.commit(store, [StoreSamples.record("dup", source: "alpha", body: nil, duplicateOf: "a"),
                                        StoreSamples.record("a", source: "alpha", revision: 2)], day: "2026-11-20")
        try StoreSamples.commit(store, [StoreSamples.record("c", source: "beta")], day: "2026-11-21")
        #expect(try store.lastRecordPosition() == 5)

        func ids(after: Int64 = 0, through: Int64 = 5, _ filter: RecordLogFilter = .init(), limit: Int = 100) throws -> [String] {
            try store.committedRecords(after: after, through: through, filter: filter, limit: limit).map { "\($0.position):\($0.id)" }
        }
        #expect(try ids() == ["1:a", "2:b", "4:a", "5:c"])
        #expect(try ids(RecordLogFilter(includeDuplicates: true)) == ["1:a", "2:b", "3:dup", "4:a", "5:c"])
        #expect(try ids(RecordLogFilter(sources: ["beta"])) == ["2:b", "5:c"])
        #expect(try ids(RecordLogFilter(sinceDay: "2026-11-20", untilDay: "2026-11-20", includeDuplicates: true)) == ["3:dup", "4:a"])
        #expect(try ids(RecordLogFilter(latestRevisionOnly: true)) == ["2:b", "4:a", "5:c"])
        #expect(try ids(after: 1, through: 4) == ["2:b", "4:a"])
        #expect(try ids(limit: 2) == ["1:a", "2:b"])

        let record = try #require(try store.committedRecords(after: 3, through: 4, filter: .init(), limit: 1).first)
        #expect(record.day == "2026-11-20" && record.file == "000_a.txt" && record.source == "alpha" && record.revision == 2)
        #expect(record.duplicateOf == nil)
        let line = try JSONDecoder().decode(ManifestRecord.self, from: Data(try #require(record.manifestLine).utf8))
        #expect(line.id == "a" && line.revision == 2 && line.seq == 0)
    }

    @Test(arguments: StoreBackend.all)
    func consumerCursorsMoveAndCountWhatIsBehind(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        try StoreSamples.commit(store, (1...4).map { StoreSamples.record("r\($0)") })
        #expect(try store.consumerPosition("search") == nil)
        try store.saveConsumerPosition("search", position: 3, at: StoreSamples.now)
        try store.saveConsumerPosition("archive", position: 0, at: StoreSamples.now.addingTimeInterval(1))
        #expect(try store.consumerPosition("search") == 3)
        #expect(try store.consumers() == [
            ConsumerCursor(name: "archive", position: 0, updatedAt: StoreSamples.now.addingTimeInterval(1), behind: 4),
            ConsumerCursor(name: "search", position: 3, updatedAt: StoreSamples.now, behind: 1),
        ])
        // A replay moves the cursor back.
        try store.saveConsumerPosition("search", position: 1, at: StoreSamples.now)
        #expect(try store.consumerPosition("search") == 1)
    }
}
