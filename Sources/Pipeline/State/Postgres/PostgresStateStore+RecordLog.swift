public import Foundation

/// The record log and consumer cursors, shared by every worker of the cluster.
extension PostgresStateStore {
    public func committedRecords(after position: Int64, through upper: Int64, filter: RecordLogFilter,
                                 limit: Int) throws -> [CommittedRecord] {
        var conditions = ["r.commit_seq > $1", "r.commit_seq <= $2"]
        var arguments: [any PostgresBindable] = [position, upper]
        if !filter.sources.isEmpty {
            arguments.append(PGArray.literal(filter.sources))
            conditions.append("r.source = ANY($\(arguments.count)::text[])")
        }
        if let since = filter.sinceDay {
            arguments.append(since)
            conditions.append("r.day >= $\(arguments.count)")
        }
        if let until = filter.untilDay {
            arguments.append(until)
            conditions.append("r.day <= $\(arguments.count)")
        }
        if !filter.workers.isEmpty {
            arguments.append(PGArray.literal(filter.workers))
            conditions.append("r.worker = ANY($\(arguments.count)::text[])")
        }
        if !filter.includeDuplicates { conditions.append("r.duplicate_of IS NULL") }
        if filter.latestRevisionOnly {
            conditions.append("NOT EXISTS (SELECT 1 FROM records n WHERE n.id = r.id AND n.revision > r.revision)")
        }
        arguments.append(limit)
        let sql = """
            SELECT r.commit_seq, r.day, r.file, r.id, r.source, r.revision, r.duplicate_of, r.manifest_line, r.worker
            FROM records r WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.commit_seq LIMIT $\(arguments.count)
            """
        return try transaction { c in
            try c.query(sql, arguments).rows.map { row in
                CommittedRecord(position: try row.decode(0), day: try row.decode(1), file: try row.decode(2),
                                id: try row.decode(3), source: try row.decode(4), revision: try row.decode(5),
                                duplicateOf: try row.decode(6), manifestLine: try row.decode(7), worker: try row.decode(8))
            }
        }
    }

    public func lastRecordPosition() throws -> Int64 {
        try transaction { c in try c.query("SELECT last_commit_seq FROM record_log_head WHERE id = 1").scalar(Int64.self) ?? 0 }
    }

    public func consumerPosition(_ name: String) throws -> Int64? {
        try transaction { c in try c.query("SELECT position FROM consumers WHERE name = $1", [name]).scalar(Int64.self) }
    }

    public func saveConsumerPosition(_ name: String, position: Int64, at now: Date) throws {
        try transaction { c in
            try c.query("""
                INSERT INTO consumers (name, position, updated_at) VALUES ($1, $2, $3)
                ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """, [name, position, now.timeIntervalSince1970])
        }
    }

    public func consumers() throws -> [ConsumerCursor] {
        try transaction { c in
            try c.query("""
                SELECT c.name, c.position, c.updated_at,
                    (SELECT COUNT(*) FROM records r WHERE r.commit_seq > c.position) AS behind
                FROM consumers c ORDER BY c.name
                """).rows.map { row in
                ConsumerCursor(name: try row.decode(0), position: try row.decode(1),
                               updatedAt: Date(timeIntervalSince1970: try row.decode(2)), behind: try row.decode(3))
            }
        }
    }
}
