import Foundation
@testable import Pipeline
import Testing

@Suite("Dedupe gate within a commit group")
struct DedupeGateGroupTests {
    static let words = ("council harbour ferry market school hospital police budget minister election vote storm "
        + "flood road bridge rail station strike wages prices energy farmers fishing tourism museum festival "
        + "concert theatre football rugby cricket rowing coach season league final winter summer").split(separator: " ")

    static func text(words count: Int, seed: UInt64) -> String {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return String(words[Int(state >> 33) % words.count])
        }.joined(separator: " ")
    }

    @Test func fingerprintSimilarityEqualsTheStoredSignatureMeasure() throws {
        let gate = DedupeGate(engine: try DedupeEngine())
        let story = Self.text(words: 600, seed: 1)
        let storyWords = story.split(separator: " ")
        let texts = [
            story,
            storyWords.prefix(360).joined(separator: " "),                       // trimmed reprint
            "LONDON (Reuters) - " + story + " Share this article",               // credited, with junk
            storyWords.enumerated().map { $0.offset % 25 == 0 ? "edited" : String($0.element) }.joined(separator: " "),
            Self.text(words: 600, seed: 2),                                       // another story
            Self.text(words: 9, seed: 3),                                         // a snippet: Jaccard
            Self.text(words: 4_000, seed: 4),                                     // much longer
            storyWords.prefix(12).joined(separator: " "),
        ]
        let fingerprints = texts.map(gate.fingerprint)
        var compared = 0
        for query in fingerprints {
            for earlier in fingerprints {
                let expected = gate.similarity(query, gate.signature(earlier))
                #expect(gate.similarity(query, toEarlier: earlier) == expected)
                if expected != nil { compared += 1 }
            }
        }
        #expect(compared > 50)
        // And the measure still tells a reprint from another story.
        #expect(try #require(gate.similarity(fingerprints[1], toEarlier: fingerprints[0])) > 0.9)
        #expect(try #require(gate.similarity(fingerprints[4], toEarlier: fingerprints[0])) < 0.4)
    }

    /// The thresholded form gives the full measure's value whenever it reaches the threshold
    /// and nil otherwise, for every pair and threshold (containment and Jaccard alike).
    @Test func thresholdedSimilarityIsTheMeasureWhenItReachesTheThreshold() throws {
        let gate = DedupeGate(engine: try DedupeEngine())
        let story = Self.text(words: 600, seed: 1)
        let storyWords = story.split(separator: " ")
        let texts = [
            story,
            storyWords.prefix(360).joined(separator: " "),
            storyWords.enumerated().map { $0.offset % 25 == 0 ? "edited" : String($0.element) }.joined(separator: " "),
            storyWords.enumerated().map { $0.offset % 4 == 0 ? "edited" : String($0.element) }.joined(separator: " "),
            Self.text(words: 600, seed: 2),
            Self.text(words: 9, seed: 3),
            Self.text(words: 4_000, seed: 4),
            storyWords.prefix(12).joined(separator: " "),
            storyWords.prefix(10).joined(separator: " ") + " flood",
        ]
        let fingerprints = texts.map(gate.fingerprint)
        var reached = 0
        var missed = 0
        for threshold in [0.0, 0.3, 0.5, 0.8, 0.85, 0.9, 1.0] {
            for query in fingerprints {
                for earlier in fingerprints {
                    let full = gate.similarity(query, toEarlier: earlier)
                    let expected = full.flatMap { $0 >= threshold ? $0 : nil }
                    #expect(gate.similarity(query, toEarlier: earlier, atLeast: threshold) == expected)
                    if expected == nil { missed += 1 } else { reached += 1 }
                }
            }
        }
        #expect(reached > 50 && missed > 50)
    }

    @Test func sharedCountGivesUpWhenTooFewCanBeShared() {
        let left: [UInt32] = [1, 3, 5, 7, 9, 11]
        let right: [UInt32] = [0, 3, 4, 5, 11, 12]
        func shared(needed: Int) -> Int? {
            left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { DedupeGate.sharedCount(l, $0, needed: needed) } }
        }
        #expect(shared(needed: 0) == 3)
        #expect(shared(needed: 3) == 3)
        #expect(shared(needed: 4) == nil)
        #expect(shared(needed: 7) == nil)
    }

    @Test func sharedCountCountsCommonValuesOfTwoSortedRuns() {
        let left: [UInt32] = [1, 3, 5, 7, 9, 11]
        let right: [UInt32] = [0, 3, 4, 5, 11, 12]
        let shared = left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { DedupeGate.sharedCount(l, $0) } }
        #expect(shared == 3)
        let none = left.withUnsafeBufferPointer { l in [UInt32]().withUnsafeBufferPointer { DedupeGate.sharedCount(l, $0) } }
        #expect(none == 0)
    }
}
