import Foundation
import GRDB

/// The pipeline's view of the dedupe engine: the index lives in the state database, and a
/// compact signature of each URL's last version lets a re-fetch tell a material change
/// (a new revision) from a cosmetic one, with the same measure the index uses.
final class DedupeGate: Sendable {
    let engine: DedupeEngine

    /// The dedupe tables' migrations, run with the state store's.
    static let migrations: [@Sendable (inout DatabaseMigrator) -> Void] = [
        { GRDBDedupeStorage.registerMigrations(&$0) }
    ]

    init(config: DedupeConfig, database: any DatabaseWriter) throws {
        engine = try DedupeEngine(configuration: config, storage: GRDBDedupeStorage(writer: database))
    }

    init(engine: DedupeEngine) {
        self.engine = engine
    }

    func fingerprint(_ text: String) -> DedupeFingerprint { engine.fingerprint(text) }

    func check(id: String, fingerprint: DedupeFingerprint, at: Date) -> DedupeDecision {
        engine.check(id: id, fingerprint: fingerprint, at: at)
    }

    /// Records a written record's decision in the index: a unique text joins it; a duplicate
    /// joins its group only when it brings material the group lacks (the full story after a
    /// trimmed reprint), so `duplicate_of` keeps naming the group's first record.
    func insert(id: String, fingerprint: DedupeFingerprint, at: Date, decision: DedupeDecision) {
        // The record is already durable; a failed index write only means a later reprint
        // of this story may be kept, never a wrong record.
        try? engine.insert(id: id, fingerprint: fingerprint, at: at, decision: decision)
    }

    /// ``check(id:fingerprint:at:)`` for a writer group, on one view of the index. An index
    /// that cannot be read judges every text unique (a reprint kept, never a record lost).
    func check(_ texts: [(id: String, fingerprint: DedupeFingerprint)], at: Date) -> [DedupeDecision] {
        (try? engine.checked(texts, at: at)) ?? texts.map { _ in .unique }
    }

    /// ``insert(id:fingerprint:at:decision:)`` for a writer group, in one transaction.
    func insert(_ outcomes: [(id: String, fingerprint: DedupeFingerprint, decision: DedupeDecision)], at: Date) {
        try? engine.insert(outcomes, at: at)
    }

    func expire(now: Date) {
        _ = try? engine.expire(before: now.addingTimeInterval(-Double(engine.configuration.windowDays) * 86_400))
    }

    var indexSize: Int { engine.indexSize }

    // MARK: Version signatures

    /// The bottom-k sample of the text's shingle hashes, little-endian, after a 4-byte count
    /// of all its shingles: about 260 bytes per URL.
    func signature(_ fingerprint: DedupeFingerprint) -> Data {
        var data = Data(capacity: 4 + 4 * engine.parameters.sampleSize)
        withUnsafeBytes(of: UInt32(fingerprint.shingleCount).littleEndian) { data.append(contentsOf: $0) }
        for hash in fingerprint.sample(size: engine.parameters.sampleSize) {
            withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Whether the new text is a near duplicate of the version whose signature is stored.
    func isSameVersion(_ fingerprint: DedupeFingerprint, _ stored: Data?) -> Bool {
        guard let stored, let similarity = similarity(fingerprint, stored) else { return false }
        return similarity >= engine.configuration.threshold
    }

    /// The index's measure between a text and a stored signature: containment of the shorter
    /// in the longer on the range the signature covers (Jaccard for very short texts); nil
    /// when the signature is unusable.
    func similarity(_ fingerprint: DedupeFingerprint, _ stored: Data) -> Double? {
        guard stored.count >= 8, stored.count % 4 == 0 else { return nil }
        let values = stored.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count, by: 4).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0, as: UInt32.self)) }
        }
        return values.withUnsafeBufferPointer { values in
            similarity(fingerprint, sample: UnsafeBufferPointer(rebasing: values[1...]), shingleCount: Int(values[0]))
        }
    }
}

extension Array where Element == UInt32 {
    func binarySearchContains(_ value: UInt32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
