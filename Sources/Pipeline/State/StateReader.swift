public import Foundation

/// The configured state opened outside a pass, for the commands that only read it or move
/// consumer cursors (`status`, `records`): the store, and the size of the dedupe index kept in
/// the same database.
public struct StateReader: Sendable {
    public let store: any StateStore
    /// This machine's worker when workers share a PostgreSQL state; nil with SQLite.
    public let localWorker: String?
    private let countIndex: @Sendable () throws -> Int

    /// Opens the state `config` names (PostgreSQL when `state.url` is set, else SQLite).
    public static func open(config: PipelineConfig) throws -> StateReader {
        if let url = config.state.url {
            let store = try PostgresStateStore(uri: url, worker: config.worker.name, maxConnections: 2,
                                               additionalMigrations: DedupeGate.postgresMigrations)
            return StateReader(store: store, localWorker: config.worker.name) {
                try store.pool.withConnection { c in
                    // Before the first pass the index tables do not exist yet.
                    guard try c.query("SELECT to_regclass('dedupe_doc') IS NOT NULL").scalar(Bool.self) == true else { return 0 }
                    return try c.query("SELECT count(*) FROM dedupe_doc").scalar(Int.self) ?? 0
                }
            }
        }
        return try open(sqlitePath: config.state.path)
    }

    /// Opens a SQLite state file.
    public static func open(sqlitePath: String) throws -> StateReader {
        let store = try SQLiteStateStore(path: sqlitePath, additionalMigrations: StateStoreMigrations.all)
        return StateReader(store: store, localWorker: nil) { try StateStoreMigrations.dedupeIndexSize(store) }
    }

    /// Texts in the near-duplicate index.
    public func dedupeIndexSize() throws -> Int { try countIndex() }
}
