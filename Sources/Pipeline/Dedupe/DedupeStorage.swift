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

    /// Creates an entry.
    public init(id: String, indexedAt: Date, contentHash: UInt64, shingleCount: Int, sample: [UInt32]) {
        self.id = id
        self.indexedAt = indexedAt
        self.contentHash = contentHash
        self.shingleCount = shingleCount
        self.sample = sample
    }
}

/// Where the dedupe index persists, so that it survives restarts and is shared by `run` and
/// `backfill`. Implemented over SQLite by ``GRDBDedupeStorage``.
public protocol DedupeStorage: Sendable {
    /// Records the parameters `signature` for an empty store, or throws
    /// ``DedupeError/incompatibleIndex(stored:current:)`` when entries were written with others.
    func prepare(signature: String) throws
    /// Writes (or replaces, by id) one entry durably.
    func save(_ entry: DedupeEntry) throws
    /// Writes (or replaces) many entries in one transaction.
    func save(_ entries: [DedupeEntry]) throws
    /// Entries stored, for sizing the in-memory index.
    func entryCount() throws -> Int
    /// Calls `body` with every entry, oldest insert first.
    func forEachEntry(_ body: (DedupeEntry) throws -> Void) throws
    /// Deletes entries indexed before `date`; returns how many.
    func deleteEntries(before date: Date) throws -> Int
}

/// Failures of the dedupe index.
public enum DedupeError: Error, Equatable, CustomStringConvertible {
    /// The stored index was built with other fingerprint parameters and cannot be compared.
    case incompatibleIndex(stored: String, current: String)
    /// A stored sample is not a whole number of 32-bit hashes.
    case corruptEntry(id: String)

    public var description: String {
        switch self {
        case .incompatibleIndex(let stored, let current):
            "the dedupe index was built with other parameters (\(stored)); this build uses \(current): delete the dedupe tables to rebuild"
        case .corruptEntry(let id):
            "the stored dedupe entry of \(id) is corrupt"
        }
    }
}
