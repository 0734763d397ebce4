public import Foundation

/// One indexed text as stored: enough to rebuild the in-memory index without the text.
public struct DedupeEntry: Sendable, Equatable {
    /// Record id (the `duplicate_of` a later reprint will carry).
    public var id: String
    /// When the text was indexed; the window is measured from it.
    public var indexedAt: Date
    /// XXH3 of the normalized text.
    public var contentHash: UInt64
    /// Distinct shingles of the whole text.
    public var shingleCount: Int
    /// The bottom-k sample: the smallest shingle hashes, ascending.
    public var sample: [UInt32]
    /// For a duplicate indexed as a member of its group, the id of the group's first text.
    public var rootID: String?

    /// Creates an entry.
    public init(id: String, indexedAt: Date, contentHash: UInt64, shingleCount: Int, sample: [UInt32],
                rootID: String? = nil) {
        self.id = id
        self.indexedAt = indexedAt
        self.contentHash = contentHash
        self.shingleCount = shingleCount
        self.sample = sample
        self.rootID = rootID
    }
}
