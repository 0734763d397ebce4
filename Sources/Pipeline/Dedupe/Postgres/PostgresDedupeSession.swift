import Foundation

/// The queries of ``PostgresDedupeIndex`` inside one transaction: the checks of SQLite's
/// ``SQLDedupeSession`` with the tables read in place, one statement each.
struct PostgresDedupeSession: DedupeIndexSession {
    let connection: PGConnection
    let parameters: DedupeParameters

    /// `indexed_at` of a replaced text: never in a window, first to go at the next expiry.
    static let replaced = SQLDedupeSession.replaced

    // MARK: Check

    func bestMatch(for fingerprint: DedupeFingerprint, excludedID: String, notBefore: Int64) throws
        -> DedupeGroupMatch? {
        guard !fingerprint.hashes.isEmpty else { return nil }
        var query = DedupeQuery(fingerprint: fingerprint, parameters: parameters)
        let looked = Array(query.lookedUp)
        let rows = try connection.query(Self.checkStatement, [
            Self.array(looked), parameters.minimumSharedHashes, Int64(bitPattern: fingerprint.contentHash),
            Self.replaced, notBefore, excludedID,
        ])
        let found = try PostgresDedupeCheckRows(rows)
        // Identical normalized text: the first text indexed with it, if it may be matched.
        if let exact = found.exact, exact.time >= notBefore, exact.id != excludedID {
            return exact.groupMatch(similarity: 1, coverage: 1)
        }
        query.boilerplateLooked = looked.filter { found.boilerplate.contains($0) }
        guard !found.candidates.isEmpty else { return nil }
        // The server kept the eligible texts that share enough looked-up hashes, each with its
        // count: as hits (one entry a shared hash, ascending by text) they are the ones
        // SQLite's check scores.
        var hits: [Int64] = []
        var documents: [Int64: PostgresDedupeDocument] = [:]
        for candidate in found.candidates.sorted(by: { $0.document.ordinal < $1.document.ordinal }) {
            hits += repeatElement(candidate.document.ordinal, count: candidate.shared)
            documents[candidate.document.ordinal] = candidate.document
        }
        // Boilerplate among the query's hashes beyond those looked up, for the candidates
        // whose sample reaches there (texts much shorter than the query).
        let reach = documents.values.lazy.map { $0.candidate.sampleLimit }.max() ?? 0
        let beyond = reach > query.queryLimit
            ? try boilerplateAmong(Array(fingerprint.hashes[query.lookups...].prefix { $0 <= reach }))
            : []
        let best = query.best(sortedHits: hits, isEligible: { documents[$0] != nil }) { ordinal, hits in
            guard let document = documents[ordinal] else { return nil }
            return query.score(hits: hits, candidate: document.candidate) { hash in
                if beyond.contains(hash) { return .boilerplate }
                return document.sample.binarySearchContains(hash) ? .shared : .absent
            }
        }
        guard let best, let document = documents[best.ordinal] else { return nil }
        return document.groupMatch(similarity: best.similarity, coverage: best.coverage)
    }

    func groupSize(root: Int64) throws -> Int {
        1 + (try connection.query("SELECT count(*) FROM dedupe_doc WHERE root = $1", [root]).scalar(Int.self) ?? 0)
    }

    /// Which of `hashes` are boilerplate (marked by a posting to text 0).
    private func boilerplateAmong(_ hashes: [UInt32]) throws -> Set<UInt32> {
        guard !hashes.isEmpty else { return [] }
        let rows = try connection.query("SELECT hash FROM dedupe_sample WHERE doc = 0 AND hash = ANY($1::bigint[])",
                                        [Self.array(hashes)])
        var found = Set<UInt32>()
        for row in 0..<rows.count {
            guard let text = rows.text(row: row, column: 0), let hash = UInt32(text) else { continue }
            found.insert(hash)
        }
        return found
    }

    /// One round trip a check. Row kinds: 0, a looked-up hash that is boilerplate (in
    /// `ordinal`); 1, the first text indexed with the query's content hash, whether or not it
    /// may be matched; 2, an eligible text sharing at least `$2` looked-up hashes that are not
    /// boilerplate, with that count. Texts come with their group's first id (`root_id`).
    ///
    /// Texts are read by primary key, one lookup per candidate (a `LATERAL` subquery with a
    /// `LIMIT` is never turned into a join): whatever the table statistics say, the plan never
    /// scans the window's texts to hash-join them with a few candidates. "Not replaced" is
    /// `indexed_at <> $4` rather than `>`: the same rows (nothing is older than a replaced
    /// text), but never a range scan of the `indexed_at` index beside the content-hash lookup.
    static let checkStatement = """
        WITH found AS (
            SELECT hash, doc FROM dedupe_sample WHERE hash = ANY($1::bigint[])
        ), boilerplate AS (
            SELECT hash FROM found WHERE doc = 0
        ), hits AS (
            SELECT doc, count(*) AS shared FROM found
            WHERE doc <> 0 AND hash NOT IN (SELECT hash FROM boilerplate)
            GROUP BY doc HAVING count(*) >= $2
        ), chosen AS (
            (SELECT 1 AS kind, ordinal, 0::bigint AS shared FROM dedupe_doc
             WHERE content_hash = $3 AND indexed_at <> $4 ORDER BY ordinal LIMIT 1)
            UNION ALL
            SELECT 2, doc, shared FROM hits
        )
        SELECT 0 AS kind, hash AS ordinal, NULL::bigint, NULL::text, NULL::bigint, NULL::integer, NULL::bigint,
               NULL::bytea, NULL::bigint, NULL::text
        FROM boilerplate
        UNION ALL
        SELECT c.kind, d.ordinal, c.shared, d.id, d.indexed_at, d.shingle_count, d.indexed_mask, d.sample, d.root,
               (SELECT r.id FROM dedupe_doc r WHERE r.ordinal = d.root)
        FROM chosen c CROSS JOIN LATERAL (
            SELECT * FROM dedupe_doc d
            WHERE d.ordinal = c.ordinal AND (c.kind = 1 OR (d.indexed_at >= $5 AND d.id <> $6))
            LIMIT 1
        ) d
        """

    /// A PostgreSQL array literal of integers, for an `= ANY($n::bigint[])` parameter.
    static func array<S: Sequence>(_ values: S) -> String where S.Element: BinaryInteger {
        var text = "{"
        for value in values {
            if text.utf8.count > 1 { text += "," }
            text += String(value)
        }
        return text + "}"
    }
}
