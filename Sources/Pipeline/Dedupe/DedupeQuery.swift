/// One text being checked against an index, and the verification of its candidates.
///
/// Both index backends (in memory, ``DedupeIndex``; in the database, ``SQLDedupeIndex``)
/// look the same hashes up and score candidates with this one piece of code, so that they
/// take the same decisions.
struct DedupeQuery {
    let fingerprint: DedupeFingerprint
    let parameters: DedupeParameters
    /// Hashes looked up: the query's `querySize` smallest (fewer for a short text).
    let lookups: Int
    /// The largest hash looked up (`UInt32.max` when every hash of the text is).
    let queryLimit: UInt32
    /// Looked-up hashes that are boilerplate in the index, ascending.
    var boilerplateLooked: [UInt32] = []

    init(fingerprint: DedupeFingerprint, parameters: DedupeParameters) {
        self.fingerprint = fingerprint
        self.parameters = parameters
        let hashes = fingerprint.hashes
        lookups = min(hashes.count, parameters.querySize)
        queryLimit = hashes.count > lookups ? hashes[lookups - 1] : UInt32.max
    }

    /// The hashes to look up, ascending.
    var lookedUp: ArraySlice<UInt32> { fingerprint.hashes.prefix(lookups) }

    /// What verification needs to know of an indexed text.
    struct Candidate {
        /// Largest hash its sample covers (`UInt32.max`: the sample is the whole text).
        var sampleLimit: UInt32
        /// Sampled hashes that were indexed for it (boilerplate at the time left out).
        var indexedCount: Int
        /// Distinct shingles of the whole text.
        var shingleCount: Int
    }

    /// What the index holds for one of the query's hashes beyond those looked up.
    enum Probe {
        case boilerplate
        case shared
        case absent
    }

    /// Similarity of the query and one candidate that shares `hits` looked-up hashes, or nil
    /// when too few hashes can be compared. `probe` answers for the query's hashes above
    /// ``queryLimit`` (asked only when the candidate's sample reaches beyond it).
    ///
    /// On the hash range the candidate's sample covers both texts are known exactly, so
    /// shared / min(candidate sample, query hashes in range) estimates the containment of
    /// the smaller text in the larger; Jaccard for texts too short for containment.
    func score(hits: Int, candidate: Candidate, probe: (UInt32) -> Probe)
        -> (similarity: Double, coverage: Double)? {
        let hashes = fingerprint.hashes
        let candidateLimit = candidate.sampleLimit
        var common = hits
        var boilerplate = boilerplateLooked.reduce(0) { $0 + ($1 <= candidateLimit ? 1 : 0) }
        if candidateLimit > queryLimit {
            // The candidate's sample reaches beyond the hashes looked up (it is much shorter
            // than the query): probe the rest of its range directly.
            var position = lookups
            while position < hashes.count, hashes[position] <= candidateLimit {
                switch probe(hashes[position]) {
                case .boilerplate: boilerplate += 1
                case .shared: common += 1
                case .absent: break
                }
                position += 1
            }
        }
        let queryInRange = fingerprint.count(upTo: candidateLimit) - boilerplate
        let compared = min(candidate.indexedCount, queryInRange)
        guard compared >= parameters.minimumComparedHashes, compared > 0 else { return nil }
        common = min(common, compared)
        let coverage = Double(common) / Double(max(queryInRange, 1))
        let shortest = min(hashes.count, candidate.shingleCount)
        let similarity = shortest >= parameters.minimumShinglesForContainment
            ? Double(common) / Double(compared)
            : Double(common) / Double(candidate.indexedCount + queryInRange - common)
        return (similarity, min(coverage, 1))
    }

    /// The best-scoring candidate among `sortedHits` (one entry per shared looked-up hash,
    /// ascending by candidate, candidates numbered in insertion order). On a tie the earlier
    /// text stays.
    func best<Ordinal: BinaryInteger>(
        sortedHits hits: [Ordinal], isEligible: (Ordinal) -> Bool,
        score: (Ordinal, Int) -> (similarity: Double, coverage: Double)?
    ) -> (ordinal: Ordinal, similarity: Double, coverage: Double)? {
        var best: (ordinal: Ordinal, similarity: Double, coverage: Double)?
        var runStart = 0
        while runStart < hits.count {
            let ordinal = hits[runStart]
            var runEnd = runStart + 1
            while runEnd < hits.count, hits[runEnd] == ordinal { runEnd += 1 }
            let shared = runEnd - runStart
            runStart = runEnd
            guard shared >= parameters.minimumSharedHashes, isEligible(ordinal),
                  let match = score(ordinal, shared)
            else { continue }
            if best == nil || match.similarity > best!.similarity {
                best = (ordinal, match.similarity, match.coverage)
            }
        }
        return best
    }
}
