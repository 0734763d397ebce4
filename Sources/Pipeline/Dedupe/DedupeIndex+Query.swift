/// The best indexed match of a text.
struct DedupeMatch: Equatable {
    /// The indexed text matched (a member of its group, maybe not the first).
    var ordinal: UInt32
    var similarity: Double
    /// Share of the query's own shingles found in the matched text: low when the query
    /// brings material the indexed text lacks (it is the longer one, or diverges).
    var coverage: Double
}

extension DedupeIndex {
    /// The indexed text most similar to `fingerprint`, among texts indexed at or after
    /// `notBefore` and with another id than `excludedID`.
    ///
    /// Identical normalized text is found by content hash. Otherwise the query's smallest
    /// hashes are looked up (LSH), and each candidate sharing enough of them is scored by
    /// ``DedupeQuery/score(hits:candidate:probe:)``, the verification both backends share.
    func bestMatch(for fingerprint: DedupeFingerprint, excludedID: UInt64, notBefore: Int64) -> DedupeMatch? {
        guard !fingerprint.hashes.isEmpty else { return nil }
        if let exact = byContent[fingerprint.contentHash], isEligible(exact, excludedID, notBefore) {
            return DedupeMatch(ordinal: exact, similarity: 1, coverage: 1)
        }
        var query = DedupeQuery(fingerprint: fingerprint, parameters: parameters)
        var hits: [UInt32] = []
        hits.reserveCapacity(4 * query.lookups)
        var boilerplateLooked: [UInt32] = []
        fingerprint.hashes.withUnsafeBufferPointer { hashes in
            samples.lookup(UnsafeBufferPointer(rebasing: hashes[0..<query.lookups]), hits: &hits,
                           boilerplate: &boilerplateLooked)
        }
        guard hits.count >= parameters.minimumSharedHashes else { return nil }
        query.boilerplateLooked = boilerplateLooked
        hits.sort()
        let best = query.best(sortedHits: hits, isEligible: { isEligible($0, excludedID, notBefore) }) { ordinal, shared in
            let candidate = DedupeQuery.Candidate(sampleLimit: documents.sampleLimits[Int(ordinal)],
                                                  indexedCount: Int(documents.sampleCounts[Int(ordinal)]),
                                                  shingleCount: Int(documents.shingleCounts[Int(ordinal)]))
            return query.score(hits: shared, candidate: candidate) { hash in
                switch samples.state(of: hash, document: ordinal) {
                case .boilerplate: .boilerplate
                case .indexed: .shared
                case .absent: .absent
                }
            }
        }
        return best.map { DedupeMatch(ordinal: $0.ordinal, similarity: $0.similarity, coverage: $0.coverage) }
    }

    private func isEligible(_ ordinal: UInt32, _ excludedID: UInt64, _ notBefore: Int64) -> Bool {
        let time = documents.times[Int(ordinal)]
        return time != .min && time >= notBefore && documents.idHashes[Int(ordinal)] != excludedID
    }
}
