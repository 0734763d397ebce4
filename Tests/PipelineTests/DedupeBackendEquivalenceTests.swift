import Foundation
import PipelineBenchmarks
import Testing
@testable import Pipeline

/// The database index must decide exactly as the in-memory one: same duplicates, same
/// `duplicate_of`, same similarity, same texts indexed — on a stream with wire reprints
/// (trimmed, credited, edited, with page junk), distinct reports, exact copies, short
/// snippets, re-used ids (revisions), a window that slides and expiry.
@Suite("Dedupe backends decide alike", .timeLimit(.minutes(2)))
struct DedupeBackendEquivalenceTests {
    /// One step of the generated stream (shared with the PostgreSQL suite).
    struct Step {
        var id: String
        var text: String
        var at: Date
    }

    static func stream(count: Int, seed: UInt64) throws -> [Step] {
        var corpus = SyntheticCorpus(seed: seed)
        corpus.reprintShare = 0.35
        var steps: [Step] = []
        var texts: [String] = try DedupeFixtures.reports()
        var ids: [String] = []
        for number in 0..<count {
            // Six minutes apart: the stream spans several days, so the two-day window
            // slides and the daily expiry runs.
            let at = DedupeFixtures.start.addingTimeInterval(Double(number) * 360)
            var id = "doc-\(number)"
            let text: String
            switch number % 53 {
            case 7: text = texts[number % 5]                              // seed reports, again and again
            case 19: text = texts[texts.count - 3]                        // an exact copy under a new id
            case 23: text = String(texts[texts.count - 2].prefix(90))     // a short snippet
            case 31 where !ids.isEmpty:                                   // a revision: an id re-used
                id = ids[ids.count - 4 < 0 ? 0 : ids.count - 4]
                text = corpus.next().text
            case 43: text = DedupeFixtures.trimmedReprint(texts[texts.count - 6], share: 0.5)
            default: text = corpus.next().text
            }
            texts.append(text)
            ids.append(id)
            steps.append(Step(id: id, text: text, at: at))
        }
        return steps
    }

    @Test(arguments: [16, 4], [DedupeTestBackend.database, .databaseTail])
    func databaseAndMemoryGiveIdenticalDecisions(boilerplateLimit: Int, backend: DedupeTestBackend) throws {
        var parameters = DedupeParameters()
        parameters.boilerplateLimit = boilerplateLimit
        let configuration = DedupeConfig(windowDays: 2)
        let memory = try DedupeTestBackend.memory.engine(configuration: configuration, parameters: parameters)
        let database = try backend.engine(configuration: configuration, parameters: parameters)
        var duplicates = 0
        for (number, step) in try Self.stream(count: 1_500, seed: UInt64(boilerplateLimit)).enumerated() {
            let print = memory.fingerprint(step.text)
            let expected: DedupeDecision
            let actual: DedupeDecision
            if number % 2 == 0 {
                expected = try memory.checkAndInsert(id: step.id, fingerprint: print, at: step.at)
                actual = try database.checkAndInsert(id: step.id, fingerprint: print, at: step.at)
            } else {
                // The pipeline's split flow: check, record, then insert with the decision.
                expected = memory.check(id: step.id, fingerprint: print, at: step.at)
                actual = try database.checked(id: step.id, fingerprint: print, at: step.at)
                try memory.insert(id: step.id, fingerprint: print, at: step.at, decision: expected)
                try database.insert(id: step.id, fingerprint: print, at: step.at, decision: actual)
            }
            #expect(actual == expected, "step \(number) (\(step.id))")
            if expected != .unique { duplicates += 1 }
            if number % 100 == 99 { #expect(database.indexSize == memory.indexSize, "after step \(number)") }
            if number == 1_000 {
                let cutoff = step.at.addingTimeInterval(-DedupeFixtures.day)
                #expect(try database.expire(before: cutoff) == (try memory.expire(before: cutoff)))
            }
        }
        // The stream exercised both outcomes in earnest.
        #expect(duplicates > 300)
        #expect(database.indexSize == memory.indexSize)
    }

    /// The pipeline's group flow: a commit group checked on one view of the index, then its
    /// outcomes indexed in order in one transaction. The database's inserts reuse the rows its
    /// checks read (``SQLPostingCache``); a tail of 3 texts writes postings (and so changes the
    /// table under the cache) every few texts.
    @Test(arguments: [DedupeTestBackend.database, .databaseTail])
    func groupFlowGivesIdenticalDecisions(backend: DedupeTestBackend) throws {
        var parameters = DedupeParameters()
        parameters.boilerplateLimit = 4
        let configuration = DedupeConfig(windowDays: 2)
        let memory = try DedupeTestBackend.memory.engine(configuration: configuration, parameters: parameters)
        let database = try backend.engine(configuration: configuration, parameters: parameters)
        let steps = try Self.stream(count: 700, seed: 29)
        var duplicates = 0
        for start in stride(from: 0, to: steps.count, by: 6) {
            let group = Array(steps[start..<min(start + 6, steps.count)])
            let at = group[0].at
            let texts = group.map { (id: $0.id, fingerprint: memory.fingerprint($0.text)) }
            let expected = try memory.checked(texts, at: at)
            let actual = try database.checked(texts, at: at)
            #expect(actual == expected, "group at step \(start)")
            try memory.insert(zip(texts, expected).map { ($0.id, $0.fingerprint, $1) }, at: at)
            try database.insert(zip(texts, actual).map { ($0.id, $0.fingerprint, $1) }, at: at)
            duplicates += expected.filter { $0 != .unique }.count
            #expect(database.indexSize == memory.indexSize, "after the group at step \(start)")
        }
        #expect(duplicates > 100)
    }
}
