import Dispatch
import Foundation
import PipelineBenchmarks
import Testing
@testable import Pipeline

@Suite("Dedupe engine under concurrency", .timeLimit(.minutes(1)))
struct DedupeConcurrencyTests {
    /// Many threads check and insert at once: no crash, no lost or doubled entry, and a
    /// text and its copies are indexed once whichever thread wins.
    @Test(arguments: DedupeTestBackend.allCases)
    func concurrentCheckAndInsertKeepsOneTextPerGroup(backend: DedupeTestBackend) throws {
        let engine = try backend.engine()
        var corpus = SyntheticCorpus(seed: 21)
        corpus.reprintShare = 0
        let originals = (0..<60).map { _ in corpus.next().text }
        let uniques = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for (number, text) in originals.enumerated() {
                // Every worker submits every text, with its own credit line.
                let copy = "WORKER \(worker) (Wire) - " + text
                let decision = try? engine.checkAndInsert(id: "w\(worker)-\(number)", text: copy,
                                                          at: DedupeFixtures.start)
                if decision == .unique { uniques.increment() }
            }
        }
        #expect(uniques.value == originals.count)
        #expect(engine.indexSize == originals.count)
    }
}

/// A counter shared by the workers of the test.
private final class ConcurrentCounter: @unchecked Sendable {
    // @unchecked: `count` is only touched while holding `lock`.
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
