public import Foundation

/// Leases in PostgreSQL: the same contract as in SQLite, race-free under READ COMMITTED. A
/// lease row is locked (`SELECT … FOR UPDATE`) before it is judged, so two workers claiming
/// one host or source at the same instant are serialised on that row and the second sees the
/// first's claim; deadlocks between claims taken in different orders are retried by the pool.
extension PostgresStateStore {
    public func heartbeat(worker: String, pid: Int32, now: Date, until: Date) throws {
        try pool.transaction { c in
            let t = now.timeIntervalSince1970, end = until.timeIntervalSince1970
            if let earlier = try c.query("SELECT pid FROM workers WHERE name = $1 FOR UPDATE", [worker]).scalar(Int32.self),
               earlier != pid {
                // The same worker restarted: its old process's leases go, each host marked used now.
                _ = try c.query("DELETE FROM source_leases WHERE worker = $1", [worker])
                _ = try c.query("DELETE FROM backfill_leases WHERE worker = $1", [worker])
                _ = try c.query("UPDATE host_leases SET worker = NULL, expires_at = 0, last_request_at = $2 WHERE worker = $1", [worker, t])
            }
            _ = try c.query("""
                INSERT INTO workers (name, pid, started_at, last_seen_at) VALUES ($1, $2, $3, $3)
                ON CONFLICT (name) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, pid = EXCLUDED.pid,
                    started_at = CASE WHEN workers.pid = EXCLUDED.pid THEN workers.started_at ELSE EXCLUDED.started_at END
                """, [worker, pid, t])
            _ = try c.query("UPDATE source_leases SET expires_at = $2 WHERE worker = $1", [worker, end])
            _ = try c.query("UPDATE host_leases SET expires_at = $2 WHERE worker = $1", [worker, end])
            _ = try c.query("UPDATE backfill_leases SET expires_at = $2 WHERE worker = $1", [worker, end])
        }
    }

    public func claimSources(_ claims: [SourceClaim], worker: String, dueBy: Date?, limit: Int, now: Date, until: Date) throws -> SourceGrant {
        guard !claims.isEmpty else { return SourceGrant(sources: [], hosts: []) }
        return try pool.transaction { c in
            let t = now.timeIntervalSince1970, end = until.timeIntervalSince1970
            var granted: [String] = []
            var handovers: [HostHandover] = []
            for claim in claims where granted.count < limit {
                guard let host = try Self.lockHost(claim.host, worker: worker, now: now, c) else { continue }
                // The source's lease row: taken only when free, expired or already ours.
                let took = try c.query("""
                    INSERT INTO source_leases (name, worker, expires_at) VALUES ($1, $2, $3)
                    ON CONFLICT (name) DO UPDATE SET worker = EXCLUDED.worker, expires_at = EXCLUDED.expires_at
                    WHERE source_leases.worker = EXCLUDED.worker OR source_leases.expires_at <= $4
                    """, [claim.name, worker, end, t]).affectedRows == 1
                guard took else { continue }
                // Checked once the lease row is ours: a worker that polled it saved the next
                // poll time before giving the lease back, so this sees it.
                if let dueBy, try c.query("SELECT 1 FROM sources WHERE name = $1 AND url = $2 AND next_poll_at > $3",
                                          [claim.name, claim.url, dueBy.timeIntervalSince1970]).count > 0 {
                    _ = try c.query("DELETE FROM source_leases WHERE name = $1 AND worker = $2", [claim.name, worker])
                    continue
                }
                if let handover = try Self.takeHost(host, worker: worker, until: until, c) { handovers.append(handover) }
                granted.append(claim.name)
            }
            return SourceGrant(sources: granted, hosts: handovers)
        }
    }

    public func releaseSources(_ names: [String], worker: String) throws {
        guard !names.isEmpty else { return }
        try pool.transaction { c in
            _ = try c.query("DELETE FROM source_leases WHERE worker = $2 AND name IN (SELECT json_array_elements_text($1::json))",
                            [Self.jsonArray(names), worker])
        }
    }

    public func claimQueue(worker: String, sources: [String], now: Date, until: Date, share: Int, limit: Int) throws -> QueueGrant {
        try pool.transaction { c in
            let t = now.timeIntervalSince1970, end = until.timeIntervalSince1970
            let sourceList = Self.jsonArray(sources)
            _ = try c.query("UPDATE host_leases SET expires_at = $2 WHERE worker = $1 AND expires_at > $3", [worker, end, t])
            let free = try c.query("""
                SELECT q.host FROM url_queue q
                WHERE q.next_attempt_at <= $1 AND q.source IN (SELECT json_array_elements_text($2::json))
                  AND NOT EXISTS (SELECT 1 FROM host_leases h WHERE h.host = q.host AND h.worker IS NOT NULL AND h.expires_at > $1)
                GROUP BY q.host ORDER BY MIN(q.enqueued_at), q.host
                """, [t, sourceList]).rows.map { try $0.decode(0, as: String.self) }
            // A fair share of every host with due work (free or held), less what it holds.
            let busy = try c.query("""
                SELECT COUNT(DISTINCT host) FROM url_queue
                WHERE next_attempt_at <= $1 AND source IN (SELECT json_array_elements_text($2::json))
                """, [t, sourceList]).scalar(Int.self) ?? 0
            let held = try c.query("SELECT COUNT(*) FROM host_leases WHERE worker = $1 AND expires_at > $2",
                                   [worker, t]).scalar(Int.self) ?? 0
            let take = max(0, (busy + max(1, share) - 1) / max(1, share) - held)
            var handovers: [HostHandover] = []
            for name in free.prefix(take) {
                // Another worker may have taken it since the list was read: the locked row decides.
                guard let host = try Self.lockHost(name, worker: worker, now: now, c) else { continue }
                if let handover = try Self.takeHost(host, worker: worker, until: until, c) { handovers.append(handover) }
            }
            let rows = try c.query("""
                SELECT * FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY source ORDER BY enqueued_at, canonical_url) AS turn
                    FROM url_queue
                    WHERE next_attempt_at <= $1 AND source IN (SELECT json_array_elements_text($2::json))
                      AND host IN (SELECT host FROM host_leases WHERE worker = $3 AND expires_at > $1)
                ) AS due ORDER BY turn, source LIMIT $4
                """, [t, sourceList, worker, limit]).rows
            return QueueGrant(items: try rows.map(Self.queuedURL), hosts: handovers)
        }
    }

    public func releaseHosts(_ uses: [HostUse], worker: String) throws {
        guard !uses.isEmpty else { return }
        try pool.transaction { c in
            for use in uses.sorted(by: { $0.host < $1.host }) {
                _ = try c.query("""
                    UPDATE host_leases SET worker = NULL, expires_at = 0,
                        last_request_at = COALESCE($1, last_request_at), delay = $2
                    WHERE host = $3 AND worker = $4
                    """, [use.lastRequestAt?.timeIntervalSince1970, use.delay, use.host, worker])
            }
        }
    }

    public func claimBackfillItem(job: String, item: String, worker: String, now: Date, until: Date) throws -> Bool {
        try pool.transaction { c in
            try c.query("""
                INSERT INTO backfill_leases (job, item, worker, expires_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (job, item) DO UPDATE SET worker = EXCLUDED.worker, expires_at = EXCLUDED.expires_at
                WHERE backfill_leases.worker = EXCLUDED.worker OR backfill_leases.expires_at <= $5
                """, [job, item, worker, until.timeIntervalSince1970, now.timeIntervalSince1970]).affectedRows == 1
        }
    }

    public func releaseBackfillItem(job: String, item: String, worker: String) throws {
        try pool.transaction { c in
            _ = try c.query("DELETE FROM backfill_leases WHERE job = $1 AND item = $2 AND worker = $3", [job, item, worker])
        }
    }

    public func workers(now: Date) throws -> [WorkerRecord] {
        try pool.withConnection { c in
            let t = now.timeIntervalSince1970
            return try c.query("""
                SELECT w.name, w.pid, w.started_at, w.last_seen_at,
                    (SELECT COUNT(*) FROM source_leases s WHERE s.worker = w.name AND s.expires_at > $1) AS sources,
                    (SELECT COUNT(*) FROM host_leases h WHERE h.worker = w.name AND h.expires_at > $1) AS hosts,
                    (SELECT COUNT(*) FROM records r WHERE r.worker = w.name) AS records
                FROM workers w ORDER BY w.name
                """, [t]).rows.map { row in
                WorkerRecord(name: try row.decode("name"), pid: try row.decode("pid"),
                             startedAt: Date(timeIntervalSince1970: try row.decode("started_at")),
                             lastSeenAt: Date(timeIntervalSince1970: try row.decode("last_seen_at")),
                             sourceLeases: try row.decode("sources"), hostLeases: try row.decode("hosts"),
                             records: try row.decode("records"))
            }
        }
    }

    /// A host's lease row, locked for this transaction, and how it stands.
    struct LockedHost {
        var name: String
        var holder: String?
        var expiresAt: Double
        var lastRequestAt: Double?
        var delay: Double
        var isOurs: Bool
    }

    /// Locks `host`'s row (creating it) and returns it unless another worker holds a live lease.
    private static func lockHost(_ host: String, worker: String, now: Date, _ c: PGConnection) throws -> LockedHost? {
        _ = try c.query("INSERT INTO host_leases (host, worker, expires_at) VALUES ($1, NULL, 0) ON CONFLICT (host) DO NOTHING", [host])
        guard let row = try c.query("SELECT worker, expires_at, last_request_at, delay FROM host_leases WHERE host = $1 FOR UPDATE",
                                    [host]).rows.first else { return nil }
        let holder: String? = try row.decode("worker")
        let expires: Double = try row.decode("expires_at")
        let live = holder != nil && expires > now.timeIntervalSince1970
        if live && holder != worker { return nil }
        return LockedHost(name: host, holder: holder, expiresAt: expires, lastRequestAt: try row.decode("last_request_at"),
                          delay: try row.decode("delay"), isOurs: live && holder == worker)
    }

    /// Leases a locked host to `worker`; the handover when it was not already the worker's.
    private static func takeHost(_ host: LockedHost, worker: String, until: Date, _ c: PGConnection) throws -> HostHandover? {
        _ = try c.query("UPDATE host_leases SET worker = $2, expires_at = $3 WHERE host = $1", [host.name, worker, until.timeIntervalSince1970])
        if host.isOurs { return nil }
        var notBefore = host.lastRequestAt.map { $0 + host.delay }
        // A holder that vanished may have sent a request up to the moment its lease ran out.
        if let holder = host.holder, holder != worker { notBefore = max(notBefore ?? 0, host.expiresAt + host.delay) }
        return HostHandover(host: host.name, notBefore: notBefore.map { Date(timeIntervalSince1970: $0) })
    }

    static func jsonArray(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

extension PostgresStateStore {
    /// The advisory lock key of deciding-and-committing ("cdcommit").
    static let commitLockKey: Int64 = 0x6364_636F_6D6D_6974

    /// Holds a session advisory lock on a connection of its own for the duration of `body`
    /// (which uses other pooled connections): every worker's writer takes it around a group's
    /// dedupe decision and commit. A worker that dies loses its session, and the lock with it.
    public func exclusively<T>(_ body: (_ release: () -> Void) throws -> T) throws -> T {
        try pool.withConnection { c in
            try c.query("SELECT pg_advisory_lock($1)", [Self.commitLockKey])
            var held = true
            let release = {
                if held { _ = try? c.query("SELECT pg_advisory_unlock($1)", [Self.commitLockKey]) }
                held = false
            }
            defer { release() }
            return try body(release)
        }
    }
}
