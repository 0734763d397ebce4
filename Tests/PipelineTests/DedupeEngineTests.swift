import Foundation
import Testing
@testable import Pipeline

@Suite("Dedupe engine", .timeLimit(.minutes(1)))
struct DedupeEngineTests {
    private let start = DedupeFixtures.start
    private let day = DedupeFixtures.day

    private func engine(_ backend: DedupeTestBackend, threshold: Double = DedupeConfig().threshold,
                        windowDays: Int = 7) throws -> DedupeEngine {
        try backend.engine(configuration: DedupeConfig(threshold: threshold, windowDays: windowDays), now: start)
    }

    @Test(arguments: DedupeTestBackend.allCases) func distinctReportsOfOneEventAreAllKept(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        for (name, text) in zip(DedupeFixtures.reportNames, try DedupeFixtures.reports()) {
            #expect(try engine.checkAndInsert(id: name, text: text, at: start) == .unique, "\(name)")
        }
        #expect(engine.indexSize == 5)
    }

    @Test(arguments: DedupeTestBackend.allCases) func trimmedReprintIsFlagged(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let reports = try DedupeFixtures.reports()
        for (name, text) in zip(DedupeFixtures.reportNames, reports) {
            try engine.insert(id: name, text: text, at: start)
        }
        let reprint = DedupeFixtures.trimmedReprint(reports[0], share: 0.6)
        let decision = engine.check(id: "reprint", text: reprint, at: start.addingTimeInterval(3600))
        #expect(decision.duplicateOf == "report-1-harbour-gazette")
        #expect(decision.similarity >= 0.8)
    }

    @Test(arguments: DedupeTestBackend.allCases) func originalArrivingAfterItsTrimmedReprintIsFlagged(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = try DedupeFixtures.report("report-2-coastal-wire")
        let reprint = DedupeFixtures.trimmedReprint(original, share: 0.6)
        #expect(try engine.checkAndInsert(id: "reprint", text: reprint, at: start) == .unique)
        let decision = try engine.checkAndInsert(id: "original", text: original, at: start)
        #expect(decision.duplicateOf == "reprint")
    }

    @Test(arguments: DedupeTestBackend.allCases) func lightlyEditedReprintIsFlagged(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = try DedupeFixtures.report("report-3-evening-standard")
        try engine.insert(id: "original", text: original, at: start)
        var paragraphs = DedupeFixtures.paragraphs(original)
        paragraphs.remove(at: 3)
        paragraphs[1] = paragraphs[1].replacingOccurrences(of: "one of the most", with: "reportedly one of the most")
        paragraphs.insert("Related: Harbour fire latest", at: 2)
        let decision = engine.check(id: "edited", text: paragraphs.joined(separator: "\n"), at: start)
        #expect(decision.duplicateOf == "original")
    }

    @Test(arguments: DedupeTestBackend.allCases) func exactDuplicateFromAnotherURLIsFlaggedWithFullSimilarity(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let text = try DedupeFixtures.report("report-4-business-daily")
        try engine.insert(id: "first", text: text, at: start)
        let cosmetic = text.uppercased().replacingOccurrences(of: "'", with: "’")
        #expect(engine.check(id: "second", text: cosmetic, at: start) == .duplicate(of: "first", similarity: 1))
    }

    @Test(arguments: DedupeTestBackend.allCases) func shortExactDuplicateIsFlagged(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        try engine.insert(id: "brief", text: "Roads closed near the quay.", at: start)
        #expect(engine.check(id: "again", text: "ROADS closed near the quay!", at: start).duplicateOf == "brief")
    }

    @Test(arguments: DedupeTestBackend.allCases) func aTextIsNotItsOwnDuplicate(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let text = try DedupeFixtures.report("report-5-radio-news")
        try engine.insert(id: "same", text: text, at: start)
        #expect(engine.check(id: "same", text: text, at: start) == .unique)
        #expect(engine.check(id: "other", text: text, at: start).duplicateOf == "same")
    }

    @Test(arguments: DedupeTestBackend.allCases) func reinsertingAnIDReplacesItsText(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let reports = try DedupeFixtures.reports()
        try engine.insert(id: "story", text: reports[0], at: start)
        try engine.insert(id: "story", text: reports[1], at: start)
        #expect(engine.indexSize == 1)
        #expect(engine.check(id: "x", text: reports[0], at: start) == .unique)
        #expect(engine.check(id: "x", text: reports[1], at: start).duplicateOf == "story")
    }

    @Test(arguments: DedupeTestBackend.allCases) func expiredEntryIsNoLongerMatched(backend: DedupeTestBackend) throws {
        let engine = try engine(backend, windowDays: 7)
        let text = try DedupeFixtures.report("report-1-harbour-gazette")
        try engine.insert(id: "old", text: text, at: start)
        // Inside the window it matches; past it, it does not, even before expiry runs.
        #expect(engine.check(id: "new", text: text, at: start.addingTimeInterval(6 * day)).duplicateOf == "old")
        #expect(engine.check(id: "new", text: text, at: start.addingTimeInterval(8 * day)) == .unique)
        #expect(try engine.expire(before: start.addingTimeInterval(1)) == 1)
        #expect(engine.indexSize == 0)
        #expect(engine.check(id: "new", text: text, at: start) == .unique)
    }

    @Test(arguments: DedupeTestBackend.allCases) func insertingExpiresOldEntriesOnceADay(backend: DedupeTestBackend) throws {
        let engine = try engine(backend, windowDays: 2)
        let reports = try DedupeFixtures.reports()
        try engine.insert(id: "a", text: reports[0], at: start)
        try engine.insert(id: "b", text: reports[1], at: start.addingTimeInterval(3 * day))
        #expect(engine.indexSize == 1)
    }

    @Test(arguments: DedupeTestBackend.allCases) func thresholdIsRespected(backend: DedupeTestBackend) throws {
        let strict = try engine(backend, threshold: 0.99)
        let loose = try engine(backend, threshold: 0.3)
        let original = try DedupeFixtures.report("report-1-harbour-gazette")
        let reprint = DedupeFixtures.trimmedReprint(original, share: 0.6)
            .replacingOccurrences(of: "fought the blaze", with: "fought the huge blaze")
        for engine in [strict, loose] { try engine.insert(id: "original", text: original, at: start) }
        #expect(strict.check(id: "reprint", text: reprint, at: start) == .unique)
        #expect(loose.check(id: "reprint", text: reprint, at: start).duplicateOf == "original")
    }

    @Test(arguments: DedupeTestBackend.allCases) func duplicatesAreNotIndexedAndPointAtTheFirstRecord(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = try DedupeFixtures.report("report-2-coastal-wire")
        #expect(try engine.checkAndInsert(id: "first", text: original, at: start) == .unique)
        let copy = DedupeFixtures.trimmedReprint(original, share: 0.8)
        #expect(try engine.checkAndInsert(id: "second", text: copy, at: start).duplicateOf == "first")
        #expect(try engine.checkAndInsert(id: "third", text: copy, at: start).duplicateOf == "first")
        #expect(engine.indexSize == 1)
    }

    @Test(arguments: DedupeTestBackend.allCases) func aLongerVersionJoinsTheGroupOfItsTrimmedReprint(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = try DedupeFixtures.report("report-1-harbour-gazette")
        let paragraphs = DedupeFixtures.paragraphs(original)
        let head = DedupeFixtures.trimmedReprint(original, share: 0.4)
        let tail = paragraphs.suffix(4).joined(separator: "\n")
        #expect(try engine.checkAndInsert(id: "head", text: head, at: start) == .unique)
        // The full text repeats the head and brings the rest: it is indexed as a member.
        #expect(try engine.checkAndInsert(id: "full", text: original, at: start).duplicateOf == "head")
        #expect(engine.indexSize == 2)
        // A reprint of the ending shares nothing with the head, but matches the full text;
        // it is reported against the group's first record.
        #expect(engine.check(id: "tail", text: tail, at: start).duplicateOf == "head")
    }

    @Test(arguments: DedupeTestBackend.allCases) func theSplitCheckThenInsertFlowIndexesMembersToo(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = try DedupeFixtures.report("report-2-coastal-wire")
        let head = DedupeFixtures.trimmedReprint(original, share: 0.4)
        let headPrint = engine.fingerprint(head)
        let headDecision = engine.check(id: "head", fingerprint: headPrint, at: start)
        try engine.insert(id: "head", fingerprint: headPrint, at: start, decision: headDecision)
        let fullPrint = engine.fingerprint(original)
        let fullDecision = engine.check(id: "full", fingerprint: fullPrint, at: start)
        #expect(fullDecision.duplicateOf == "head")
        try engine.insert(id: "full", fingerprint: fullPrint, at: start, decision: fullDecision)
        #expect(engine.indexSize == 2)
        // A plain copy of the head adds nothing and is not indexed.
        let copyPrint = engine.fingerprint(head + "\nAdvertisement")
        let copyDecision = engine.check(id: "copy", fingerprint: copyPrint, at: start)
        try engine.insert(id: "copy", fingerprint: copyPrint, at: start, decision: copyDecision)
        #expect(engine.indexSize == 2)
    }

    @Test(arguments: DedupeTestBackend.allCases) func emptyTextIsUniqueAndNotIndexed(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        #expect(try engine.checkAndInsert(id: "blank", text: " \n — ", at: start) == .unique)
        #expect(try engine.checkAndInsert(id: "blank2", text: "", at: start) == .unique)
        #expect(engine.indexSize == 0)
    }

    @Test(arguments: DedupeTestBackend.allCases) func japaneseReprintIsFlaggedAndUnrelatedJapaneseIsNot(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let original = """
            港の古い穀物倉庫で火災が発生し、消防隊が九時間にわたって消火活動を行いました。
            けが人は二人で、いずれも煙を吸って病院に運ばれましたが、命に別状はないということです。
            市長は「町の歴史の一部を失った」と述べ、原因の調査に協力する考えを示しました。
            倉庫は三年前から使われておらず、住宅と市場に改装する計画が検討されていました。
            """
        try engine.insert(id: "jp", text: original, at: start)
        let trimmed = "【速報】" + DedupeFixtures.paragraphs(original).prefix(3).joined(separator: "\n")
        #expect(engine.check(id: "jp-trim", text: trimmed, at: start).duplicateOf == "jp")
        let other = """
            新しい図書館が駅前に開館し、初日から多くの家族連れでにぎわいました。
            館内には子ども向けの読書室やカフェが設けられ、夜九時まで利用できます。
            """
        #expect(engine.check(id: "jp-other", text: other, at: start) == .unique)
    }

    @Test(arguments: DedupeTestBackend.allCases) func shortTextsAreComparedByJaccardNotContainment(backend: DedupeTestBackend) throws {
        let engine = try engine(backend)
        let article = try DedupeFixtures.report("report-1-harbour-gazette")
        try engine.insert(id: "article", text: article, at: start)
        // A two-sentence snippet lifted from the article is not a reprint of it.
        let snippet = "Police said it was too early to say how the fire started."
        #expect(engine.check(id: "snippet", text: snippet, at: start) == .unique)
    }
}
