import Foundation
@testable import Pipeline
import Testing

/// `knownURLs` of lists of every length: a commit group asks for up to twice its size, and
/// the SQLite store pads each list to a power of two so that a few cached statements serve
/// them all (see ``SQLiteStateStore/knownURLs(_:)``).
@Suite("Known URLs asked for in lists of any length", .timeLimit(.minutes(2)))
struct KnownURLsBatchTests {
    @Test func paddedSizesArePowersOfTwoFromEight() {
        #expect(SQLiteStateStore.paddedCount(1) == 8)
        #expect(SQLiteStateStore.paddedCount(8) == 8)
        #expect(SQLiteStateStore.paddedCount(9) == 16)
        #expect(SQLiteStateStore.paddedCount(64) == 64)
        #expect(SQLiteStateStore.paddedCount(65) == 128)
        #expect(SQLiteStateStore.paddedCount(SQLiteStateStore.knownURLsChunk) == SQLiteStateStore.knownURLsChunk)
    }

    @Test(arguments: StoreBackend.all)
    func everyLengthFindsExactlyTheCommittedURLs(_ backend: StoreBackend) throws {
        let fixture = try StoreFixture(backend)
        defer { fixture.remove() }
        let store = fixture.store
        // 40 committed URLs; the lists also ask for URLs never seen, some twice.
        let records = (0..<40).map { StoreSamples.record("k\($0)") }
        try StoreSamples.commit(store, records)
        let committed = records.map(\.canonicalURL)
        for length in [9, 16, 17, 63, 130, 513, 1_100] {
            let asked = (0..<length).map { $0 % 3 == 0 ? committed[$0 % committed.count] : "https://news.example/never-\($0 % 700)" }
            let found = try store.knownURLs(asked)
            let expected = Set(asked.filter { committed.contains($0) })
            #expect(Set(found.keys) == expected, "list of \(length)")
            for url in expected {
                #expect(found[url]?.id == records.first { $0.canonicalURL == url }?.id, "list of \(length)")
            }
        }
    }
}
