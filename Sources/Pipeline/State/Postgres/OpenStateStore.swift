public import GRDB

/// Opens the state store the configuration names: PostgreSQL when `state.url` is set (a
/// cluster of workers, this one named by `worker.name`), else the SQLite file at `state.path`.
/// `sqliteMigrations` and `postgresMigrations` are those of components keeping their tables
/// in the same database (the dedupe index).
public func openStateStore(config: PipelineConfig,
                           sqliteMigrations: [@Sendable (inout DatabaseMigrator) -> Void] = [],
                           postgresMigrations: [PostgresMigration] = []) throws -> any StateStore {
    if let url = config.state.url {
        return try PostgresStateStore(uri: url, worker: config.worker.name, additionalMigrations: postgresMigrations)
    }
    return try SQLiteStateStore(path: config.state.path, additionalMigrations: sqliteMigrations)
}
