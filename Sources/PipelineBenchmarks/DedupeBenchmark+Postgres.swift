public import Foundation
public import Pipeline

extension DedupeBenchmark {
    /// `copydesk-bench dedupe --postgres URI STREAM` (bench/dedupe_pg.sh): the serial step of
    /// ``runDatabase(stream:storage:settings:)`` — check, then insert with the decision, each
    /// its own transaction — on the PostgreSQL index, with the same `database.*` figures, so
    /// that the two backends compare line by line. Migrates the database first.
    public static func runPostgres(stream: Data, uri: String, settings: DedupeConfig) throws {
        let documents = try parsed(stream)
        let pool = PGConnectionPool(uri: uri, maxConnections: 1)
        let start = DispatchTime.now()
        try PostgresDedupeIndex.migrate(pool: pool)
        let engine = try DedupeEngine(configuration: settings, postgres: pool)
        FileHandle.standardOutput.write(Data("database.startup_seconds=\(String(format: "%.3f", seconds(since: start)))\n".utf8))
        try timeSerialStep(engine, documents)
    }
}
