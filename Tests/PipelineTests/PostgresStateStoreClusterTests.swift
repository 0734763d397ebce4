import Foundation
@testable import Pipeline
import PostgresTestSupport
import Testing

/// What only a shared PostgreSQL database must guarantee: several workers committing at once,
/// journals kept apart, migrations run once and refused when newer than the worker.
@Suite("PostgreSQL state store cluster", .enabled(if: !PostgresTestCluster.skipRequested), .timeLimit(.minutes(2)))
struct PostgresStateStoreClusterTests {
    @Test func workersCommittingAtOnceGetDistinctSeqsAndAGapFreeLog() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let workers = [try fixture.worker("alpha"), try fixture.worker("beta")]
        let day = "2026-11-20"
        let writersLeft = LockedCount()
        let problems = LockedMessages()
        let threads = 8, rounds = 20, batch = 3
        for _ in 0..<threads { writersLeft.add() }
        // A reader follows the log while the writers commit: every read must continue exactly
        // where the previous one ended, with no position missing (a late commit at or below a
        // position already read would be lost to every consumer).
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            let store = workers[0]
            var seen: Int64 = 0
            var finalPass = false
            while true {
                do {
                    let last = try store.lastRecordPosition()
                    let records = try store.committedRecords(after: seen, through: last, filter: RecordLogFilter(includeDuplicates: true),
                                                             limit: 100_000)
                    let expected: [Int64] = last > seen ? Array((seen + 1)...last) : []
                    if records.map(\.position) != expected {
                        problems.add("read after \(seen) through \(last) gave \(records.map(\.position))")
                    }
                    seen = max(seen, last)
                } catch {
                    problems.add("reader: \(error)")
                }
                if finalPass { break }
                if writersLeft.value == 0 { finalPass = true }
            }
        }
        // Threads of their own (not a pool as wide as the cores): all writers in flight at once.
        let writers = DispatchGroup()
        for thread in 0..<threads {
            writers.enter()
            Thread {
                let store = workers[thread % 2]
                for round in 0..<rounds {
                    do {
                        let records = (0..<batch).map { StoreSamples.record("t\(thread)-r\(round)-\($0)") }
                        let entries = try store.beginCommits(records, day: day, at: StoreSamples.now)
                        try store.finishCommits(entries, at: StoreSamples.now)
                    } catch {
                        problems.add("writer \(thread): \(error)")
                    }
                }
                writersLeft.subtract()
                writers.leave()
            }.start()
        }
        writers.wait()
        reader.wait()
        #expect(problems.messages.isEmpty, "\(problems.messages.prefix(5))")
        let total = threads * rounds * batch
        let log = try workers[1].committedRecords(after: 0, through: Int64.max, filter: .init(), limit: total + 10)
        #expect(log.map(\.position) == Array(1...Int64(total)))
        // Day sequence numbers (the file name's prefix): per worker, each of 0..<its records once.
        for name in ["alpha", "beta"] {
            let mine = log.filter { $0.worker == name }
            let numbers = mine.compactMap { $0.file.flatMap { Int($0.prefix { $0 != "_" }) } }
            #expect(numbers.sorted() == Array(0..<(total / 2)), "\(name)")
        }
        let perWorker = try workers[0].recordsPerWorker(days: 100_000)
        #expect(perWorker.map(\.worker) == ["alpha", "beta"])
        #expect(perWorker.map(\.records) == [total / 2, total / 2])
    }
}

/// Messages several threads add to.
final class LockedMessages: @unchecked Sendable {
    // `@unchecked Sendable`: `list` is only touched under `lock`.
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ message: String) {
        lock.lock(); list.append(message); lock.unlock()
    }

    var messages: [String] {
        lock.lock(); defer { lock.unlock() }
        return list
    }
}
