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

    /// ``similarity(_:toEarlier:)`` when it is at least `threshold`, nil otherwise. The same
    /// value, but the merge of the two runs stops as soon as the hashes left cannot lift the
    /// count to the threshold: most pairs of a group share next to nothing.
    func similarity(_ fingerprint: DedupeFingerprint, toEarlier earlier: DedupeFingerprint, atLeast threshold: Double) -> Double? {
        let sampleCount = min(engine.parameters.sampleSize, earlier.shingleCount)
        guard sampleCount > 0 else { return nil }
        let shingleCount = earlier.shingleCount
        let limit = shingleCount > sampleCount ? earlier.hashes[sampleCount - 1] : UInt32.max
        let queryInRange = fingerprint.count(upTo: limit)
        let compared = min(sampleCount, queryInRange)
        guard compared > 0 else { return nil }
        let containment = min(shingleCount, fingerprint.shingleCount) >= engine.parameters.minimumShinglesForContainment
        // The measure of `common` shared hashes, exactly as ``similarity(_:sample:shingleCount:)`` computes it.
        func measure(_ common: Int) -> Double {
            containment ? Double(min(common, compared)) / Double(compared)
                : Double(common) / Double(sampleCount + queryInRange - common)
        }
        // The fewest shared hashes that reach the threshold (the measure grows with the count).
        let most = min(sampleCount, queryInRange)
        guard measure(most) >= threshold else { return nil }
        var low = 0
        var high = most
        while low < high {
            let middle = (low + high) / 2
            if measure(middle) >= threshold { high = middle } else { low = middle + 1 }
        }
        let common = earlier.hashes.withUnsafeBufferPointer { sample in
            fingerprint.hashes.withUnsafeBufferPointer { query in
                Self.sharedCount(UnsafeBufferPointer(rebasing: sample[0..<sampleCount]),
                                 UnsafeBufferPointer(rebasing: query[0..<queryInRange]), needed: low)
            }
        }
        guard let common else { return nil }
        let similarity = measure(common)
        return similarity >= threshold ? similarity : nil
    }

    /// ``sharedCount(_:_:)``, or nil as soon as fewer than `needed` values can be shared.
    static func sharedCount(_ left: UnsafeBufferPointer<UInt32>, _ right: UnsafeBufferPointer<UInt32>, needed: Int) -> Int? {
        var i = 0
        var j = 0
        var shared = 0
        while i < left.count, j < right.count {
            if shared + min(left.count - i, right.count - j) < needed { return nil }
            let a = left[i]
            let b = right[j]
            if a == b { shared += 1 }
            if a <= b { i += 1 }
            if b <= a { j += 1 }
        }
        return shared >= needed ? shared : nil
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
