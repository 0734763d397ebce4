import GRDB
import GRDBSQLite

/// Runs a statement that returns one integer column through SQLite's C interface: binds
/// integers and reads each row's value, with none of the per-value boxing of GRDB's generic
/// cursors. The dedupe index's posting lookups (128 keys in, a few hundred integers out, on
/// every check) spent more time in that boxing than in SQLite.
///
/// The statement stays GRDB's (prepared and cached by the connection): it is only borrowed,
/// inside the database access that provided it, and left reset.
enum SQLStatementRows {
    static func forEach(_ statement: Statement, binding values: [Int64], in db: Database,
                        _ body: (Int64) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (index, value) in values.enumerated() {
            let code = sqlite3_bind_int64(handle, Int32(index + 1), value)
            guard code == SQLITE_OK else { throw error(code, db, statement) }
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, db, statement) }
            try body(sqlite3_column_int64(handle, 0))
        }
    }

    private static func error(_ code: Int32, _ db: Database, _ statement: Statement) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
