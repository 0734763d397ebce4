import Foundation
@testable import Pipeline
import Testing

/// The writer checks and records a whole commit group at once; that must decide exactly as
/// checking and recording its texts one by one.
@Suite("Dedupe engine, a group at a time")
struct DedupeBatchTests {
    @Test(arguments: DedupeTestBackend.allCases) func aGroupDecidesAsItsTextsOneByOne(backend: DedupeTestBackend) throws {
        let reports = try DedupeFixtures.reports()
        let reprints = reports.map { DedupeFixtures.trimmedReprint($0, share: 0.6) }
        let at = DedupeFixtures.start
        let one = try backend.engine()
        let batched = try backend.engine()
        // A first group of the full reports, then a group of reprints plus two reports again.
        let groups = [Array(reports.enumerated()).map { ("r\($0.offset)", $0.element) },
                      Array(reprints.enumerated()).map { ("p\($0.offset)", $0.element) } + [("again0", reports[0]), ("again1", reports[1])]]
        for group in groups {
            let texts = group.map { (id: $0.0, fingerprint: one.fingerprint($0.1)) }
            let singly = try texts.map { try one.checked(id: $0.id, fingerprint: $0.fingerprint, at: at) }
            let together = try batched.checked(texts, at: at)
            #expect(together == singly)
            for (text, decision) in zip(texts, singly) {
                try one.insert(id: text.id, fingerprint: text.fingerprint, at: at, decision: decision)
            }
            try batched.insert(zip(texts, together).map { ($0.id, $0.fingerprint, $1) }, at: at)
            #expect(batched.indexSize == one.indexSize)
        }
        // The reprints and the repeated reports were all found, and the reports kept apart.
        let last = try batched.checked(reprints.enumerated().map { (id: "q\($0.offset)", fingerprint: batched.fingerprint($0.element)) }, at: at)
        #expect(last.allSatisfy { $0 != .unique })
        #expect(try batched.checked([], at: at).isEmpty)
    }
}
