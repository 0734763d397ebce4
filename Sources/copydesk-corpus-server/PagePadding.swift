import Foundation
import LoopbackServer

/// Brings generated article pages to their target size cheaply.
///
/// Real news pages are mostly inline scripts and tracking state around a few KB of article.
/// ``NewsCorpus`` pads each page by generating such JSON item by item, which costs about 2.5 ms
/// of CPU per 125 KB page; at 100,000 pages that is minutes of CPU taken from the crawler being
/// measured on the same two cores. Here the JSON is generated once, and a page's padding is a
/// window into it (starting at an item boundary chosen by the article), so serving a page
/// costs a copy.
struct PagePadding: Sendable {
    private let pool: [UInt8]
    /// Offsets in `pool` where an item starts.
    private let itemStarts: [Int]
    let sizes: ClosedRange<Int>
    let seed: UInt64

    init(sizes: ClosedRange<Int>, seed: UInt64) {
        self.sizes = sizes
        self.seed = seed
        var random = SplitMix(seed: seed ^ 0x5EED_0F_9A_D1)
        let words = ["river", "harbour", "council", "budget", "storm", "market", "bridge", "school", "hospital", "court",
                     "election", "festival", "factory", "railway", "airport", "forest", "museum", "vaccine", "strike", "treaty"]
        var pool: [UInt8] = []
        var starts: [Int] = []
        pool.reserveCapacity(sizes.upperBound * 2 + 64)
        while pool.count < sizes.upperBound * 2 {
            starts.append(pool.count)
            let slug = (0..<4).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: "-")
            pool += Array("{\"id\":\(random.next() % 100_000),\"k\":\"\(slug)-\(random.next() % 10_000)\"},".utf8)
        }
        self.pool = pool
        itemStarts = starts
    }

    /// Appends an inline state script to `html` so that, with the closing tags that follow,
    /// the page reaches the article's target size.
    func pad(_ html: inout [UInt8], outlet: Int, index: Int) {
        var random = SplitMix(seed: seed &+ UInt64(outlet) &* 104_729 &+ UInt64(index) &* 15_485_863)
        let target = sizes.lowerBound + Int(random.next() % UInt64(sizes.count))
        let opening = Array("<script>window.__INITIAL_STATE__={\"items\":[".utf8)
        let ending = Array("{}]};</script>\n".utf8)
        let room = target - html.count - opening.count - ending.count - 16
        guard room > 0 else { return }
        // Start at an item boundary and end at one, so the script stays valid JSON.
        let first = itemStarts[Int(random.next() % UInt64(itemStarts.count / 2))]
        var end = first + room
        if let boundary = Self.itemBoundary(atOrBefore: end, in: itemStarts), boundary > first { end = boundary }
        html += opening
        html += pool[first..<end]
        html += ending
    }

    private static func itemBoundary(atOrBefore offset: Int, in starts: [Int]) -> Int? {
        var low = 0, high = starts.count - 1
        guard high >= 0, starts[0] <= offset else { return nil }
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return starts[low]
    }
}
