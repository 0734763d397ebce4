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
    /// hashes are looked up (LSH), and each candidate sharing enough of them is scored on
    /// the hash range its sample covers, where both texts are known exactly: the query's
    /// hashes in the range, against the candidate's sample. The score is the containment of
    /// the smaller text in the larger (so a trimmed reprint scores high), or the Jaccard
    /// similarity when either text is too short for containment to mean anything.
    func bestMatch(for fingerprint: DedupeFingerprint, excludedID: UInt64, notBefore: Int64) -> DedupeMatch? {
        let hashes = fingerprint.hashes
        guard !hashes.isEmpty else { return nil }
        if let exact = byContent[fingerprint.contentHash], isEligible(exact, excludedID, notBefore) {
            return DedupeMatch(ordinal: exact, similarity: 1, coverage: 1)
        }
        let lookups = min(hashes.count, parameters.querySize)
        let queryLimit = hashes.count > lookups ? hashes[lookups - 1] : UInt32.max
        var hits: [UInt32] = []
        hits.reserveCapacity(4 * lookups)
        var boilerplateLooked: [UInt32] = []
        hashes.withUnsafeBufferPointer { hashes in
            samples.lookup(UnsafeBufferPointer(rebasing: hashes[0..<lookups]), hits: &hits,
                           boilerplate: &boilerplateLooked)
        }
        guard hits.count >= parameters.minimumSharedHashes else { return nil }
        hits.sort()
        var best: DedupeMatch?
        var runStart = 0
        while runStart < hits.count {
            let ordinal = hits[runStart]
            var runEnd = runStart + 1
            while runEnd < hits.count, hits[runEnd] == ordinal { runEnd += 1 }
            let shared = runEnd - runStart
            runStart = runEnd
            guard shared >= parameters.minimumSharedHashes, isEligible(ordinal, excludedID, notBefore),
                  let match = score(ordinal, hits: shared, fingerprint: fingerprint, lookups: lookups,
                                    queryLimit: queryLimit, boilerplateLooked: boilerplateLooked)
            else { continue }
            // Runs come in ordinal order, so on a tie the earlier text stays.
            if best == nil || match.similarity > best!.similarity { best = match }
        }
        return best
    }

    private func isEligible(_ ordinal: UInt32, _ excludedID: UInt64, _ notBefore: Int64) -> Bool {
        let time = documents.times[Int(ordinal)]
        return time != .min && time >= notBefore && documents.idHashes[Int(ordinal)] != excludedID
    }

    /// Similarity of the query and one candidate, or nil when too few hashes can be compared.
    private func score(_ ordinal: UInt32, hits: Int, fingerprint: DedupeFingerprint, lookups: Int,
                       queryLimit: UInt32, boilerplateLooked: [UInt32]) -> DedupeMatch? {
        let hashes = fingerprint.hashes
        let candidateLimit = documents.sampleLimits[Int(ordinal)]
        let candidateSample = Int(documents.sampleCounts[Int(ordinal)])
        var common = hits
        var boilerplate = boilerplateLooked.reduce(0) { $0 + ($1 <= candidateLimit ? 1 : 0) }
        if candidateLimit > queryLimit {
            // The candidate's sample reaches beyond the hashes looked up (it is much shorter
            // than the query): probe the rest of its range directly.
            var position = lookups
            while position < hashes.count, hashes[position] <= candidateLimit {
                let hash = hashes[position]
                if samples.isBoilerplate(hash) {
                    boilerplate += 1
                } else if samples.contains(key: hash, document: ordinal) {
                    common += 1
                }
                position += 1
            }
        }
        let queryInRange = fingerprint.count(upTo: candidateLimit) - boilerplate
        let compared = min(candidateSample, queryInRange)
        guard compared >= parameters.minimumComparedHashes, compared > 0 else { return nil }
        common = min(common, compared)
        let coverage = Double(common) / Double(max(queryInRange, 1))
        let shortest = min(hashes.count, Int(documents.shingleCounts[Int(ordinal)]))
        let similarity = shortest >= parameters.minimumShinglesForContainment
            ? Double(common) / Double(compared)
            : Double(common) / Double(candidateSample + queryInRange - common)
        return DedupeMatch(ordinal: ordinal, similarity: similarity, coverage: min(coverage, 1))
    }
}
