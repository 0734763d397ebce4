public import Foundation
import CXXHash

/// Near-duplicate detection across outlets: exact repeats by content hash, reprints
/// (trimmed, credited, lightly edited, with page junk) by a bottom-k MinHash sample of word
/// shingles and an LSH lookup, verified by containment. See docs/dedupe.md.
///
/// Texts judged unique are indexed as the first of their group; a duplicate is indexed too,
/// as a member, only when it brings material the text it matched lacks (a longer version
/// arriving after a trimmed one), at most ``DedupeParameters/maximumGroupSize`` texts a
/// group. `duplicate_of` always names the group's first record.
///
/// Thread-safety: every method may be called from any thread. Fingerprinting (the costly
/// part) runs outside the lock; checks and inserts are serialized by it. A check followed by
/// a separate insert is not atomic: two near-duplicate texts checked concurrently can both
/// be judged unique. Run checks and inserts from one stage in order, or use
/// ``checkAndInsert(id:fingerprint:at:)``.
///
/// Where the index lives: in memory (the default: fast, gone with the process), or, with a
/// ``GRDBDedupeStorage``, in the database itself (``SQLDedupeIndex``): nothing is loaded at
/// start-up, memory stays flat however many texts are indexed, and several engines — in
/// several processes — on one database see each other's inserts at once; or, with a
/// ``PGConnectionPool``, in PostgreSQL (``PostgresDedupeIndex``), shared by workers on several
/// machines. Every backend takes the same decisions (one verification, ``DedupeQuery``).
///
/// Durability: with a database, each insert is one transaction. The pipeline should check,
/// journal its record, then insert: a crash in between leaves a record that is not indexed
/// (recovery indexes it), never an index entry without its record.
public final class DedupeEngine: @unchecked Sendable {
    // @unchecked: `backend` and `lastExpiry` are only touched while holding `lock`.

    /// Threshold, window and policy as configured.
    public let configuration: DedupeConfig
    /// Fingerprint and index parameters.
    public let parameters: DedupeParameters
    private let lock = NSLock()
    private let backend: any DedupeBackend
    private var lastExpiry: Int64

    /// Expiry runs by itself on insert once a day of indexing time has passed.
    static let automaticExpiryInterval: Int64 = 86_400

    /// Creates an engine. Without `storage` the index is in memory and starts empty; with it,
    /// the index is the database's: the parameters are checked against the stored ones, an
    /// index written by an older version is converted, and texts past the window before
    /// `now` are deleted.
    public convenience init(configuration: DedupeConfig = DedupeConfig(),
                            parameters: DedupeParameters = DedupeParameters(),
                            storage: GRDBDedupeStorage? = nil,
                            now: Date = Date()) throws {
        try self.init(configuration: configuration, parameters: parameters, storage: storage, now: now,
                      tailCapacity: SQLDedupeIndex.defaultTailCapacity)
    }

    /// With the number of texts whose postings wait in memory (tests make it small, so that
    /// batches are written often).
    init(configuration: DedupeConfig, parameters: DedupeParameters, storage: GRDBDedupeStorage?, now: Date,
         tailCapacity: Int) throws {
        self.configuration = configuration
        self.parameters = parameters
        lastExpiry = Self.seconds(now)
        guard let storage else {
            backend = MemoryDedupeBackend(parameters: parameters)
            return
        }
        try storage.prepare(signature: parameters.signature)
        let index = SQLDedupeIndex(writer: storage.writer, parameters: parameters, tailCapacity: tailCapacity)
        try index.importLegacyEntries()
        _ = try index.removeAll(before: Self.seconds(now) - Int64(configuration.windowDays) * 86_400)
        backend = index
    }

    /// On an index backend opened by the caller (the PostgreSQL index, see
    /// `DedupeEngine+Postgres.swift`), prepared already.
    init(configuration: DedupeConfig, parameters: DedupeParameters, backend: any DedupeBackend, now: Date) {
        self.configuration = configuration
        self.parameters = parameters
        lastExpiry = Self.seconds(now)
        self.backend = backend
    }

    /// Fingerprints a text with this engine's parameters; pure, call it from any thread.
    public func fingerprint(_ text: String) -> DedupeFingerprint {
        DedupeFingerprint(text: text, parameters: parameters)
    }

    /// Whether `text` repeats a text indexed within the window before `at`. Does not index it.
    public func check(id: String, text: String, at: Date) -> DedupeDecision {
        check(id: id, fingerprint: fingerprint(text), at: at)
    }

    /// Like ``check(id:text:at:)`` for a text fingerprinted already.
    /// A database that cannot be read gives `.unique` (a reprint kept is better than a
    /// record lost); ``checked(id:fingerprint:at:)`` throws instead.
    public func check(id: String, fingerprint: DedupeFingerprint, at: Date) -> DedupeDecision {
        (try? checked(id: id, fingerprint: fingerprint, at: at)) ?? .unique
    }

    /// Like ``check(id:fingerprint:at:)``, throwing when the index cannot be read.
    public func checked(id: String, fingerprint: DedupeFingerprint, at: Date) throws -> DedupeDecision {
        lock.lock()
        defer { lock.unlock() }
        return try backend.reading { try evaluate($0, id: id, fingerprint: fingerprint, at: at).decision }
    }

    /// Checks several texts on one view of the index (one read transaction in the database,
    /// instead of one per text): the decisions ``checked(id:fingerprint:at:)`` would give them
    /// one by one. None of them is indexed, so they are not compared with each other.
    public func checked(_ texts: [(id: String, fingerprint: DedupeFingerprint)], at: Date) throws -> [DedupeDecision] {
        guard !texts.isEmpty else { return [] }
        lock.lock()
        defer { lock.unlock() }
        return try backend.reading { session in
            try session.prefetch(texts.map(\.fingerprint))
            return try texts.map { try evaluate(session, id: $0.id, fingerprint: $0.fingerprint, at: at).decision }
        }
    }

    /// Indexes a text as the first of its group (for a text judged `.unique`).
    /// Re-inserting an id replaces its earlier text. Texts without a word are not indexed.
    public func insert(id: String, text: String, at: Date) throws {
        try insert(id: id, fingerprint: fingerprint(text), at: at)
    }

    /// Like ``insert(id:text:at:)`` for a text fingerprinted already.
    public func insert(id: String, fingerprint: DedupeFingerprint, at: Date) throws {
        lock.lock()
        defer { lock.unlock() }
        try backend.writing { try add($0, id: id, fingerprint: fingerprint, at: at, root: nil) }
        try expireIfDue(at)
    }

    /// Records the outcome of a ``check(id:fingerprint:at:)`` once the record is written:
    /// a unique text is indexed; a duplicate is indexed as a member of its group when it
    /// brings material its group lacks (see ``DedupeParameters/memberCoverageLimit``), and
    /// otherwise nothing is stored.
    public func insert(id: String, fingerprint: DedupeFingerprint, at: Date, decision: DedupeDecision) throws {
        try insert([(id, fingerprint, decision)], at: at)
    }

    /// Records the outcomes of several checks, in order, as one atomic change of the index (one
    /// transaction in the database): each as ``insert(id:fingerprint:at:decision:)`` would,
    /// seeing the ones before it.
    public func insert(_ outcomes: [(id: String, fingerprint: DedupeFingerprint, decision: DedupeDecision)],
                       at: Date) throws {
        guard !outcomes.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        try backend.writing { session in
            for outcome in outcomes {
                try record(session, id: outcome.id, fingerprint: outcome.fingerprint, at: at, decision: outcome.decision)
            }
        }
        try expireIfDue(at)
    }

    private func record(_ session: any DedupeIndexSession, id: String, fingerprint: DedupeFingerprint, at: Date,
                        decision: DedupeDecision) throws {
        guard let first = decision.duplicateOf else {
            try add(session, id: id, fingerprint: fingerprint, at: at, root: nil)
            return
        }
        let evaluation = try evaluate(session, id: id, fingerprint: fingerprint, at: at)
        guard let match = evaluation.match, evaluation.decision.duplicateOf == first else { return }
        try addMember(session, id: id, fingerprint: fingerprint, at: at, match: match)
    }

    /// Checks, and indexes the text when it is unique, in one step under the lock.
    public func checkAndInsert(id: String, text: String, at: Date) throws -> DedupeDecision {
        try checkAndInsert(id: id, fingerprint: fingerprint(text), at: at)
    }

    /// Like ``checkAndInsert(id:text:at:)`` for a text fingerprinted already.
    public func checkAndInsert(id: String, fingerprint: DedupeFingerprint, at: Date) throws -> DedupeDecision {
        lock.lock()
        defer { lock.unlock() }
        let decision = try backend.writing { session in
            let evaluation = try evaluate(session, id: id, fingerprint: fingerprint, at: at)
            if let match = evaluation.match {
                try addMember(session, id: id, fingerprint: fingerprint, at: at, match: match)
            } else {
                try add(session, id: id, fingerprint: fingerprint, at: at, root: nil)
            }
            return evaluation.decision
        }
        try expireIfDue(at)
        return decision
    }

    /// Texts in the index (ones past the window count until they expire); 0 when the
    /// database cannot be read.
    public var indexSize: Int {
        lock.lock()
        defer { lock.unlock() }
        return (try? backend.count()) ?? 0
    }

    /// Bytes of process memory the index holds (none per text in the database).
    public var memoryBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return backend.memoryBytes
    }

    /// Removes texts indexed before `date`; returns how many. In memory it rebuilds the
    /// table (O(indexed texts)); in the database it deletes in short transactions.
    @discardableResult
    public func expire(before date: Date) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        return try backend.removeAll(before: Self.seconds(date))
    }

    // MARK: - Under the lock

    /// The decision, and for a duplicate the indexed text it matched.
    private func evaluate(_ session: any DedupeIndexSession, id: String, fingerprint: DedupeFingerprint, at: Date)
        throws -> (decision: DedupeDecision, match: DedupeGroupMatch?) {
        let notBefore = Self.seconds(at) - Int64(configuration.windowDays) * 86_400
        guard let match = try session.bestMatch(for: fingerprint, excludedID: id, notBefore: notBefore),
              match.similarity >= configuration.threshold
        else { return (.unique, nil) }
        let rounded = (match.similarity * 1000).rounded() / 1000
        return (.duplicate(of: match.rootID, similarity: rounded), match)
    }

    /// Indexes a duplicate as a member of its group when it brings material the matched
    /// text lacks and the group has room.
    private func addMember(_ session: any DedupeIndexSession, id: String, fingerprint: DedupeFingerprint, at: Date,
                           match: DedupeGroupMatch) throws {
        guard match.coverage < parameters.memberCoverageLimit,
              match.similarity >= parameters.memberMinimumSimilarity,
              try session.groupSize(root: match.root) < parameters.maximumGroupSize
        else { return }
        try add(session, id: id, fingerprint: fingerprint, at: at, root: match.root)
    }

    private func add(_ session: any DedupeIndexSession, id: String, fingerprint: DedupeFingerprint, at: Date,
                     root: Int64?) throws {
        guard fingerprint.shingleCount > 0 else { return }
        try session.add(id: id, time: Self.seconds(at), fingerprint: fingerprint, root: root)
    }

    /// The automatic expiry, once a day of indexing time, after the insert's transaction.
    private func expireIfDue(_ at: Date) throws {
        let time = Self.seconds(at)
        guard time - lastExpiry >= Self.automaticExpiryInterval else { return }
        _ = try backend.removeAll(before: time - Int64(configuration.windowDays) * 86_400)
        lastExpiry = time
    }

    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    static func idHash(_ id: String, _ parameters: DedupeParameters) -> UInt64 {
        var id = id
        return id.withUTF8 { XXH3_64bits_withSeed($0.baseAddress, $0.count, parameters.hashSeed) }
    }
}
