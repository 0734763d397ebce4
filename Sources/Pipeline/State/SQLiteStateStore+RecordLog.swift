public import Foundation
import GRDB

/// The record log and consumer cursors. Readers use the pool's read connections (WAL), so a
/// consumer never blocks the writer; a cursor save is one short write transaction.
extension SQLiteStateStore {
    public func committedRecords(after position: Int64, through upper: Int64, filter: RecordLogFilter,
                                 limit: Int) throws -> [CommittedRecord] {
        let (sql, arguments) = Self.recordLogQuery(after: position, through: upper, filter: filter, limit: limit)
        return try database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                CommittedRecord(position: row[0], day: row[1], file: row[2], id: row[3], source: row[4], revision: row[5],
                                duplicateOf: row[6], manifestLine: row[7], worker: row[8])
            }
        }
    }

    /// The record log's query for `filter`, with its arguments.
    static func recordLogQuery(after position: Int64, through upper: Int64, filter: RecordLogFilter,
                               limit: Int) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["r.commit_seq > ?", "r.commit_seq <= ?"]
        var arguments: [any DatabaseValueConvertible] = [position, upper]
        if !filter.sources.isEmpty {
            conditions.append("r.source IN (\(Array(repeating: "?", count: filter.sources.count).joined(separator: ", ")))")
            arguments += filter.sources
        }
        if let since = filter.sinceDay {
            conditions.append("r.day >= ?")
            arguments.append(since)
        }
        if let until = filter.untilDay {
            conditions.append("r.day <= ?")
            arguments.append(until)
        }
        if !filter.workers.isEmpty {
            conditions.append("r.worker IN (\(Array(repeating: "?", count: filter.workers.count).joined(separator: ", ")))")
            arguments += filter.workers
        }
        if !filter.includeDuplicates { conditions.append("r.duplicate_of IS NULL") }
        if filter.latestRevisionOnly {
            conditions.append("NOT EXISTS (SELECT 1 FROM records n WHERE n.id = r.id AND n.revision > r.revision)")
        }
        arguments.append(limit)
        let sql = """
            SELECT r.commit_seq, r.day, r.file, r.id, r.source, r.revision, r.duplicate_of, r.manifest_line, r.worker
            FROM records r WHERE \(conditions.joined(separator: " AND ")) ORDER BY r.commit_seq LIMIT ?
            """
        return (sql, StatementArguments(arguments))
    }

    public func lastRecordPosition() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(commit_seq) FROM records") ?? 0 }
    }

    public func consumerPosition(_ name: String) throws -> Int64? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT position FROM consumers WHERE name = ?", arguments: [name])
        }
    }

    public func saveConsumerPosition(_ name: String, position: Int64, at now: Date) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO consumers (name, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """, arguments: [name, position, now.timeIntervalSince1970])
        }
    }

    public func consumers() throws -> [ConsumerCursor] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.name, c.position, c.updated_at,
                    (SELECT COUNT(*) FROM records r WHERE r.commit_seq > c.position) AS behind
                FROM consumers c ORDER BY c.name
                """).map { row in
                ConsumerCursor(name: row[0], position: row[1], updatedAt: Date(timeIntervalSince1970: row[2]), behind: row[3])
            }
        }
    }
}
