public import Foundation
import GRDB

/// Leases in SQLite: several processes on one machine (a timer run beside a backfill, or two
/// workers) share sources and hosts the same way workers share them in PostgreSQL. Each method
/// is one write transaction, so a claim and its checks cannot interleave with another's.
extension SQLiteStateStore {
    public func heartbeat(worker: String, pid: Int32, now: Date, until: Date) throws {
        try database.write { db in
            let t = now.timeIntervalSince1970
            if let earlier = try Int32.fetchOne(db, sql: "SELECT pid FROM workers WHERE name = ?", arguments: [worker]), earlier != pid {
                try db.execute(sql: "DELETE FROM source_leases WHERE worker = ?", arguments: [worker])
                try db.execute(sql: "DELETE FROM backfill_leases WHERE worker = ?", arguments: [worker])
                try db.execute(sql: """
                    UPDATE host_leases SET worker = NULL, expires_at = 0, last_request_at = ? WHERE worker = ?
                    """, arguments: [t, worker])
            }
            try db.execute(sql: """
                INSERT INTO workers (name, pid, started_at, last_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET last_seen_at = excluded.last_seen_at, pid = excluded.pid,
                    started_at = CASE WHEN workers.pid = excluded.pid THEN workers.started_at ELSE excluded.started_at END
                """, arguments: [worker, pid, now.timeIntervalSince1970, now.timeIntervalSince1970])
            try db.execute(sql: "UPDATE source_leases SET expires_at = ? WHERE worker = ?", arguments: [until.timeIntervalSince1970, worker])
            try db.execute(sql: "UPDATE host_leases SET expires_at = ? WHERE worker = ?", arguments: [until.timeIntervalSince1970, worker])
            try db.execute(sql: "UPDATE backfill_leases SET expires_at = ? WHERE worker = ?", arguments: [until.timeIntervalSince1970, worker])
        }
    }

    public func claimBackfillItem(job: String, item: String, worker: String, now: Date, until: Date) throws -> Bool {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO backfill_leases (job, item, worker, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(job, item) DO UPDATE SET worker = excluded.worker, expires_at = excluded.expires_at
                WHERE backfill_leases.worker = excluded.worker OR backfill_leases.expires_at <= ?
                """, arguments: [job, item, worker, until.timeIntervalSince1970, now.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    public func releaseBackfillItem(job: String, item: String, worker: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM backfill_leases WHERE job = ? AND item = ? AND worker = ?", arguments: [job, item, worker])
        }
    }

    public func claimSources(_ claims: [SourceClaim], worker: String, dueBy: Date?, limit: Int, now: Date, until: Date) throws -> SourceGrant {
        guard !claims.isEmpty else { return SourceGrant(sources: [], hosts: []) }
        return try database.write { db in
            var granted: [String] = []
            var handovers: [HostHandover] = []
            for claim in claims where granted.count < limit {
                if let dueBy, try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM sources WHERE name = ? AND url = ? AND next_poll_at > ?
                    """, arguments: [claim.name, claim.url, dueBy.timeIntervalSince1970]) == true {
                    continue  // polled since the caller looked
                }
                if let holder = try Row.fetchOne(db, sql: "SELECT worker, expires_at FROM source_leases WHERE name = ?", arguments: [claim.name]),
                   holder["worker"] as String != worker, holder["expires_at"] as Double > now.timeIntervalSince1970 {
                    continue
                }
                guard let handover = try Self.leaseHost(claim.host, worker: worker, now: now, until: until, db) else { continue }
                if let handover { handovers.append(handover) }
                try db.execute(sql: """
                    INSERT INTO source_leases (name, worker, expires_at) VALUES (?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET worker = excluded.worker, expires_at = excluded.expires_at
                    """, arguments: [claim.name, worker, until.timeIntervalSince1970])
                granted.append(claim.name)
            }
            return SourceGrant(sources: granted, hosts: handovers)
        }
    }

    public func releaseSources(_ names: [String], worker: String) throws {
        guard !names.isEmpty else { return }
        try database.write { db in
            for name in names {
                try db.execute(sql: "DELETE FROM source_leases WHERE name = ? AND worker = ?", arguments: [name, worker])
            }
        }
    }

    public func claimQueue(worker: String, sources: [String], now: Date, until: Date, share: Int, limit: Int) throws -> QueueGrant {
        try database.write { db in
            let t = now.timeIntervalSince1970
            let sourceList = String(decoding: try JSONEncoder().encode(sources), as: UTF8.self)
            try db.execute(sql: "UPDATE host_leases SET expires_at = ? WHERE worker = ? AND expires_at > ?",
                           arguments: [until.timeIntervalSince1970, worker, t])
            let free = try String.fetchAll(db, sql: """
                SELECT q.host FROM url_queue q
                WHERE q.next_attempt_at <= ? AND q.source IN (SELECT value FROM json_each(?))
                  AND NOT EXISTS (SELECT 1 FROM host_leases h WHERE h.host = q.host AND h.worker IS NOT NULL AND h.expires_at > ?)
                GROUP BY q.host ORDER BY MIN(q.enqueued_at), q.host
                """, arguments: [t, sourceList, t])
            // A fair share of every host with due work (free or held), less what it holds.
            let busy = try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT host) FROM url_queue
                WHERE next_attempt_at <= ? AND source IN (SELECT value FROM json_each(?))
                """, arguments: [t, sourceList]) ?? 0
            let held = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM host_leases WHERE worker = ? AND expires_at > ?
                """, arguments: [worker, t]) ?? 0
            let take = max(0, (busy + max(1, share) - 1) / max(1, share) - held)
            var handovers: [HostHandover] = []
            for host in free.prefix(take) {
                if let handover = try Self.leaseHost(host, worker: worker, now: now, until: until, db), let handover {
                    handovers.append(handover)
                }
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY source ORDER BY enqueued_at, canonical_url) AS turn
                    FROM url_queue
                    WHERE next_attempt_at <= ? AND source IN (SELECT value FROM json_each(?))
                      AND host IN (SELECT host FROM host_leases WHERE worker = ? AND expires_at > ?)
                ) AS due ORDER BY turn, source LIMIT ?
                """, arguments: [t, sourceList, worker, t, limit])
            return QueueGrant(items: rows.map(Self.queuedURL), hosts: handovers)
        }
    }

    public func releaseHosts(_ uses: [HostUse], worker: String) throws {
        guard !uses.isEmpty else { return }
        try database.write { db in
            for use in uses {
                try db.execute(sql: """
                    UPDATE host_leases SET worker = NULL, expires_at = 0,
                        last_request_at = COALESCE(?, last_request_at), delay = ?
                    WHERE host = ? AND worker = ?
                    """, arguments: [use.lastRequestAt?.timeIntervalSince1970, use.delay, use.host, worker])
            }
        }
    }

    public func workers(now: Date) throws -> [WorkerRecord] {
        try database.read { db in
            let t = now.timeIntervalSince1970
            return try Row.fetchAll(db, sql: """
                SELECT w.name, w.pid, w.started_at, w.last_seen_at,
                    (SELECT COUNT(*) FROM source_leases s WHERE s.worker = w.name AND s.expires_at > ?) AS sources,
                    (SELECT COUNT(*) FROM host_leases h WHERE h.worker = w.name AND h.expires_at > ?) AS hosts,
                    (SELECT COUNT(*) FROM records r WHERE r.worker = w.name) AS records
                FROM workers w ORDER BY w.name
                """, arguments: [t, t]).map { row in
                WorkerRecord(name: row["name"], pid: row["pid"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                             lastSeenAt: Date(timeIntervalSince1970: row["last_seen_at"]), sourceLeases: row["sources"],
                             hostLeases: row["hosts"], records: row["records"])
            }
        }
    }

    /// Leases `host` to `worker` unless another worker holds it. Returns nil when it is held by
    /// another, `.some(nil)` when the worker already held it, and the handover otherwise.
    private static func leaseHost(_ host: String, worker: String, now: Date, until: Date, _ db: Database) throws -> HostHandover?? {
        let t = now.timeIntervalSince1970
        let row = try Row.fetchOne(db, sql: "SELECT worker, expires_at, last_request_at, delay FROM host_leases WHERE host = ?", arguments: [host])
        let holder: String? = row?["worker"]
        let expires: Double = row?["expires_at"] ?? 0
        if let holder, expires > t {
            guard holder == worker else { return nil }
            try db.execute(sql: "UPDATE host_leases SET expires_at = ? WHERE host = ?", arguments: [until.timeIntervalSince1970, host])
            return .some(nil)
        }
        let delay: Double = row?["delay"] ?? 0
        var notBefore: Double?
        if let last: Double = row?["last_request_at"] { notBefore = last + delay }
        // A holder that vanished without giving the host back may have sent a request up to
        // the moment its lease ran out.
        if let holder, holder != worker { notBefore = max(notBefore ?? 0, expires + delay) }
        try db.execute(sql: """
            INSERT INTO host_leases (host, worker, expires_at) VALUES (?, ?, ?)
            ON CONFLICT(host) DO UPDATE SET worker = excluded.worker, expires_at = excluded.expires_at
            """, arguments: [host, worker, until.timeIntervalSince1970])
        return .some(HostHandover(host: host, notBefore: notBefore.map { Date(timeIntervalSince1970: $0) }))
    }
}
