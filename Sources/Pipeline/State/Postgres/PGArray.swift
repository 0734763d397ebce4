/// A PostgreSQL array literal (`{"a","b",NULL}`) passed as one text parameter, so that an
/// `IN` list or a batch insert (`= ANY($1::text[])`, `unnest($1::text[], …)`) is one statement
/// whatever its length, with no statement text built from data.
public enum PGArray {
    /// The literal for `values`; nil elements become NULL.
    public static func literal(_ values: [String?]) -> PGParameter {
        var text = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            guard let value else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in value.unicodeScalars {
                if character == "\\" || character == "\"" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return .text(text + "}")
    }

    /// The literal for text values.
    public static func literal(_ values: [String]) -> PGParameter {
        literal(values.map(Optional.some))
    }

    /// The literal for numbers or other values with a text form.
    public static func literal<T: PostgresBindable>(_ values: [T?]) -> PGParameter {
        literal(values.map { value -> String? in
            guard case .text(let text)? = value?.postgresParameter else { return nil }
            return text
        })
    }
}
