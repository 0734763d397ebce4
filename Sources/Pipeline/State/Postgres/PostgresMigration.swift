/// One schema step of the PostgreSQL state database: append-only and named by a string, like
/// the SQLite migrations; never edit a shipped one, add a new one.
public struct PostgresMigration: Sendable, Equatable {
    public let name: String
    /// Statements run in order, in the migrating transaction.
    public let statements: [String]

    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

/// Why a PostgreSQL state database cannot be used.
public enum PostgresStateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database holds migrations this program does not know: a newer copydesk upgraded it.
    case schemaNewerThanWorker(unknownMigrations: [String])

    public var description: String {
        switch self {
        case .schemaNewerThanWorker(let names):
            "the PostgreSQL state database was migrated by a newer copydesk (unknown migrations: "
                + names.joined(separator: ", ") + "); upgrade this worker before running it against that database"
        }
    }
}

/// Applies ``PostgresMigration``s once per database, however many workers start at once.
enum PostgresMigrator {
    /// The `pg_advisory_xact_lock` key that makes migrating one worker at a time ("copydesk"
    /// in ASCII).
    static let lockKey: Int64 = 0x636F_7079_6465_736B

    static func migrate(_ connection: PGConnection, _ migrations: [PostgresMigration], at time: Double) throws {
        try connection.transaction { c in
            try c.query("SELECT pg_advisory_xact_lock($1)", [lockKey])
            try c.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY,
                    applied_at DOUBLE PRECISION NOT NULL
                )
                """)
            let applied = try Set(c.query("SELECT name FROM schema_migrations").rows.map { try $0.decode(0, as: String.self) })
            let known = Set(migrations.map(\.name))
            let unknown = applied.subtracting(known)
            guard unknown.isEmpty else { throw PostgresStateStoreError.schemaNewerThanWorker(unknownMigrations: unknown.sorted()) }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try c.query(statement) }
                try c.query("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [migration.name, time])
            }
        }
    }
}

extension PostgresStateStore {
    /// Connects to `uri` and compares its schema with this program's, without changing it:
    /// the state migrations not applied yet (a new or older database, migrated by the first
    /// pass). Throws ``PostgresStateStoreError/schemaNewerThanWorker(unknownMigrations:)`` when
    /// the database holds one this program does not know, and `PostgresError` when it cannot
    /// connect.
    public static func checkSchema(uri: String) throws -> [String] {
        let connection = try PGConnection(uri: uri)
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL").scalar(Bool.self) == true
        let applied = exists
            ? try Set(connection.query("SELECT name FROM schema_migrations").rows.map { try $0.decode(0, as: String.self) })
            : []
        let known = PostgresStateMigrations.all.map(\.name)
        let unknown = applied.subtracting(known).filter { $0.hasPrefix("state-") }
        guard unknown.isEmpty else { throw PostgresStateStoreError.schemaNewerThanWorker(unknownMigrations: unknown.sorted()) }
        return known.filter { !applied.contains($0) }
    }
}
