public import Foundation

/// A Swift type a result cell (in libpq's text format) can be read as. `Optional` reads NULL
/// as nil; every other type rejects NULL, so a schema mistake is an error, not a default.
public protocol PostgresDecodable {
    /// `text` is the cell's text form, nil for SQL NULL.
    init(postgresText text: String?) throws(PostgresError)
}

extension String: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text else { throw .decoding("NULL as a string") }
        self = text
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text, let value = Int64(text) else { throw .decoding("\(text ?? "NULL") as an integer") }
        self = value
    }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text, let value = Int(text) else { throw .decoding("\(text ?? "NULL") as an integer") }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text, let value = Int32(text) else { throw .decoding("\(text ?? "NULL") as an integer") }
        self = value
    }
}

extension Double: PostgresDecodable {
    /// PostgreSQL 12 and later print the shortest text that reads back exactly.
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text, let value = Double(text) else { throw .decoding("\(text ?? "NULL") as a number") }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw .decoding("\(text ?? "NULL") as a boolean")
        }
    }
}

extension Data: PostgresDecodable {
    /// `bytea` in the server's default hex output (`\x0a1b…`).
    public init(postgresText text: String?) throws(PostgresError) {
        guard let text else { throw .decoding("NULL as bytes") }
        let digits = Array(text.utf8)
        guard digits.count >= 2, digits[0] == UInt8(ascii: "\\"), digits[1] == UInt8(ascii: "x"), digits.count % 2 == 0 else {
            throw .decoding("bytea that is not in hex form")
        }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes = Data(capacity: (digits.count - 2) / 2)
        var index = 2
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
                throw .decoding("bytea with a non-hex digit")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String?) throws(PostgresError) {
        self = try text.map { text throws(PostgresError) in try Wrapped(postgresText: text) }
    }
}
