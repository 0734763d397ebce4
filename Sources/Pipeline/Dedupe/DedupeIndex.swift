import Foundation

/// The in-memory near-duplicate index: per-document columns, the sampled-hash LSH table and
/// exact maps by content and by id. A value type without locking; ``DedupeEngine`` guards it.
struct DedupeIndex {
    let parameters: DedupeParameters
    private(set) var documents = DocumentTable()
    private(set) var samples: SampleIndex
    /// Content hash → ordinal of the first indexed text with that normalized text.
    private(set) var byContent: [UInt64: UInt32] = [:]
    /// Hash of the record id → ordinal, so that re-indexing an id replaces it.
    private(set) var byID: [UInt64: UInt32] = [:]
    /// Documents indexed and not replaced (expired ones count until ``removeAll(before:)``).
    private(set) var liveCount = 0

    /// An empty index; `expectedDocuments` sizes the per-document columns (the hash table is
    /// sized by ``load(_:idHash:time:)`` or grows with inserts).
    init(parameters: DedupeParameters, expectedDocuments: Int = 0) {
        self.parameters = parameters
        samples = SampleIndex(expectedEntries: 0, boilerplateLimit: parameters.boilerplateLimit)
        documents.reserve(expectedDocuments)
        byContent.reserveCapacity(expectedDocuments)
        byID.reserveCapacity(expectedDocuments)
    }

    /// Indexes a text under `id` (replacing an earlier text with that id).
    /// `sample` is the ascending bottom-k sample; `shingleCount` the size of the whole set.
    /// With `root`, the text joins the group of that ordinal as a member.
    mutating func add(id: String, idHash: UInt64, time: Int64, contentHash: UInt64,
                      shingleCount: Int, sample: some Collection<UInt32>, root: UInt32? = nil) {
        guard shingleCount > 0 else { return }
        if let previous = byID[idHash] { retire(previous) }
        let limit = shingleCount > sample.count ? (sample.max() ?? .max) : .max
        let ordinal = documents.append(id: id, idHash: idHash, time: time, sampleLimit: limit,
                                       shingleCount: shingleCount, contentHash: contentHash,
                                       root: root.map { documents.roots[Int($0)] })
        documents.setSampleCount(samples.insert(keys: sample, document: ordinal), of: ordinal)
        byID[idHash] = ordinal
        // Keep pointing at the first live text with this content.
        if byContent[contentHash].map({ documents.times[Int($0)] == .min }) ?? true {
            byContent[contentHash] = ordinal
        }
        liveCount += 1
    }

    /// Loads stored entries into an empty index in one pass (see ``SampleIndex/bulkLoad(_:documents:)``).
    /// Entries come oldest first; a repeated id keeps its last entry.
    mutating func load(_ entries: [DedupeEntry], idHash: (String) -> UInt64, time: (Date) -> Int64) {
        precondition(documents.count == 0, "load into an empty index")
        var keys: [UInt64] = []
        keys.reserveCapacity(entries.count * parameters.sampleSize)
        documents.reserve(entries.count)
        var pendingRoots: [(ordinal: UInt32, rootHash: UInt64)] = []
        for entry in entries where entry.shingleCount > 0 {
            let hash = idHash(entry.id)
            if let previous = byID[hash] { retire(previous) }
            let limit = entry.shingleCount > entry.sample.count ? (entry.sample.last ?? .max) : .max
            let ordinal = documents.append(id: entry.id, idHash: hash, time: time(entry.indexedAt),
                                           sampleLimit: limit, shingleCount: entry.shingleCount,
                                           contentHash: entry.contentHash)
            for key in entry.sample { keys.append(UInt64(key) << 32 | UInt64(ordinal + 1)) }
            if let rootID = entry.rootID { pendingRoots.append((ordinal, idHash(rootID))) }
            byID[hash] = ordinal
            if byContent[entry.contentHash] == nil { byContent[entry.contentHash] = ordinal }
            liveCount += 1
        }
        // Members join their group once every text is known (a group's first text may be
        // gone: expired, so the member now leads its group).
        for (ordinal, rootHash) in pendingRoots {
            guard let root = byID[rootHash], documents.times[Int(root)] != .min else { continue }
            let first = documents.roots[Int(root)]
            documents.roots[Int(ordinal)] = first
            documents.members[Int(first)] &+= 1
        }
        let indexed = samples.bulkLoad(keys, documents: documents.count)
        keys = []
        for (ordinal, count) in indexed.enumerated() { documents.setSampleCount(Int(count), of: UInt32(ordinal)) }
    }

    private mutating func retire(_ ordinal: UInt32) {
        documents.times[Int(ordinal)] = .min
        liveCount -= 1
        let content = documents.contentHashes[Int(ordinal)]
        if byContent[content] == ordinal { byContent[content] = nil }
    }

    func id(of ordinal: UInt32) -> String { documents.id(of: ordinal) }

    /// The first text of the group of `ordinal`.
    func root(of ordinal: UInt32) -> UInt32 { documents.roots[Int(ordinal)] }

    /// Texts indexed in the group whose first text is `root`.
    func groupSize(_ root: UInt32) -> Int { Int(documents.members[Int(root)]) }

    /// The live ordinal indexed under an id hash.
    func ordinal(ofID idHash: UInt64) -> UInt32? {
        guard let ordinal = byID[idHash], documents.times[Int(ordinal)] != .min else { return nil }
        return ordinal
    }

    /// Drops every text indexed before `time` (and replaced ones); returns how many expired.
    mutating func removeAll(before time: Int64) -> Int {
        let times = documents.times
        let expired = times.reduce(0) { $0 + ($1 < time && $1 != .min ? 1 : 0) }
        let replaced = times.reduce(0) { $0 + ($1 == .min ? 1 : 0) }
        guard expired + replaced > 0 else { return 0 }
        let map = documents.compact { times[$0] >= time }
        samples.rebuild { old in
            let new = map[Int(old)]
            return new == .max ? nil : new
        }
        byContent = [:]
        byID = [:]
        byContent.reserveCapacity(documents.count)
        byID.reserveCapacity(documents.count)
        for ordinal in 0..<documents.count {
            let content = documents.contentHashes[ordinal]
            if byContent[content] == nil { byContent[content] = UInt32(ordinal) }
            byID[documents.idHashes[ordinal]] = UInt32(ordinal)
        }
        liveCount = documents.count
        return expired
    }

    /// Bytes held by the index (tables, columns and maps).
    var memoryBytes: Int {
        // A Swift dictionary keeps keys and values in separate arrays of 4/3 × capacity
        // buckets (it grows at 3/4 full), plus a bitmap.
        let buckets = (byContent.capacity + byID.capacity) * 4 / 3
        let mapBytes = buckets * (8 + 4) + buckets / 8
        return samples.memoryBytes + documents.memoryBytes + mapBytes
    }
}
