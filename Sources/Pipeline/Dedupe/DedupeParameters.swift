/// The fixed parameters of the fingerprint and of the index.
///
/// They are part of what is stored: a sample taken with other parameters cannot be compared,
/// so ``signature`` is written next to the index and checked when it is loaded. Change them
/// only with a new index.
public struct DedupeParameters: Sendable, Equatable {
    /// Words per shingle. Three keeps trimmed and lightly edited reprints far above the
    /// threshold (an inserted word breaks only three shingles) while distinct reports of one
    /// event share few three-word runs; measured in docs/dedupe.md.
    public var shingleWords: Int = 3
    /// Characters per shingle in texts written without spaces (Chinese, Japanese, Thai…),
    /// where each character is a token: one character carries less than a word.
    public var shingleCharacters: Int = 5
    /// Shingle hashes kept per indexed text (the smallest ones: a bottom-k MinHash sample).
    public var sampleSize: Int = 64
    /// Shingle hashes of a query looked up in the index. Twice the sample size, so that a
    /// text at least half as long as the query is looked up over its whole sample.
    public var querySize: Int = 128
    /// Sampled hashes two texts must share before the similarity is computed.
    public var minimumSharedHashes: Int = 2
    /// Fewest hashes a similarity may rest on: with fewer (a short text against a very long
    /// one, whose sample covers only a sliver of the hash range) the estimate is noise.
    public var minimumComparedHashes: Int = 8
    /// Below this many shingles a text is compared by Jaccard similarity only: containment
    /// would let a two-line snippet match every article that quotes it.
    public var minimumShinglesForContainment: Int = 20
    /// A hash indexed for this many distinct texts is boilerplate (a footer, a stock phrase)
    /// and is neither indexed further nor counted: it would make lookups slow and inflate
    /// the overlap of short texts.
    public var boilerplateLimit: Int = 16
    /// A duplicate is indexed too, as a member of its group, when less than this share of
    /// its shingles was found in the text it matched: it carries material (a longer version,
    /// a divergent edit) that a later reprint may share while the group's first text lacks
    /// it. `duplicate_of` still names the group's first text.
    public var memberCoverageLimit: Double = 0.8
    /// A duplicate becomes a member only when it matched at least this well (and above the
    /// threshold): a match just over the threshold may be wrong, and a wrong member would
    /// pull every later reprint of its own story into the wrong group.
    public var memberMinimumSimilarity: Double = 0.6
    /// Texts indexed per group at most (the first and its members), so that a story
    /// reprinted a hundred times costs a few entries per sampled hash.
    public var maximumGroupSize: Int = 4
    /// Seed of XXH3 for shingle and content hashes.
    public var hashSeed: UInt64 = 0x636F_7079_6465_736B // "copydesk"

    /// The defaults measured in docs/dedupe.md.
    public init() {}

    /// A string naming every parameter that changes a stored sample.
    public var signature: String {
        "minhash-bottomk/v1 words=\(shingleWords) chars=\(shingleCharacters) k=\(sampleSize) seed=\(hashSeed)"
    }
}
