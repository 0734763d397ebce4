import Dispatch
import Foundation
import PipelineBenchmarks
import Testing
@testable import Pipeline
import PostgresTestSupport

/// Several workers (engines with pools of their own) on one PostgreSQL index: each sees the
/// others' inserts as soon as they commit, and check-and-insert is atomic across them.
@Suite("PostgresDedupe index shared by workers", .enabled(if: !PostgresTestCluster.skipRequested),
       .timeLimit(.minutes(2)))
struct PostgresDedupeSharingTests {
    private let start = DedupeFixtures.start

    @Test func aTextIndexedByOneWorkerIsFoundByAnotherAtOnce() throws {
        try withPostgresDedupeDatabase(label: "dedupe_share") { database throws in
            let reports = try DedupeFixtures.reports()
            let workerA = try database.engine()
            let workerB = try database.engine()
            #expect(try workerA.checkAndInsert(id: "a-1", text: reports[0], at: start) == .unique)
            let reprint = DedupeFixtures.trimmedReprint(reports[0], share: 0.6)
            #expect(try workerB.checkAndInsert(id: "b-1", text: reprint, at: start).duplicateOf == "a-1")
            // The pipeline's split flow on B: check, then record the decision.
            let print = workerB.fingerprint(reports[2])
            let decision = try workerB.checked(id: "b-2", fingerprint: print, at: start)
            #expect(decision == .unique)
            try workerB.insert(id: "b-2", fingerprint: print, at: start, decision: decision)
            #expect(workerA.check(id: "a-2", text: DedupeFixtures.trimmedReprint(reports[2], share: 0.6), at: start)
                    .duplicateOf == "b-2")
            #expect(workerA.check(id: "a-3", text: reports[2], at: start) == .duplicate(of: "b-2", similarity: 1))
            #expect(workerA.indexSize == 2)
            #expect(workerB.indexSize == 2)
        }
    }

    /// Two workers race to check and insert two copies of one story, round after round:
    /// each round makes one original and one duplicate of it, never two originals.
    @Test func racingCopiesMakeOneOriginal() throws {
        try withPostgresDedupeDatabase(label: "dedupe_race") { database throws in
            let workers = [try database.engine(), try database.engine()]
            var corpus = SyntheticCorpus(seed: 5)
            corpus.reprintShare = 0
            let barrier = ThreadBarrier(parties: 2)
            let rounds = 12
            let decisions = DecisionBoard(count: rounds * 2)
            let stories = (0..<rounds).map { _ in corpus.next().text }
            onSeparateThreads(2) { worker in
                for (round, story) in stories.enumerated() {
                    barrier.wait()
                    let copy = "WORKER \(worker) (Wire) - " + story
                    let decision = try? workers[worker].checkAndInsert(id: "r\(round)-w\(worker)", text: copy, at: start)
                    decisions.set(round * 2 + worker, decision)
                }
            }
            for round in 0..<rounds {
                let pair = [decisions.get(round * 2), decisions.get(round * 2 + 1)]
                #expect(pair.filter { $0 == .unique }.count == 1, "round \(round): \(pair)")
                let originals = (0..<2).filter { pair[$0] == .unique }.map { "r\(round)-w\($0)" }
                #expect(pair.compactMap { $0?.duplicateOf } == originals, "round \(round)")
            }
            #expect(workers[0].indexSize == rounds)
        }
    }

    /// A change of the index waits for the dedupe lock another worker holds; checks do not.
    @Test func writingWaitsForTheDedupeLockWhileChecksGoOn() throws {
        try withPostgresDedupeDatabase(label: "dedupe_lock") { database throws in
            let text = try DedupeFixtures.report("report-3-evening-standard")
            let writer = try database.engine()
            let reader = try database.engine()
            let holder = try PGConnection(uri: database.uri)
            try holder.query("BEGIN")
            try holder.query("SELECT pg_advisory_xact_lock($1)", [PostgresDedupeIndex.writeLockKey])
            let finished = DispatchSemaphore(value: 0)
            let decisions = DecisionBoard(count: 1)
            DispatchQueue.global().async {
                decisions.set(0, try? writer.checkAndInsert(id: "waiting", text: text, at: DedupeFixtures.start))
                finished.signal()
            }
            // Waits (bounded) until the writer's transaction queues behind the lock.
            var waiting = 0
            for _ in 0..<2_000 where waiting == 0 {
                waiting = try holder.query("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """)
                    .scalar(Int.self) ?? 0
                if waiting == 0 { usleep(5_000) }
            }
            #expect(waiting == 1)
            #expect(reader.check(id: "reader", text: text, at: start) == .unique)
            #expect(finished.wait(timeout: .now()) == .timedOut)
            try holder.query("COMMIT")
            #expect(finished.wait(timeout: .now() + 30) == .success)
            #expect(decisions.get(0) == .unique)
            #expect(reader.check(id: "reader", text: text, at: start) == .duplicate(of: "waiting", similarity: 1))
        }
    }
}

/// Decisions written by the racing threads, read by the test afterwards.
private final class DecisionBoard: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [DedupeDecision?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: DedupeDecision?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> DedupeDecision? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
