public import Foundation

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
