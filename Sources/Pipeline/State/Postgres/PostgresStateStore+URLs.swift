public import Foundation

/// Known URLs and the retry queue. Lists travel as one array parameter (`= ANY($1)`,
/// `unnest`), so a whole feed is one statement, not one round trip per URL.
extension PostgresStateStore {
    public func knownURL(_ canonicalURL: String) throws -> KnownURL? {
        try transaction { c in
            try c.query("SELECT * FROM urls WHERE canonical_url = $1", [canonicalURL]).rows.first.map(Self.knownURL)
        }
    }

    public func knownURLs(_ canonicalURLs: [String]) throws -> [String: KnownURL] {
        guard !canonicalURLs.isEmpty else { return [:] }
        return try transaction { c in
            var found: [String: KnownURL] = [:]
            for row in try c.query("SELECT * FROM urls WHERE canonical_url = ANY($1::text[])", [PGArray.literal(canonicalURLs)]).rows {
                let known = try Self.knownURL(row)
                found[known.canonicalURL] = known
            }
            return found
        }
    }

    public func markUnchanged(_ canonicalURL: String, entryUpdatedAt: Date?, at now: Date) throws {
        try transaction { c in
            try c.query("UPDATE urls SET last_seen_at = $1, entry_updated_at = COALESCE($2, entry_updated_at) WHERE canonical_url = $3",
                        [now.timeIntervalSince1970, entryUpdatedAt?.timeIntervalSince1970, canonicalURL])
            try c.query("DELETE FROM url_queue WHERE canonical_url = $1", [canonicalURL])
        }
    }

    private static func knownURL(_ row: PGRow) throws -> KnownURL {
        KnownURL(canonicalURL: try row.decode("canonical_url"), id: try row.decode("id"), source: try row.decode("source"),
                 contentHash: try row.decode("content_hash"), revision: try row.decode("revision"),
                 lastFile: try row.decode("last_file"), entryUpdatedAt: date(try row.decode("entry_updated_at")),
                 signature: try row.decode("signature"))
    }

    // MARK: Retry queue

    public func enqueue(_ items: [QueuedURL]) throws {
        guard !items.isEmpty else { return }
        try transaction { c in
            try c.query("""
                INSERT INTO url_queue (canonical_url, url, source, entry_json, attempts, next_attempt_at, last_error, enqueued_at, host)
                SELECT u.canonical_url, u.url, u.source, u.entry_json, u.attempts, u.next_attempt_at, u.last_error, u.next_attempt_at, u.host
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::float8[], $7::text[], $8::text[])
                    WITH ORDINALITY AS u (canonical_url, url, source, entry_json, attempts, next_attempt_at, last_error, host, n)
                ORDER BY u.n
                ON CONFLICT (canonical_url) DO NOTHING
                """, [PGArray.literal(items.map(\.canonicalURL)), PGArray.literal(items.map(\.url)),
                      PGArray.literal(items.map(\.source)), PGArray.literal(items.map(\.entryJSON)),
                      PGArray.literal(items.map { Optional($0.attempts) }),
                      PGArray.literal(items.map { Optional($0.nextAttemptAt.timeIntervalSince1970) }),
                      PGArray.literal(items.map(\.lastError)), PGArray.literal(items.map { Optional(LeaseHost.of($0.url)) })])
        }
    }

    public func dueQueue(source: String?, now: Date, limit: Int) throws -> [QueuedURL] {
        // Round-robin over sources (each source's oldest first), as in the SQLite store.
        try transaction { c in
            try c.query("""
                SELECT * FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY source ORDER BY enqueued_at, canonical_url) AS turn
                    FROM url_queue WHERE next_attempt_at <= $1 AND ($2::text IS NULL OR source = $2)
                ) AS due ORDER BY turn, source LIMIT $3
                """, [now.timeIntervalSince1970, source, limit]).rows.map(Self.queuedURL)
        }
    }

    static func queuedURL(_ row: PGRow) throws -> QueuedURL {
        QueuedURL(canonicalURL: try row.decode("canonical_url"), url: try row.decode("url"),
                  source: try row.decode("source"), entryJSON: try row.decode("entry_json"),
                  attempts: try row.decode("attempts"),
                  nextAttemptAt: Date(timeIntervalSince1970: try row.decode("next_attempt_at")),
                  lastError: try row.decode("last_error"))
    }

    public func dequeue(_ canonicalURLs: [String]) throws {
        guard !canonicalURLs.isEmpty else { return }
        try transaction { c in
            try c.query("DELETE FROM url_queue WHERE canonical_url = ANY($1::text[])", [PGArray.literal(canonicalURLs)])
        }
    }

    public func stillDue(_ canonicalURLs: [String], now: Date) throws -> Set<String> {
        guard !canonicalURLs.isEmpty else { return [] }
        return try transaction { c in
            try Set(c.query("SELECT canonical_url FROM url_queue WHERE next_attempt_at <= $1 AND canonical_url = ANY($2::text[])",
                            [now.timeIntervalSince1970, PGArray.literal(canonicalURLs)]).rows.map { try $0.decode(0, as: String.self) })
        }
    }

    public func deferQueued(_ canonicalURL: String, error: String, nextAttempt: Date) throws {
        try transaction { c in
            try c.query("UPDATE url_queue SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE canonical_url = $3",
                        [error, nextAttempt.timeIntervalSince1970, canonicalURL])
        }
    }

    public func queueCount() throws -> Int {
        try transaction { c in try c.query("SELECT COUNT(*) FROM url_queue").scalar(Int.self) ?? 0 }
    }
}
