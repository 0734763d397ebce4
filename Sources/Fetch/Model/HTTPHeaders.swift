/// Response header fields: ordered, multi-valued, looked up case-insensitively.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    /// The fields in arrival order, names as the server sent them.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates headers from `fields`.
    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value for `name`, in order (e.g. several `Set-Cookie` or `Link` fields).
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// Appends one field.
    public mutating func append(name: String, value: String) { fields.append((name, value)) }

    /// Iterates the fields in arrival order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0 == $1 }
    }
}
