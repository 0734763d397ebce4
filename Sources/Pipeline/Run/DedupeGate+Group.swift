extension DedupeGate {
    /// ``similarity(_:_:)`` between a text and one written earlier in the same commit group,
    /// from its fingerprint rather than its stored signature: the writer compares each text of
    /// a group with every earlier unique one (the index does not hold them yet), so this runs
    /// up to ~2,000 times a group and must not decode a signature each time.
    func similarity(_ fingerprint: DedupeFingerprint, toEarlier earlier: DedupeFingerprint) -> Double? {
        let sampleCount = min(engine.parameters.sampleSize, earlier.shingleCount)
        return earlier.hashes.withUnsafeBufferPointer { hashes in
            similarity(fingerprint, sample: UnsafeBufferPointer(rebasing: hashes[0..<sampleCount]),
                       shingleCount: earlier.shingleCount)
        }
    }

    /// The measure behind both: containment of the shorter text in the longer on the hash range
    /// the other text's bottom-k `sample` covers (Jaccard for very short texts), counted by one
    /// merge of two sorted runs; nil when nothing can be compared.
    func similarity(_ fingerprint: DedupeFingerprint, sample: UnsafeBufferPointer<UInt32>, shingleCount: Int) -> Double? {
        guard let last = sample.last else { return nil }
        let limit = shingleCount > sample.count ? last : UInt32.max
        let queryInRange = fingerprint.count(upTo: limit)
        let common = fingerprint.hashes.withUnsafeBufferPointer { query in
            Self.sharedCount(sample, UnsafeBufferPointer(rebasing: query[0..<queryInRange]))
        }
        let compared = min(sample.count, queryInRange)
        guard compared > 0 else { return nil }
        let shortest = min(shingleCount, fingerprint.shingleCount)
        return shortest >= engine.parameters.minimumShinglesForContainment
            ? Double(min(common, compared)) / Double(compared)
            : Double(common) / Double(sample.count + queryInRange - common)
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
