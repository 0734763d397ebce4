import Foundation
@testable import Pipeline
import PostgresTestSupport
import Testing

/// The cluster-wide decide-and-commit lock: while one worker's writer holds it, another's
/// waits, so a dedupe decision and the commit after it are never interleaved with another's.
@Suite("PostgreSQL commit lock", .enabled(if: !PostgresTestCluster.skipRequested), .timeLimit(.minutes(2)))
struct PostgresCommitLockTests {
    @Test func aSecondWorkerWaitsUntilTheFirstLeaves() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let alpha = try fixture.worker("alpha"), beta = try fixture.worker("beta")
        let events = LockedMessages()
        let alphaInside = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? alpha.exclusively { _ in
                events.add("alpha in")
                alphaInside.signal()
                release.wait()
                events.add("alpha out")
            }
            done.signal()
        }.start()
        alphaInside.wait()
        Thread {
            try? beta.exclusively { _ in events.add("beta in") }
            done.signal()
        }.start()
        // Beta is provably waiting for the advisory lock before alpha lets go.
        let observer = try PGConnection(uri: fixture.uri)
        var waiting = false
        for _ in 0..<500 where !waiting {
            waiting = try observer.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").scalar(Int.self) == 1
            if !waiting { usleep(10_000) }
        }
        #expect(waiting)
        #expect(events.messages == ["alpha in"])
        release.signal()
        done.wait()
        done.wait()
        #expect(events.messages == ["alpha in", "alpha out", "beta in"])
    }

    @Test func releasingEarlyLetsTheNextWorkerIn() throws {
        let fixture = try StoreFixture(.postgres)
        defer { fixture.remove() }
        let alpha = try fixture.worker("alpha"), beta = try fixture.worker("beta")
        let betaEntered = try alpha.exclusively { release -> Bool in
            release()
            // Alpha is still inside its body, but no longer holds the lock.
            return try beta.exclusively { _ in true }
        }
        #expect(betaEntered)
    }
}
