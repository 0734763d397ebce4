import PipelineBenchmarks
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

    @Test func aBoilerplateMarkReplacesTheEntriesAndKeepsTheRunFindable() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 6)
        let capacity = index.slots.count
        // A crowded stretch, so that the removed entries sit inside a run of other keys.
        let crowd = keys(homedIn: 100...140, capacity: capacity, count: 60)
        let common = crowd[30]
        for (document, key) in zip(UInt32(0)..., crowd) where key != common {
            index.insert(key: key, document: document)
        }
        for document in UInt32(100)..<106 { index.insert(key: common, document: document) }
        #expect(index.isBoilerplate(common))
        #expect(index.count == crowd.count - 1 + 1) // the other keys and one mark
        #expect(isInRobinHoodOrder(index))
        for (document, key) in zip(UInt32(0)..., crowd) where key != common {
            #expect(documents(of: index, key: key) == [document])
        }
        #expect(index.state(of: common, document: 100) == .boilerplate)
        #expect(index.state(of: crowd[0], document: 0) == .indexed)
        #expect(index.state(of: crowd[0], document: 1) == .absent)
    }

    @Test func rebuildKeepsBoilerplate() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 3)
        for document in UInt32(0)..<3 { index.insert(key: 8, document: document) }
        index.insert(key: 9, document: 0)
        index.rebuild { $0 == 0 ? nil : $0 }
        #expect(index.isBoilerplate(8))
        let added = index.insert(key: 8, document: 5)
        #expect(!added)
        #expect(documents(of: index, key: 9).isEmpty)
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
        #expect(bulk.boilerplateKeys == incremental.boilerplateKeys)
        #expect(!bulk.boilerplateKeys.isEmpty)
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

    /// Keys whose home slot in a table of `capacity` slots lies in `homes`.
    private func keys(homedIn homes: ClosedRange<Int>, capacity: Int, count: Int) -> [UInt32] {
        var found: [UInt32] = []
        var key: UInt32 = 1
        while found.count < count {
            if homes.contains(SampleIndex.home(of: key, capacity: capacity)) { found.append(key) }
            key += 1
        }
        return found
    }

    /// Robin Hood order: along a run of occupied slots, each entry sits at most one slot
    /// further from its home than the entry before it.
    private func isInRobinHoodOrder(_ index: SampleIndex) -> Bool {
        index.slots.withUnsafeBufferPointer { table in
            let capacity = table.count
            for position in 0..<capacity {
                let next = (position + 1) % capacity
                guard table[position] != 0, table[next] != 0 else { continue }
                let here = SampleIndex.distance(at: position, of: UInt32(truncatingIfNeeded: table[position] >> 32), capacity: capacity)
                let there = SampleIndex.distance(at: next, of: UInt32(truncatingIfNeeded: table[next] >> 32), capacity: capacity)
                if there > here + 1 { return false }
            }
            return true
        }
    }

    @Test func crowdedHomesAtTheEndOfTheTableWrapAroundAndStayFindable() {
        var index = SampleIndex(expectedEntries: 0, boilerplateLimit: 1_000)
        let capacity = index.slots.count
        // 300 keys homed in the last 40 slots, then 300 homed in the first 40: the first
        // group's run wraps past the end into the second group's homes.
        let late = keys(homedIn: (capacity - 40)...(capacity - 1), capacity: capacity, count: 300)
        let early = keys(homedIn: 0...39, capacity: capacity, count: 300)
        for (document, key) in zip(UInt32(0)..., late + early) { index.insert(key: key, document: document) }
        #expect(index.slots.count == capacity) // no resize: the crowding is what is tested
        #expect(isInRobinHoodOrder(index))
        for (document, key) in zip(UInt32(0)..., late + early) {
            #expect(documents(of: index, key: key) == [document])
            #expect(index.contains(key: key, document: document))
        }
        // A key that is absent, homed inside the crowded run, is not found.
        let absent = keys(homedIn: 0...39, capacity: capacity, count: 301).last!
        #expect(documents(of: index, key: absent).isEmpty)
    }

    @Test func bulkLoadOverflowingTheEndKeepsRobinHoodOrder() {
        let capacity = SampleIndex.capacity(for: 400)
        let late = keys(homedIn: (capacity - 20)...(capacity - 1), capacity: capacity, count: 200)
        let early = keys(homedIn: 0...9, capacity: capacity, count: 100)
        let all = late + early
        let entries = all.enumerated().map { UInt64($0.element) << 32 | UInt64($0.offset + 1) }
        var bulk = SampleIndex(expectedEntries: 0, boilerplateLimit: 1_000)
        _ = bulk.bulkLoad(entries, documents: all.count)
        #expect(bulk.slots.count == capacity)
        #expect(bulk.count == all.count)
        #expect(isInRobinHoodOrder(bulk))
        for (document, key) in zip(UInt32(0)..., all) { #expect(documents(of: bulk, key: key) == [document]) }
    }

    @Test func aCopyDoesNotSeeInsertsIntoTheOriginal() {
        var original = SampleIndex(expectedEntries: 0, boilerplateLimit: 100)
        original.insert(key: 1, document: 0)
        let copy = original
        original.insert(key: 2, document: 1)
        #expect(documents(of: copy, key: 2).isEmpty)
        #expect(documents(of: original, key: 2) == [1])
        #expect(documents(of: copy, key: 1) == [0])
    }

    @Test func aLargeSlotTableIsZeroFilledAndCopiesItsSlots() {
        let count = SlotTable.hugePageThreshold / 8 * 3 + 5 // huge-page path, not a whole number of pages
        let table = SlotTable(count: count)
        #expect(table.memoryBytes >= count * 8)
        #expect(table.memoryBytes % SlotTable.hugePageSize == 0)
        let zeros = table.withUnsafeBufferPointer { $0.allSatisfy { $0 == 0 } }
        #expect(zeros)
        table[0] = 7
        table[count - 1] = 9
        let copy = table.copy()
        table[0] = 8
        #expect(copy[0] == 7)
        #expect(copy[count - 1] == 9)
        #expect(table[0] == 8)
    }
}
