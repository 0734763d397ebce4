import Foundation
import Testing
@testable import Pipeline
import PostgresTestSupport

/// The PostgreSQL index must decide exactly as the in-memory one (and so as SQLite's): the
/// stream of ``DedupeBackendEquivalenceTests`` — wire reprints, distinct reports, exact
/// copies, snippets, re-used ids, a sliding window and expiry — through both.
@Suite("PostgresDedupe backends decide alike", .enabled(if: !PostgresTestCluster.skipRequested),
       .timeLimit(.minutes(3)))
struct PostgresDedupeEquivalenceTests {
    @Test(arguments: [16, 4])
    func postgresAndMemoryGiveIdenticalDecisions(boilerplateLimit: Int) throws {
        try withPostgresDedupeDatabase(label: "dedupe_equal") { database throws in
            var parameters = DedupeParameters()
            parameters.boilerplateLimit = boilerplateLimit
            let configuration = DedupeConfig(windowDays: 2)
            let memory = try DedupeTestBackend.memory.engine(configuration: configuration, parameters: parameters)
            let postgres = try database.engine(configuration: configuration, parameters: parameters)
            var duplicates = 0
            let steps = try DedupeBackendEquivalenceTests.stream(count: 1_500, seed: UInt64(boilerplateLimit))
            for (number, step) in steps.enumerated() {
                let print = memory.fingerprint(step.text)
                let expected: DedupeDecision
                let actual: DedupeDecision
                if number % 2 == 0 {
                    expected = try memory.checkAndInsert(id: step.id, fingerprint: print, at: step.at)
                    actual = try postgres.checkAndInsert(id: step.id, fingerprint: print, at: step.at)
                } else {
                    // The pipeline's split flow: check, record, then insert with the decision.
                    expected = memory.check(id: step.id, fingerprint: print, at: step.at)
                    actual = try postgres.checked(id: step.id, fingerprint: print, at: step.at)
                    try memory.insert(id: step.id, fingerprint: print, at: step.at, decision: expected)
                    try postgres.insert(id: step.id, fingerprint: print, at: step.at, decision: actual)
                }
                #expect(actual == expected, "step \(number) (\(step.id))")
                if expected != .unique { duplicates += 1 }
                if number % 100 == 99 { #expect(postgres.indexSize == memory.indexSize, "after step \(number)") }
                if number == 1_000 {
                    let cutoff = step.at.addingTimeInterval(-DedupeFixtures.day)
                    #expect(try postgres.expire(before: cutoff) == (try memory.expire(before: cutoff)))
                }
            }
            #expect(duplicates > 300)
            #expect(postgres.indexSize == memory.indexSize)
        }
    }

    /// The pipeline's group flow: a commit group checked on one snapshot, then its outcomes
    /// indexed in order in one transaction.
    @Test func groupFlowGivesIdenticalDecisions() throws {
        try withPostgresDedupeDatabase(label: "dedupe_group") { database throws in
            var parameters = DedupeParameters()
            parameters.boilerplateLimit = 4
            let configuration = DedupeConfig(windowDays: 2)
            let memory = try DedupeTestBackend.memory.engine(configuration: configuration, parameters: parameters)
            let postgres = try database.engine(configuration: configuration, parameters: parameters)
            let steps = try DedupeBackendEquivalenceTests.stream(count: 700, seed: 29)
            var duplicates = 0
            for start in stride(from: 0, to: steps.count, by: 6) {
                let group = Array(steps[start..<min(start + 6, steps.count)])
                let at = group[0].at
                let texts = group.map { (id: $0.id, fingerprint: memory.fingerprint($0.text)) }
                let expected = try memory.checked(texts, at: at)
                let actual = try postgres.checked(texts, at: at)
                #expect(actual == expected, "group at step \(start)")
                try memory.insert(zip(texts, expected).map { ($0.id, $0.fingerprint, $1) }, at: at)
                try postgres.insert(zip(texts, actual).map { ($0.id, $0.fingerprint, $1) }, at: at)
                duplicates += expected.filter { $0 != .unique }.count
                #expect(postgres.indexSize == memory.indexSize, "after the group at step \(start)")
            }
            #expect(duplicates > 100)
        }
    }
}
