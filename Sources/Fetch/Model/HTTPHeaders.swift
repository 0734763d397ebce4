/// Response header fields: ordered, multi-valued, looked up case-insensitively.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    /// The fields in arrival order, names as the server sent them.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates headers from `fields`.
    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Every value for `name`, in order (e.g. several `Set-Cookie` or `Link` fields).
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// ASCII case-insensitive comparison without allocating (field names are ASCII tokens).
    static func sameName(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x != y && (x | 0x20 != y | 0x20 || !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)) { return false }
            default: return false
            }
        }
    }

    /// Appends one field.
    public mutating func append(name: String, value: String) { fields.append((name, value)) }

    /// Iterates the fields in arrival order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0 == $1 }
    }
}
