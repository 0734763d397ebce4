/// Where a ``DedupeEngine`` keeps its index: in memory (``MemoryDedupeBackend``) or in the
/// state database (``SQLDedupeIndex``). The engine calls it under its own lock; the decision
/// logic (what a duplicate is, when a duplicate joins its group) stays in the engine, and the
/// verification of candidates in ``DedupeQuery``, so that both backends decide alike.
protocol DedupeBackend: AnyObject {
    /// Runs `body` on a consistent view of the index.
    func reading<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T
    /// Runs `body` as one atomic change of the index (a transaction in the database: another
    /// process sharing the index sees all of it or none, and cannot interleave).
    func writing<T>(_ body: (any DedupeIndexSession) throws -> T) throws -> T
    /// Drops texts indexed before `time` (and replaced ones); returns how many expired.
    func removeAll(before time: Int64) throws -> Int
    /// Texts indexed (expired ones count until they are removed).
    func count() throws -> Int
    /// Bytes of process memory the index holds.
    var memoryBytes: Int { get }
}

/// Reads and writes of one ``DedupeBackend`` view or transaction.
protocol DedupeIndexSession {
    /// The indexed text most similar to `fingerprint` among texts indexed at or after
    /// `notBefore` under another id than `excludedID`, with its group's first text.
    func bestMatch(for fingerprint: DedupeFingerprint, excludedID: String, notBefore: Int64) throws
        -> DedupeGroupMatch?
    /// Texts indexed in the group whose first text is `root`.
    func groupSize(root: Int64) throws -> Int
    /// Indexes a text (replacing an earlier text with the same id); with `root`, as a member
    /// of that group.
    func add(id: String, time: Int64, fingerprint: DedupeFingerprint, root: Int64?) throws
    /// Tells the session that `fingerprints` are about to be checked, so that a backend that
    /// reads from disk can read what their checks share at once. Changes no decision.
    func prefetch(_ fingerprints: [DedupeFingerprint]) throws
}

extension DedupeIndexSession {
    /// Nothing to read ahead: the index is in memory or a server plans the lookups.
    func prefetch(_ fingerprints: [DedupeFingerprint]) throws {}
}

/// A backend's best match: the scores and the group the matched text belongs to.
struct DedupeGroupMatch: Equatable {
    var similarity: Double
    var coverage: Double
    /// Key of the group's first text in its backend (an ordinal).
    var root: Int64
    /// Record id of the group's first text: the `duplicate_of` of the decision.
    var rootID: String
}
