extension DedupeGate {
    /// ``similarity(_:_:)`` between a text and one written earlier in the same commit group,
    /// from its fingerprint rather than its stored signature: the writer compares each text of
    /// a group with every earlier unique one (the index does not hold them yet), so this runs
    /// up to ~2,000 times a group and must not decode a signature each time. The same value as
    /// `similarity(fingerprint, signature(earlier))`, counted by one merge of two sorted runs
    /// instead of a binary search per sampled hash.
    func similarity(_ fingerprint: DedupeFingerprint, toEarlier earlier: DedupeFingerprint) -> Double? {
        let size = engine.parameters.sampleSize
        let sampleCount = min(size, earlier.shingleCount)
        guard sampleCount > 0 else { return nil }
        let limit = earlier.sampleLimit(size: size)
        let queryInRange = fingerprint.count(upTo: limit)
        let common = earlier.hashes.withUnsafeBufferPointer { sample in
            fingerprint.hashes.withUnsafeBufferPointer { query in
                Self.sharedCount(UnsafeBufferPointer(rebasing: sample[0..<sampleCount]),
                                 UnsafeBufferPointer(rebasing: query[0..<queryInRange]))
            }
        }
        let compared = min(sampleCount, queryInRange)
        guard compared > 0 else { return nil }
        let shortest = min(earlier.shingleCount, fingerprint.shingleCount)
        return shortest >= engine.parameters.minimumShinglesForContainment
            ? Double(min(common, compared)) / Double(compared)
            : Double(common) / Double(sampleCount + queryInRange - common)
    }

    /// Values present in both ascending runs of distinct values.
    static func sharedCount(_ left: UnsafeBufferPointer<UInt32>, _ right: UnsafeBufferPointer<UInt32>) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < left.count, j < right.count {
            let a = left[i]
            let b = right[j]
            if a == b { shared += 1 }
            if a <= b { i += 1 }
            if b <= a { j += 1 }
        }
        return shared
    }
}
