public import Foundation

/// Runs, reporting and backfill checkpoints.
extension PostgresStateStore {
    public func beginRun(kind: String, pid: Int32, at now: Date) throws -> Int64 {
        try transaction { c in
            try c.query("INSERT INTO runs (worker, kind, pid, started_at) VALUES ($1, $2, $3, $4) RETURNING id",
                        [worker, kind, pid, now.timeIntervalSince1970]).scalar(Int64.self) ?? 0
        }
    }

    public func finishRun(id: Int64, outcome: String, summaryJSON: String?, at now: Date) throws {
        try transaction { c in
            try c.query("UPDATE runs SET finished_at = $1, outcome = $2, summary_json = $3 WHERE id = $4",
                        [now.timeIntervalSince1970, outcome, summaryJSON, id])
        }
    }

    public func recordsPerDay(days: Int) throws -> [DailyCount] {
        let since = ManifestDates.day(Date().addingTimeInterval(-Double(days - 1) * 86_400))
        return try transaction { c in
            try c.query("""
                SELECT day, source, COUNT(*) AS n FROM records WHERE day >= $1
                GROUP BY day, source ORDER BY day DESC, source
                """, [since]).rows.map { DailyCount(day: try $0.decode(0), source: try $0.decode(1), records: try $0.decode(2)) }
        }
    }

    /// Records per day over the last `days` days, newest first, per worker, for a cluster's
    /// status.
    public func recordsPerWorker(days: Int) throws -> [WorkerDailyCount] {
        let since = ManifestDates.day(Date().addingTimeInterval(-Double(days - 1) * 86_400))
        return try transaction { c in
            try c.query("""
                SELECT day, worker, COUNT(*) AS n FROM records WHERE day >= $1
                GROUP BY day, worker ORDER BY day DESC, worker
                """, [since]).rows.map { WorkerDailyCount(day: try $0.decode(0), worker: try $0.decode(1), records: try $0.decode(2)) }
        }
    }

    /// The most recent runs of every worker of the cluster.
    public func recentRuns(limit: Int) throws -> [RunRecord] {
        try transaction { c in
            try c.query("SELECT * FROM runs ORDER BY id DESC LIMIT $1", [limit]).rows.map { row in
                RunRecord(id: try row.decode("id"), kind: try row.decode("kind"),
                          startedAt: Date(timeIntervalSince1970: try row.decode("started_at")),
                          finishedAt: Self.date(try row.decode("finished_at")), outcome: try row.decode("outcome"),
                          withoutText: RunSummaryJSON.withoutText(try row.decode("summary_json")))
            }
        }
    }

    // MARK: Backfill

    public func isBackfillItemDone(job: String, item: String) throws -> Bool {
        try transaction { c in try c.query("SELECT 1 FROM backfill_done WHERE job = $1 AND item = $2", [job, item]).count > 0 }
    }

    public func markBackfillItemsDone(job: String, items: [String]) throws {
        guard !items.isEmpty else { return }
        try transaction { c in
            try c.query("INSERT INTO backfill_done (job, item) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
                        [job, PGArray.literal(items)])
        }
    }

    public func backfillProgress(job: String) throws -> Int {
        try transaction { c in try c.query("SELECT COUNT(*) FROM backfill_done WHERE job = $1", [job]).scalar(Int.self) ?? 0 }
    }

    public func checkpoint(job: String) throws -> (position: String, done: Bool)? {
        try transaction { c in
            try c.query("SELECT position, done FROM backfill_checkpoints WHERE job = $1", [job]).rows.first.map {
                (position: try $0.decode(0, as: String.self), done: try $0.decode(1, as: Bool.self))
            }
        }
    }

    public func saveCheckpoint(job: String, position: String, done: Bool, at now: Date) throws {
        try transaction { c in
            try c.query("""
                INSERT INTO backfill_checkpoints (job, position, done, updated_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (job) DO UPDATE SET position = excluded.position, done = excluded.done, updated_at = excluded.updated_at
                """, [job, position, done, now.timeIntervalSince1970])
        }
    }
}
