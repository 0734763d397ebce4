extension DedupeGate {
    /// The dedupe tables' migrations in a PostgreSQL state database, run with the state
    /// store's (`openStateStore(config:sqliteMigrations:postgresMigrations:)`).
    static let postgresMigrations: [PostgresMigration] = PostgresDedupeIndex.migrations

    /// The gate over a state database in PostgreSQL (the state store's pool: its migrations
    /// ran ``postgresMigrations``): the index is queried in place, so a reprint fetched by one
    /// worker of an original recorded by another is flagged.
    convenience init(config: DedupeConfig, postgres pool: PGConnectionPool) throws {
        self.init(engine: try DedupeEngine(configuration: config, postgres: pool))
    }
}
