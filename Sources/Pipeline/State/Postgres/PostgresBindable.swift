public import Foundation

/// One statement parameter as libpq takes it: text (the server parses it for the column's
/// type), binary bytes (`bytea`), or NULL.
public enum PGParameter: Sendable, Equatable {
    case null
    case text(String)
    case binary(Data)
}

/// A Swift value that can be passed as a statement parameter. Numbers travel as their text
/// form (Swift's shortest round-trip form for `Double`, which PostgreSQL reads back exactly);
/// `Data` travels as binary so that `bytea` needs no escaping.
public protocol PostgresBindable {
    var postgresParameter: PGParameter { get }
}

extension PGParameter: PostgresBindable {
    public var postgresParameter: PGParameter { self }
}

extension String: PostgresBindable {
    public var postgresParameter: PGParameter { .text(self) }
}

extension Int: PostgresBindable {
    public var postgresParameter: PGParameter { .text(String(self)) }
}

extension Int64: PostgresBindable {
    public var postgresParameter: PGParameter { .text(String(self)) }
}

extension Int32: PostgresBindable {
    public var postgresParameter: PGParameter { .text(String(self)) }
}

extension Double: PostgresBindable {
    public var postgresParameter: PGParameter { .text(description) }
}

extension Bool: PostgresBindable {
    public var postgresParameter: PGParameter { .text(self ? "true" : "false") }
}

extension Data: PostgresBindable {
    public var postgresParameter: PGParameter { .binary(self) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresParameter: PGParameter { map(\.postgresParameter) ?? .null }
}
