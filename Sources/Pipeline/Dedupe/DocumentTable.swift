/// Per-document columns of the in-memory index, addressed by ordinal (insertion order).
///
/// Columns rather than an array of structs: no per-document allocation, and ids share one
/// byte arena, which keeps an indexed document within its memory budget.
struct DocumentTable {
    private(set) var idBytes: [UInt8] = []
    /// End offset of each id in `idBytes`.
    private(set) var idEnds: [UInt32] = []
    /// Indexing time, whole seconds since 1970; `Int64.min` once replaced.
    var times: [Int64] = []
    /// Largest hash the sample covers (`UInt32.max`: the whole text).
    private(set) var sampleLimits: [UInt32] = []
    /// Sampled hashes actually indexed (boilerplate left out).
    private(set) var sampleCounts: [UInt16] = []
    private(set) var shingleCounts: [UInt32] = []
    private(set) var contentHashes: [UInt64] = []
    private(set) var idHashes: [UInt64] = []
    /// Ordinal of the first text of the document's group (itself for a group's first).
    var roots: [UInt32] = []
    /// Texts indexed in the group of each root (meaningful on roots only).
    var members: [UInt8] = []

    var count: Int { idEnds.count }

    mutating func reserve(_ capacity: Int) {
        idEnds.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        sampleLimits.reserveCapacity(capacity)
        sampleCounts.reserveCapacity(capacity)
        shingleCounts.reserveCapacity(capacity)
        contentHashes.reserveCapacity(capacity)
        idHashes.reserveCapacity(capacity)
        roots.reserveCapacity(capacity)
        members.reserveCapacity(capacity)
    }

    mutating func append(id: String, idHash: UInt64, time: Int64, sampleLimit: UInt32,
                         shingleCount: Int, contentHash: UInt64, root: UInt32? = nil) -> UInt32 {
        let ordinal = UInt32(count)
        roots.append(root ?? ordinal)
        members.append(1)
        if let root { members[Int(root)] &+= 1 }
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(UInt32(idBytes.count))
        times.append(time)
        sampleLimits.append(sampleLimit)
        sampleCounts.append(0)
        shingleCounts.append(UInt32(clamping: shingleCount))
        contentHashes.append(contentHash)
        idHashes.append(idHash)
        return ordinal
    }

    mutating func setSampleCount(_ value: Int, of ordinal: UInt32) {
        sampleCounts[Int(ordinal)] = UInt16(clamping: value)
    }

    func id(of ordinal: UInt32) -> String {
        let index = Int(ordinal)
        let start = index == 0 ? 0 : Int(idEnds[index - 1])
        return String(decoding: idBytes[start..<Int(idEnds[index])], as: UTF8.self)
    }

    /// Keeps the documents `keep` accepts; returns the old-to-new ordinal map. A document
    /// whose group's first text is dropped becomes the first of its group.
    mutating func compact(keep: (Int) -> Bool) -> [UInt32] {
        var map = [UInt32](repeating: .max, count: count)
        var next = DocumentTable()
        next.reserve(count)
        for index in 0..<count where keep(index) {
            let root = map[Int(roots[index])]
            map[index] = next.append(
                id: id(of: UInt32(index)), idHash: idHashes[index], time: times[index],
                sampleLimit: sampleLimits[index], shingleCount: Int(shingleCounts[index]),
                contentHash: contentHashes[index], root: root == .max ? nil : root)
            next.sampleCounts[Int(map[index])] = sampleCounts[index]
        }
        self = next
        return map
    }

    /// Bytes held by the columns.
    var memoryBytes: Int {
        idBytes.capacity + idEnds.capacity * 4 + times.capacity * 8 + sampleLimits.capacity * 4
            + sampleCounts.capacity * 2 + shingleCounts.capacity * 4 + contentHashes.capacity * 8
            + idHashes.capacity * 8 + roots.capacity * 4 + members.capacity
    }
}
