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
            // First the claims, one statement for the group: one journal row per URL across the
            // cluster (a unique index), and none for a URL already committed at this revision or
            // later. A second worker's insert of the same URL waits for the first's transaction,
            // then finds it taken.
            let tokens = records.map { _ in JournalToken.make() }
            let claimed = try Set(c.query("""
                INSERT INTO pending_records (token, worker, day, manifest_line, canonical_url, source, id, content_hash,
                    revision, created_at)
                SELECT u.token, $1, $2, '', u.canonical_url, u.source, u.id, u.content_hash, u.revision, $3
                FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
                    WITH ORDINALITY AS u (token, canonical_url, source, id, content_hash, revision, n)
                WHERE NOT EXISTS (SELECT 1 FROM urls WHERE urls.canonical_url = u.canonical_url AND urls.revision >= u.revision)
                ORDER BY u.n
                ON CONFLICT (canonical_url) DO NOTHING
                RETURNING token
                """, [worker, day, now.timeIntervalSince1970, PGArray.literal(tokens),
                      PGArray.literal(records.map(\.canonicalURL)), PGArray.literal(records.map(\.source)),
                      PGArray.literal(records.map(\.id)), PGArray.literal(records.map(\.contentHash)),
                      PGArray.literal(records.map { Optional($0.revision) })]).rows.map { try $0.decode(0, as: String.self) })
            // Committed by another worker while an insert waited on its journal row (the claim's
            // snapshot predates that commit; this statement's does not).
            let late = try Set(c.query("""
                DELETE FROM pending_records p USING urls
                WHERE p.token = ANY($1::text[]) AND urls.canonical_url = p.canonical_url AND urls.revision >= p.revision
                RETURNING p.token
                """, [PGArray.literal(Array(claimed))]).rows.map { try $0.decode(0, as: String.self) })
            let accepted = zip(zip(records, bodyFiles), tokens).compactMap { pair, token in
                claimed.contains(token) && !late.contains(token) ? (record: pair.0, bodyFile: pair.0.body == nil ? nil : pair.1, token: token) : nil
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
                entries.append(try JournalEntry.numbered(record, seq: next, bodyFile: bodyFile, token: token, day: day))
                if record.body != nil { next += 1 }
            }
            guard !entries.isEmpty else { return entries }
            try c.query("""
                UPDATE pending_records p SET seq = u.seq, file = u.file, manifest_line = u.manifest_line, body = u.body,
                    body_file = u.body_file, duplicate_of = u.duplicate_of, entry_updated_at = u.entry_updated_at,
                    signature = decode(u.signature, 'hex')
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::float8[], $9::text[])
                    AS u (token, seq, file, manifest_line, body, body_file, duplicate_of, entry_updated_at, signature)
                WHERE p.token = u.token
                """, [PGArray.literal(entries.map(\.token)), PGArray.literal(entries.map(\.seq)),
                      PGArray.literal(entries.map(\.file)), PGArray.literal(entries.map(\.manifestLine)),
                      PGArray.literal(entries.map { $0.bodyFile == nil ? $0.body : nil }), PGArray.literal(entries.map(\.bodyFile)),
                      PGArray.literal(entries.map(\.duplicateOf)),
                      PGArray.literal(entries.map { $0.entryUpdatedAt?.timeIntervalSince1970 }),
                      PGArray.literal(entries.map { $0.signature.map(Self.hex) })])
            return entries
        }
    }

    /// Bytes as lower-case hex, for `decode(…, 'hex')` inside a batched statement.
    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func finishCommits(_ entries: [JournalEntry], at now: Date) throws {
        guard !entries.isEmpty else { return }
        try transaction { c in
            let t = now.timeIntervalSince1970
            // Taken first: the head row's lock serialises committers, so this transaction's
            // positions are the next ones in commit order.
            let last = try c.query("UPDATE record_log_head SET last_commit_seq = last_commit_seq + $1 WHERE id = 1 RETURNING last_commit_seq",
                                   [entries.count]).scalar(Int64.self) ?? Int64(entries.count)
            // The group's rows in two statements: positions follow the entries' order.
            try c.query("""
                INSERT INTO records (commit_seq, day, seq, id, file, canonical_url, source, revision, duplicate_of,
                    committed_at, manifest_line, worker)
                SELECT $1 + u.n, u.day, u.seq, u.id, u.file, u.canonical_url, u.source, u.revision, u.duplicate_of, $2,
                    u.manifest_line, $3
                FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[],
                            $11::text[], $12::text[])
                    WITH ORDINALITY AS u (day, seq, id, file, canonical_url, source, revision, duplicate_of, manifest_line, n)
                """, [last - Int64(entries.count), t, worker, PGArray.literal(entries.map(\.day)),
                      PGArray.literal(entries.map(\.seq)), PGArray.literal(entries.map(\.id)),
                      PGArray.literal(entries.map(\.file)), PGArray.literal(entries.map(\.canonicalURL)),
                      PGArray.literal(entries.map(\.source)), PGArray.literal(entries.map { Optional($0.revision) }),
                      PGArray.literal(entries.map(\.duplicateOf)), PGArray.literal(entries.map(\.manifestLine))])
            try c.query("""
                INSERT INTO urls (canonical_url, id, source, content_hash, revision, last_file, entry_updated_at,
                    first_seen_at, last_seen_at, signature)
                SELECT u.canonical_url, u.id, u.source, u.content_hash, u.revision, u.last_file, u.entry_updated_at, $1, $1,
                    decode(u.signature, 'hex')
                FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::float8[], $9::text[])
                    AS u (canonical_url, id, source, content_hash, revision, last_file, entry_updated_at, signature)
                ON CONFLICT (canonical_url) DO UPDATE SET content_hash = excluded.content_hash,
                    revision = excluded.revision, last_file = COALESCE(excluded.last_file, urls.last_file),
                    entry_updated_at = excluded.entry_updated_at, last_seen_at = excluded.last_seen_at,
                    signature = excluded.signature
                """, [t, PGArray.literal(entries.map(\.canonicalURL)), PGArray.literal(entries.map(\.id)),
                      PGArray.literal(entries.map(\.source)), PGArray.literal(entries.map(\.contentHash)),
                      PGArray.literal(entries.map { Optional($0.revision) }),
                      PGArray.literal(entries.map { entry in entry.file.map { "\(entry.day)/\($0)" } }),
                      PGArray.literal(entries.map { $0.entryUpdatedAt?.timeIntervalSince1970 }),
                      PGArray.literal(entries.map { $0.signature.map(Self.hex) })])
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
