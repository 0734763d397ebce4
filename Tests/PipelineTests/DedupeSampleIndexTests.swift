import Testing
@testable import Pipeline

@Suite("Dedupe sample index")
struct DedupeSampleIndexTests {
    private func documents(of index: SampleIndex, key: UInt32) -> [UInt32] {
        var hits: [UInt32] = []
        var boilerplate: [UInt32] = []
        [key].withUnsafeBufferPointer { index.lookup($0, hits: &hits, boilerplate: &boilerplate) }
        return hits.sorted()
    }

    @Test func findsEveryDocumentOfAKeyAcrossGrowth() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 1_000)
        for document in UInt32(0)..<5_000 {
            index.insert(key: 100_000 + document, document: document)
            if document < 900 { index.insert(key: document % 50, document: document) }
        }
        #expect(index.slots.count > 1024)
        #expect(index.count == 5_900)
        #expect(documents(of: index, key: 100_077) == [77])
        #expect(documents(of: index, key: 42) == (0..<18).map { 42 + 50 * $0 })
        #expect(index.contains(key: 100_003, document: 3))
        #expect(!index.contains(key: 100_003, document: 4))
    }

    @Test func aKeyInTooManyDocumentsBecomesBoilerplate() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 4)
        let added = (UInt32(0)..<6).map { index.insert(key: 99, document: $0) }
        #expect(added == [true, true, true, false, false, false])
        #expect(index.isBoilerplate(99))
        var hits: [UInt32] = []
        var boilerplate: [UInt32] = []
        [99, 5].withUnsafeBufferPointer { index.lookup($0, hits: &hits, boilerplate: &boilerplate) }
        #expect(hits.isEmpty)
        #expect(boilerplate == [99])
    }

    @Test func bulkLoadMatchesInsertingOneByOne() {
        var generator = SplitMix64(seed: 11)
        var entries: [UInt64] = []
        for document in UInt32(0)..<3_000 {
            for _ in 0..<20 {
                // A small key space, so keys repeat and some become boilerplate.
                let key = UInt32(generator.next() % 20_000)
                entries.append(UInt64(key) << 32 | UInt64(document + 1))
            }
        }
        var incremental = SampleIndex(expectedEntries: 0, boilerplateLimit: 8)
        var counts = [Int](repeating: 0, count: 3_000)
        for entry in entries {
            let document = UInt32(truncatingIfNeeded: entry) - 1
            if incremental.insert(key: UInt32(truncatingIfNeeded: entry >> 32), document: document) {
                counts[Int(document)] += 1
            }
        }
        var bulk = SampleIndex(expectedEntries: 0, boilerplateLimit: 8)
        let bulkCounts = bulk.bulkLoad(entries, documents: 3_000)
        #expect(bulkCounts.map(Int.init) == counts)
        #expect(bulk.boilerplate == incremental.boilerplate)
        #expect(bulk.count == incremental.count)
        for key in UInt32(0)..<20_000 where key % 7 == 0 {
            #expect(documents(of: bulk, key: key) == documents(of: incremental, key: key))
        }
    }

    @Test func rebuildDropsAndRenumbersDocuments() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 100)
        for document in UInt32(0)..<10 { index.insert(key: 5, document: document) }
        index.rebuild { $0 % 2 == 0 ? $0 / 2 : nil }
        #expect(documents(of: index, key: 5) == [0, 1, 2, 3, 4])
    }
}
