public import GRDB

/// The migrations of every component that keeps tables in the state database, for tools that
/// open the database outside a pass (`status`).
public enum StateStoreMigrations {
    public static var all: [@Sendable (inout DatabaseMigrator) -> Void] { DedupeGate.migrations }

    /// Texts in the dedupe index, counted in the database.
    public static func dedupeIndexSize(_ store: SQLiteStateStore) throws -> Int {
        try GRDBDedupeStorage(writer: store.database).entryCount()
    }
}
