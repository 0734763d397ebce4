import Foundation

/// One indexed text as a check reads it from `dedupe_doc`: what the verification needs, and
/// the group it belongs to.
struct PostgresDedupeDocument {
    var ordinal: Int64
    var id: String
    var time: Int64
    var shingleCount: Int
    var indexedMask: UInt64
    var sample: [UInt32]
    var root: Int64?
    /// Id of the text `root` names; nil when the text leads its group.
    var rootID: String?

    var candidate: DedupeQuery.Candidate {
        let limit = shingleCount > sample.count ? (sample.last ?? .max) : .max
        return DedupeQuery.Candidate(sampleLimit: limit, indexedCount: indexedMask.nonzeroBitCount,
                                     shingleCount: shingleCount)
    }

    /// The match naming this text's group: its first text, or itself when it is the first.
    func groupMatch(similarity: Double, coverage: Double) -> DedupeGroupMatch {
        if let root, let rootID {
            return DedupeGroupMatch(similarity: similarity, coverage: coverage, root: root, rootID: rootID)
        }
        return DedupeGroupMatch(similarity: similarity, coverage: coverage, root: ordinal, rootID: id)
    }
}

/// The rows of ``PostgresDedupeSession/checkStatement``, sorted by kind.
struct PostgresDedupeCheckRows {
    /// Looked-up hashes that are boilerplate.
    var boilerplate = Set<UInt32>()
    /// The first text with the query's content hash.
    var exact: PostgresDedupeDocument?
    /// Eligible texts sharing enough looked-up hashes, with how many.
    var candidates: [(document: PostgresDedupeDocument, shared: Int)] = []

    init(_ result: PGResult) throws {
        for row in 0..<result.count {
            func integer(_ column: Int) -> Int64? { result.text(row: row, column: column).flatMap { Int64($0) } }
            guard let kind = integer(0), let ordinal = integer(1) else {
                throw PostgresError(sqlState: nil, message: "a dedupe check row without its kind or ordinal")
            }
            if kind == 0 {
                if let hash = UInt32(exactly: ordinal) { boilerplate.insert(hash) }
                continue
            }
            let id = result.text(row: row, column: 3) ?? ""
            guard let time = integer(4), let shingles = integer(5), let mask = integer(6),
                  let sample = SQLDedupeSession.decode(try? Data(postgresText: result.text(row: row, column: 7)))
            else { throw DedupeError.corruptEntry(id: id) }
            let document = PostgresDedupeDocument(
                ordinal: ordinal, id: id, time: time, shingleCount: Int(shingles),
                indexedMask: UInt64(bitPattern: mask), sample: sample, root: integer(8),
                rootID: result.text(row: row, column: 9))
            if kind == 1 {
                exact = document
            } else {
                candidates.append((document, Int(integer(2) ?? 0)))
            }
        }
    }
}
