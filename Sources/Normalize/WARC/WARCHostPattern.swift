/// A host name pattern for `--host`: an exact name (`news.example.com`) or a glob where `*`
/// matches any run of characters, dots included, and `?` one character. `*.example.com` matches
/// every subdomain of `example.com` at any depth but not `example.com` itself (list both to get
/// both). Comparison ignores ASCII case and a trailing dot.
public struct WARCHostPattern: Sendable, Hashable, CustomStringConvertible {
    private let pattern: [UInt8]

    /// The pattern as given (lower-cased, trailing dot removed).
    public var description: String { String(decoding: pattern, as: UTF8.self) }

    public init(_ pattern: String) { self.pattern = Self.normalise(pattern) }

    /// Whether `host` matches.
    public func matches(host: String) -> Bool { Self.glob(pattern, Self.normalise(host)) }

    /// The host of an absolute URI (`http://user@Host:8080/path` → `host`), without port or
    /// user information; IPv6 literals keep their brackets. Nil when there is no authority.
    public static func host(ofURI uri: String) -> String? {
        var bytes = Substring(uri).utf8[...]
        guard let schemeEnd = bytes.firstRange(of: "://".utf8) else { return nil }
        bytes = bytes[schemeEnd.upperBound...]
        let authorityEnd = bytes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        var authority = bytes[..<(authorityEnd ?? bytes.endIndex)]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.index(after: at)...] }
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            return String(decoding: authority[...close], as: UTF8.self)
        }
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
        guard !authority.isEmpty else { return nil }
        return String(decoding: authority, as: UTF8.self)
    }

    private static func normalise(_ text: String) -> [UInt8] {
        var bytes = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        while bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return bytes
    }

    /// Glob matching with single-star backtracking: linear in practice, never exponential.
    private static func glob(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
