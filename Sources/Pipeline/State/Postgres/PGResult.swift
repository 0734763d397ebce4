import CLibPQ

/// The rows a statement returned, owning libpq's result (freed in `deinit`). Cells are read in
/// libpq's text format through ``PostgresDecodable``.
public final class PGResult {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    /// Number of rows.
    public var count: Int { Int(PQntuples(handle)) }

    /// Rows changed by an `INSERT`, `UPDATE` or `DELETE` (0 for other statements).
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    /// The index of a column by name, nil when the result has no such column.
    public func column(named name: String) -> Int? {
        let index = PQfnumber(handle, name)
        return index < 0 ? nil : Int(index)
    }

    /// The text of one cell, nil for NULL; nil too for a place outside the result.
    public func text(row: Int, column: Int) -> String? {
        guard row >= 0, row < count, column >= 0, column < Int(PQnfields(handle)),
              PQgetisnull(handle, Int32(row), Int32(column)) == 0,
              let value = PQgetvalue(handle, Int32(row), Int32(column))
        else { return nil }
        return String(cString: value)
    }

    /// The rows, for iteration.
    public var rows: [PGRow] { (0..<count).map { PGRow(result: self, index: $0) } }

    /// The first row's first cell, decoded (nil when there is no row or the cell is NULL).
    public func scalar<T: PostgresDecodable>(_ type: T.Type = T.self) throws(PostgresError) -> T? {
        guard count > 0, let text = text(row: 0, column: 0) else { return nil }
        return try T(postgresText: text)
    }
}

/// One row of a ``PGResult``; cells are read by column name or index.
public struct PGRow {
    let result: PGResult
    /// The row's index in its result.
    public let index: Int

    /// The cell of the named column as `T` (use an `Optional` type for a nullable column).
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let position = result.column(named: column) else { throw .decoding("missing column \(column)") }
        return try decode(position, as: type)
    }

    /// The cell at a column index as `T`.
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        do {
            return try T(postgresText: result.text(row: index, column: column))
        } catch {
            throw PostgresError(sqlState: nil, message: "column \(column): \(error.message)")
        }
    }
}
