import Foundation
import Normalize
import PipelineBenchmarks
import Testing
@testable import Pipeline

/// An ordered input is committed in input order, in groups whose boundaries depend on the
/// input alone, and extraction cannot run more than a window ahead of the writer.
@Suite("Ordered input", .timeLimit(.minutes(1)))
struct InputOrderTests {
    private func page(_ ordinal: Int) -> ExtractedPage {
        let item = QueuedURL(canonicalURL: "https://x.example/\(ordinal)", url: "https://x.example/\(ordinal)", source: "s",
                             entryJSON: nil, nextAttemptAt: Date())
        return ExtractedPage(item: item, finalURL: item.url, fetchedAt: Date(), article: ExtractedArticle(), analysis: nil,
                             inputOrdinal: ordinal)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func groupsAreCutByOrdinalWhateverOrderPagesArriveIn(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var arrival = Array(0..<150)
        for index in arrival.indices.reversed() {
            arrival.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        var buffer = InputOrderBuffer(groupSize: 64)
        var groups: [[Int]] = []
        for ordinal in arrival {
            buffer.add(page(ordinal))
            while let group = buffer.takeGroup(inputEnded: false) { groups.append(group.compactMap(\.inputOrdinal)) }
        }
        while let group = buffer.takeGroup(inputEnded: true) { groups.append(group.compactMap(\.inputOrdinal)) }
        #expect(groups == [Array(0..<64), Array(64..<128), Array(128..<150)])
    }

    @Test func aGroupWaitsForItsSlowestPage() {
        var buffer = InputOrderBuffer(groupSize: 4)
        for ordinal in [1, 2, 3, 4, 5] { buffer.add(page(ordinal)) }
        #expect(buffer.takeGroup(inputEnded: false) == nil)
        buffer.add(page(0))
        #expect(buffer.takeGroup(inputEnded: false)?.compactMap(\.inputOrdinal) == [0, 1, 2, 3])
        #expect(buffer.takeGroup(inputEnded: false) == nil)
        #expect(buffer.takeGroup(inputEnded: true)?.compactMap(\.inputOrdinal) == [4, 5])
    }

    @Test func admissionWaitsUntilTheWriterCommitsFarEnough() async {
        let window = InputOrderWindow(size: 2)
        await window.admit(0)
        await window.admit(1)
        async let late: Void = window.admit(5)
        while window.waitingCount == 0 { await Task.yield() }
        window.committed(through: 2)  // limit 4: still waiting
        #expect(window.waitingCount == 1)
        window.committed(through: 3)  // limit 5
        await late
        #expect(window.waitingCount == 0)
    }
}
