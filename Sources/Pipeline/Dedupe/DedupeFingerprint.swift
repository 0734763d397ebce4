import CXXHash

/// The comparable summary of one text: a content hash for exact repeats and the set of its
/// shingle hashes, from which the index keeps a bottom-k MinHash sample.
///
/// Computing it is the costly part of a check (normalizing, shingling, hashing); it is pure,
/// so many texts can be fingerprinted in parallel before they are checked one by one.
public struct DedupeFingerprint: Sendable {
    /// XXH3 of the normalized text: equal for texts that differ only cosmetically.
    public let contentHash: UInt64
    /// Distinct shingle hashes (upper 32 bits of XXH3), ascending.
    let hashes: [UInt32]

    /// Distinct shingles of the text; 0 for a text without a word.
    public var shingleCount: Int { hashes.count }

    /// Fingerprints `text` (see ``TextNormalizer`` for what is folded).
    public init(text: String, parameters: DedupeParameters = DedupeParameters()) {
        let normalized = TextNormalizer.normalize(text)
        self.init(normalized: normalized, parameters: parameters)
    }

    init(normalized: NormalizedText, parameters: DedupeParameters) {
        let seed = parameters.hashSeed
        let tokens = normalized.tokenCount
        let width = normalized.isMostlyUnspaced ? parameters.shingleCharacters : parameters.shingleWords
        var hashes: [UInt32] = []
        var contentHash: UInt64 = 0
        normalized.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, tokens > 0 else { return }
            contentHash = XXH3_64bits_withSeed(base, buffer.count, seed)
            let shingles = max(1, tokens - width + 1)
            let span = min(width, tokens)
            hashes.reserveCapacity(shingles)
            normalized.tokenStarts.withUnsafeBufferPointer { starts in
                normalized.tokenEnds.withUnsafeBufferPointer { ends in
                    for first in 0..<shingles {
                        let start = Int(starts[first])
                        let end = Int(ends[first + span - 1])
                        let hash = XXH3_64bits_withSeed(base + start, end - start, seed)
                        hashes.append(UInt32(truncatingIfNeeded: hash >> 32))
                    }
                }
            }
        }
        self.hashes = RadixSort.sortedUnique(hashes)
        self.contentHash = contentHash
    }

    init(contentHash: UInt64, sortedHashes: [UInt32]) {
        self.contentHash = contentHash
        self.hashes = sortedHashes
    }

    /// The bottom-k sample the index keeps: the `size` smallest hashes.
    func sample(size: Int) -> ArraySlice<UInt32> {
        hashes.prefix(size)
    }

    /// The largest hash a sample of `size` covers: every shingle hash up to it is in the
    /// sample. `UInt32.max` when the sample holds the whole text.
    func sampleLimit(size: Int) -> UInt32 {
        hashes.count > size ? hashes[size - 1] : UInt32.max
    }

    /// How many hashes are at most `limit`.
    func count(upTo limit: UInt32) -> Int {
        var low = 0
        var high = hashes.count
        while low < high {
            let mid = (low + high) / 2
            if hashes[mid] <= limit { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
