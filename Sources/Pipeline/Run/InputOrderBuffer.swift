/// Puts extracted pages of an ordered input (pages numbered 0, 1, 2, … by their producer)
/// back in input order and cuts them into commit groups whose boundaries depend on the input
/// alone: ordinals `[k·size, (k+1)·size)`, the last group ending with the input. Decisions
/// made group by group (duplicates, revisions, sequence numbers) are then the same on every
/// run, whatever order the pages finished extraction in.
struct InputOrderBuffer {
    let groupSize: Int
    private var waiting: [Int: ExtractedPage] = [:]
    private(set) var next = 0

    init(groupSize: Int) {
        self.groupSize = max(1, groupSize)
    }

    var count: Int { waiting.count }

    mutating func add(_ page: ExtractedPage) {
        guard let ordinal = page.inputOrdinal, ordinal >= next else { return }
        waiting[ordinal] = page
    }

    /// The next whole group, if all of it has arrived; with `inputEnded`, also the last,
    /// shorter one.
    mutating func takeGroup(inputEnded: Bool) -> [ExtractedPage]? {
        let end = (next / groupSize + 1) * groupSize
        var group: [ExtractedPage] = []
        var ordinal = next
        while ordinal < end, let page = waiting[ordinal] {
            group.append(page)
            ordinal += 1
        }
        if group.isEmpty || (ordinal < end && !(inputEnded && waiting.count == group.count)) {
            // At the end of the input nothing more arrives: a gap (never expected: every page
            // sent to extraction comes back) must not strand what waits behind it.
            guard inputEnded, !waiting.isEmpty else { return nil }
            let rest = waiting.keys.sorted().prefix(groupSize)
            group = rest.compactMap { waiting.removeValue(forKey: $0) }
            next = (rest.last ?? next) + 1
            return group
        }
        for taken in next..<ordinal { waiting[taken] = nil }
        next = ordinal
        return group
    }
}
