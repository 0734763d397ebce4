public import Foundation

/// The commit journal across workers. Numbers come from counter rows updated in the same
/// transaction (`UPDATE … RETURNING`), never from `MAX(…) + 1`: the row lock makes a second
/// worker wait until the first commits or rolls back, so no two workers get the same day
/// sequence number, and record-log positions follow commit order without gaps.
extension PostgresStateStore {
    public func beginCommits(_ records: [PreparedRecord], bodyFiles: [String?], day: String, at now: Date) throws -> [JournalEntry] {
        guard !records.isEmpty else { return [] }
        precondition(bodyFiles.count == records.count, "one body file (or nil) per record")
        return try transaction { c in
            // First the claims: one journal row per URL across the cluster (a unique index), and
            // none for a URL already committed at this revision or later. A second worker's
            // insert of the same URL waits for the first's transaction, then finds it taken.
            var accepted: [(record: PreparedRecord, bodyFile: String?, token: String)] = []
            for (record, bodyFile) in zip(records, bodyFiles) {
                let token = UUID().uuidString
                let claimed = try c.query("""
                    INSERT INTO pending_records (token, worker, day, manifest_line, canonical_url, source, id, content_hash,
                        revision, created_at)
                    SELECT $1, $2, $3, '', $4, $5, $6, $7, $8, $9
                    WHERE NOT EXISTS (SELECT 1 FROM urls WHERE canonical_url = $4 AND revision >= $8)
                    ON CONFLICT (canonical_url) DO NOTHING
                    """, [token, worker, day, record.canonicalURL, record.source, record.id, record.contentHash,
                          record.revision, now.timeIntervalSince1970]).affectedRows == 1
                guard claimed else { continue }
                // Committed by another worker while this insert waited on its journal row.
                if try c.query("SELECT 1 FROM urls WHERE canonical_url = $1 AND revision >= $2",
                               [record.canonicalURL, record.revision]).count > 0 {
                    try c.query("DELETE FROM pending_records WHERE token = $1", [token])
                    continue
                }
                accepted.append((record, record.body == nil ? nil : bodyFile, token))
            }
            let numbered = accepted.filter { $0.record.body != nil }.count
            var next = 0
            if numbered > 0 {
                let end = try c.query("""
                    INSERT INTO day_sequences (worker, day, next_seq) VALUES ($1, $2, $3)
                    ON CONFLICT (worker, day) DO UPDATE SET next_seq = day_sequences.next_seq + excluded.next_seq
                    RETURNING next_seq
                    """, [worker, day, numbered]).scalar(Int.self) ?? numbered
                next = end - numbered
            }
            var entries: [JournalEntry] = []
            for (record, bodyFile, token) in accepted {
                var manifest = record.manifest
                if record.body != nil {
                    manifest.seq = next
                    manifest.file = RecordFileName.make(seq: next, id: record.id)
                    next += 1
                } else {
                    manifest.seq = nil
                    manifest.file = nil
                }
                let entry = JournalEntry(
                    token: token, day: day, seq: manifest.seq, file: manifest.file,
                    manifestLine: try manifest.jsonLine(), body: record.body, bodyFile: bodyFile,
                    canonicalURL: record.canonicalURL, source: record.source, id: record.id,
                    contentHash: record.contentHash, revision: record.revision, duplicateOf: record.duplicateOf,
                    entryUpdatedAt: record.entryUpdatedAt, signature: record.signature)
                try c.query("""
                    UPDATE pending_records SET seq = $2, file = $3, manifest_line = $4, body = $5, body_file = $6,
                        duplicate_of = $7, entry_updated_at = $8, signature = $9
                    WHERE token = $1
                    """, [token, entry.seq, entry.file, entry.manifestLine, bodyFile == nil ? entry.body : nil, bodyFile,
                          entry.duplicateOf, entry.entryUpdatedAt?.timeIntervalSince1970, entry.signature])
                entries.append(entry)
            }
            return entries
        }
    }

    public func finishCommits(_ entries: [JournalEntry], at now: Date) throws {
        guard !entries.isEmpty else { return }
        try transaction { c in
            let t = now.timeIntervalSince1970
            // Taken first: the head row's lock serialises committers, so this transaction's
            // positions are the next ones in commit order.
            let last = try c.query("UPDATE record_log_head SET last_commit_seq = last_commit_seq + $1 WHERE id = 1 RETURNING last_commit_seq",
                                   [entries.count]).scalar(Int64.self) ?? Int64(entries.count)
            var commitSeq = last - Int64(entries.count)
            for entry in entries {
                commitSeq += 1
                try c.query("""
                    INSERT INTO records (commit_seq, day, seq, id, file, canonical_url, source, revision, duplicate_of,
                        committed_at, manifest_line, worker)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    """, [commitSeq, entry.day, entry.seq, entry.id, entry.file, entry.canonicalURL, entry.source,
                          entry.revision, entry.duplicateOf, t, entry.manifestLine, worker])
                let file = entry.file.map { "\(entry.day)/\($0)" }
                try c.query("""
                    INSERT INTO urls (canonical_url, id, source, content_hash, revision, last_file, entry_updated_at,
                        first_seen_at, last_seen_at, signature)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    ON CONFLICT (canonical_url) DO UPDATE SET content_hash = excluded.content_hash,
                        revision = excluded.revision, last_file = COALESCE(excluded.last_file, urls.last_file),
                        entry_updated_at = excluded.entry_updated_at, last_seen_at = excluded.last_seen_at,
                        signature = excluded.signature
                    """, [entry.canonicalURL, entry.id, entry.source, entry.contentHash, entry.revision, file,
                          entry.entryUpdatedAt?.timeIntervalSince1970, t, t, entry.signature])
            }
            try c.query("DELETE FROM url_queue WHERE canonical_url = ANY($1::text[])", [PGArray.literal(entries.map(\.canonicalURL))])
            try c.query("DELETE FROM pending_records WHERE token = ANY($1::text[])", [PGArray.literal(entries.map(\.token))])
        }
    }

    /// This worker's journal entries: another worker's are its own to finish when it restarts.
    public func pendingCommits() throws -> [JournalEntry] {
        try transaction { c in
            try c.query("SELECT * FROM pending_records WHERE worker = $1 ORDER BY created_at, seq NULLS FIRST", [worker]).rows.map { row in
                JournalEntry(token: try row.decode("token"), day: try row.decode("day"), seq: try row.decode("seq"),
                             file: try row.decode("file"), manifestLine: try row.decode("manifest_line"),
                             body: try row.decode("body"), bodyFile: try row.decode("body_file"),
                             canonicalURL: try row.decode("canonical_url"), source: try row.decode("source"),
                             id: try row.decode("id"), contentHash: try row.decode("content_hash"),
                             revision: try row.decode("revision"), duplicateOf: try row.decode("duplicate_of"),
                             entryUpdatedAt: Self.date(try row.decode("entry_updated_at")),
                             signature: try row.decode("signature"))
            }
        }
    }
}
