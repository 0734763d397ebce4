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
/// Durability: ``insert(id:fingerprint:at:)`` writes to the storage first, then indexes in
/// memory, so a failed write leaves both unchanged. The pipeline should check, write its
/// record, then insert: a crash in between leaves a record that is not indexed (a later
/// reprint is kept), never an index entry without its record.
public final class DedupeEngine: @unchecked Sendable {
    // @unchecked: `index` and `lastExpiry` are only touched while holding `lock`.

    /// Threshold, window and policy as configured.
    public let configuration: DedupeConfig
    /// Fingerprint and index parameters.
    public let parameters: DedupeParameters
    private let storage: (any DedupeStorage)?
    private let lock = NSLock()
    private var index: DedupeIndex
    private var lastExpiry: Int64

    /// Expiry runs by itself on insert once a day of indexing time has passed.
    static let automaticExpiryInterval: Int64 = 86_400

    /// Creates an engine; with `storage`, loads the texts indexed within the window before
    /// `now` and writes every insert and expiry through to it.
    public init(configuration: DedupeConfig = DedupeConfig(),
                parameters: DedupeParameters = DedupeParameters(),
                storage: (any DedupeStorage)? = nil,
                now: Date = Date()) throws {
        self.configuration = configuration
        self.parameters = parameters
        self.storage = storage
        let cutoff = Self.seconds(now) - Int64(configuration.windowDays) * 86_400
        lastExpiry = Self.seconds(now)
        guard let storage else {
            index = DedupeIndex(parameters: parameters)
            return
        }
        try storage.prepare(signature: parameters.signature)
        _ = try storage.deleteEntries(before: Date(timeIntervalSince1970: TimeInterval(cutoff)))
        var entries: [DedupeEntry] = []
        entries.reserveCapacity(try storage.entryCount())
        try storage.forEachEntry { entries.append($0) }
        var loaded = DedupeIndex(parameters: parameters, expectedDocuments: entries.count)
        loaded.load(entries, idHash: { Self.idHash($0, parameters) }, time: Self.seconds)
        index = loaded
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
    public func check(id: String, fingerprint: DedupeFingerprint, at: Date) -> DedupeDecision {
        lock.lock()
        defer { lock.unlock() }
        return evaluate(id: id, fingerprint: fingerprint, at: at).decision
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
        try add(id: id, fingerprint: fingerprint, at: at, root: nil)
    }

    /// Records the outcome of a ``check(id:fingerprint:at:)`` once the record is written:
    /// a unique text is indexed; a duplicate is indexed as a member of its group when it
    /// brings material its group lacks (see ``DedupeParameters/memberCoverageLimit``), and
    /// otherwise nothing is stored.
    public func insert(id: String, fingerprint: DedupeFingerprint, at: Date, decision: DedupeDecision) throws {
        lock.lock()
        defer { lock.unlock() }
        guard let first = decision.duplicateOf else {
            try add(id: id, fingerprint: fingerprint, at: at, root: nil)
            return
        }
        let evaluation = evaluate(id: id, fingerprint: fingerprint, at: at)
        guard let match = evaluation.match, evaluation.decision.duplicateOf == first else { return }
        try addMember(id: id, fingerprint: fingerprint, at: at, match: match)
    }

    /// Checks, and indexes the text when it is unique, in one step under the lock.
    public func checkAndInsert(id: String, text: String, at: Date) throws -> DedupeDecision {
        try checkAndInsert(id: id, fingerprint: fingerprint(text), at: at)
    }

    /// Like ``checkAndInsert(id:text:at:)`` for a text fingerprinted already.
    public func checkAndInsert(id: String, fingerprint: DedupeFingerprint, at: Date) throws -> DedupeDecision {
        lock.lock()
        defer { lock.unlock() }
        let evaluation = evaluate(id: id, fingerprint: fingerprint, at: at)
        if let match = evaluation.match {
            try addMember(id: id, fingerprint: fingerprint, at: at, match: match)
        } else {
            try add(id: id, fingerprint: fingerprint, at: at, root: nil)
        }
        return evaluation.decision
    }

    /// Texts in the index (ones past the window count until they expire).
    public var indexSize: Int {
        lock.lock()
        defer { lock.unlock() }
        return index.liveCount
    }

    /// Bytes of memory the index holds.
    public var memoryBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return index.memoryBytes
    }

    /// Removes texts indexed before `date`, from memory and storage; returns how many.
    /// Rebuilds the in-memory table: O(indexed texts).
    @discardableResult
    public func expire(before date: Date) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        return try removeAll(before: Self.seconds(date))
    }

    // MARK: - Under the lock

    /// The decision, and for a duplicate the indexed text it matched.
    private func evaluate(id: String, fingerprint: DedupeFingerprint, at: Date)
        -> (decision: DedupeDecision, match: DedupeMatch?) {
        let notBefore = Self.seconds(at) - Int64(configuration.windowDays) * 86_400
        guard let match = index.bestMatch(for: fingerprint, excludedID: Self.idHash(id, parameters),
                                          notBefore: notBefore),
              match.similarity >= configuration.threshold
        else { return (.unique, nil) }
        let rounded = (match.similarity * 1000).rounded() / 1000
        return (.duplicate(of: index.id(of: index.root(of: match.ordinal)), similarity: rounded), match)
    }

    /// Indexes a duplicate as a member of its group when it brings material the matched
    /// text lacks and the group has room.
    private func addMember(id: String, fingerprint: DedupeFingerprint, at: Date, match: DedupeMatch) throws {
        let root = index.root(of: match.ordinal)
        guard match.coverage < parameters.memberCoverageLimit,
              match.similarity >= parameters.memberMinimumSimilarity,
              index.groupSize(root) < parameters.maximumGroupSize
        else { return }
        try add(id: id, fingerprint: fingerprint, at: at, root: root)
    }

    private func add(id: String, fingerprint: DedupeFingerprint, at: Date, root: UInt32?) throws {
        guard fingerprint.shingleCount > 0 else { return }
        let time = Self.seconds(at)
        let sample = fingerprint.sample(size: parameters.sampleSize)
        try storage?.save(DedupeEntry(id: id, indexedAt: Date(timeIntervalSince1970: TimeInterval(time)),
                                      contentHash: fingerprint.contentHash,
                                      shingleCount: fingerprint.shingleCount, sample: Array(sample),
                                      rootID: root.map { index.id(of: $0) }))
        index.add(id: id, idHash: Self.idHash(id, parameters), time: time,
                  contentHash: fingerprint.contentHash, shingleCount: fingerprint.shingleCount,
                  sample: sample, root: root)
        if time - lastExpiry >= Self.automaticExpiryInterval {
            _ = try removeAll(before: time - Int64(configuration.windowDays) * 86_400)
            lastExpiry = time
        }
    }

    private func removeAll(before time: Int64) throws -> Int {
        _ = try storage?.deleteEntries(before: Date(timeIntervalSince1970: TimeInterval(time)))
        return index.removeAll(before: time)
    }

    static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    static func idHash(_ id: String, _ parameters: DedupeParameters) -> UInt64 {
        var id = id
        return id.withUTF8 { XXH3_64bits_withSeed($0.baseAddress, $0.count, parameters.hashSeed) }
    }
}
