public import Foundation

/// The one spelling of an article's address that Copydesk stores, compares and hashes into the
/// ``RecordID``.
///
/// From an absolute http(s) URL:
/// 1. scheme and host lower-cased, a trailing dot on the host removed, user and password dropped;
/// 2. the default port (80 for http, 443 for https) removed;
/// 3. the path's dot-segments resolved (RFC 3986 5.2.4), an empty path made `/`;
/// 4. percent-encoding normalized in path and query (RFC 3986 6.2.2: escaped unreserved
///    characters decoded, hex digits upper-cased, disallowed bytes escaped as UTF-8);
/// 5. tracking parameters removed (``TrackingParameters``), empty parameters dropped, the rest
///    sorted by name then value (byte order), the `?` dropped when nothing is left;
/// 6. the fragment removed.
///
/// The path keeps its case and its trailing slash: servers differ on both. The page's own
/// same-site `<link rel="canonical">` / `og:url` take precedence later (the extractor's job).
public struct CanonicalURL: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical form.
    public let string: String

    /// Canonicalizes `url`; nil when it is not an absolute http(s) URL with a host.
    public init?(_ url: URL) {
        self.init(string: url.absoluteString)
    }

    /// Canonicalizes an absolute URL string; nil when it is not http(s) with a host.
    public init?(string raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = text.unicodeScalars.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = text[text.unicodeScalars.index(after: colon)...]
        guard rest.hasPrefix("//") else { return nil }
        rest = rest.dropFirst(2)
        let authorityEnd = rest.unicodeScalars.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let authority = Self.authority(rest[..<authorityEnd], scheme: scheme) else { return nil }
        rest = rest[authorityEnd...]
        if let hash = rest.unicodeScalars.firstIndex(of: "#") { rest = rest[..<hash] }
        let queryStart = rest.unicodeScalars.firstIndex(of: "?")
        let rawPath = rest[..<(queryStart ?? rest.endIndex)]
        let path = Self.removeDotSegments(PercentEncoding.normalize(rawPath, component: .path))
        var result = "\(scheme)://\(authority)\(path.isEmpty ? "/" : path)"
        if let queryStart, let query = Self.query(rest[rest.unicodeScalars.index(after: queryStart)...]) {
            result += "?" + query
        }
        // A host IDNA refuses (U+FFFD from broken UTF-8) or with a broken `%` escape would make a
        // canonical form that is no `URL` (`url` below unwraps it); found by fuzzing.
        guard URL(string: result) != nil else { return nil }
        string = result
    }

    /// The canonical form as a `URL`.
    public var url: URL { URL(string: string)! }

    /// The record id: XXH3-64 of this string.
    public var recordID: RecordID { RecordID(canonical: self) }

    public var description: String { string }

    /// Host (lower-cased, no trailing dot) and port when it is not the scheme's default.
    private static func authority(_ raw: Substring, scheme: String) -> String? {
        var hostPort = raw
        if let at = hostPort.unicodeScalars.lastIndex(of: "@") { hostPort = hostPort[hostPort.unicodeScalars.index(after: at)...] }
        var host: Substring
        var port: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.unicodeScalars.firstIndex(of: "]") else { return nil }
            host = hostPort[...close]
            let after = hostPort[hostPort.unicodeScalars.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = hostPort.unicodeScalars.lastIndex(of: ":") {
            host = hostPort[..<colon]
            port = hostPort[hostPort.unicodeScalars.index(after: colon)...]
        } else {
            host = hostPort
        }
        while host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty, isValidHost(host) else { return nil }
        var result = host.lowercased()
        if let port, !port.isEmpty {
            guard port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port), number <= 65535 else {
                return nil
            }
            let isDefault = (scheme == "http" && number == 80) || (scheme == "https" && number == 443)
            if !isDefault { result += ":\(number)" }
        }
        return result
    }

    /// An IP literal (`[` hex digits, `:` and `.` `]`) or a registered name: RFC 3986 reg-name
    /// characters, plus any non-ASCII (an IDN). A host with `:`, `[`, `]`, spaces or controls
    /// would make a canonical form that does not parse back (found by fuzzing).
    private static func isValidHost(_ host: Substring) -> Bool {
        if host.hasPrefix("[") {
            return host.count > 2 && host.hasSuffix("]")
                && host.dropFirst().dropLast().unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
        }
        return host.unicodeScalars.allSatisfy { scalar in
            guard scalar.isASCII else { return scalar.value > 0x9F }
            let byte = UInt8(scalar.value)
            return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~!$&'()*+,;=%".utf8.contains(byte)
        }
    }

    /// Tracking parameters removed, the rest normalized and sorted; nil when nothing is left.
    private static func query(_ raw: Substring) -> String? {
        var pairs: [String] = []
        // Split on scalars, not Characters: a combining mark after `&` or `=` must not glue two
        // parameters together (that made the canonical form change when canonicalized again).
        for scalars in raw.unicodeScalars.split(separator: "&", omittingEmptySubsequences: true) {
            let parameter = Substring(scalars)
            let name = Substring(scalars.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
            if name.isEmpty || TrackingParameters.isTracking(PercentEncoding.decode(name)) { continue }
            pairs.append(PercentEncoding.normalize(parameter, component: .query))
        }
        guard !pairs.isEmpty else { return nil }
        // Sorting whole `name=value` strings orders by name, then value — except that `a=…`
        // must sort before `a1=…`, so compare names first.
        pairs.sort { lhs, rhs in
            let l = lhs.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let r = rhs.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if l[0] != r[0] { return l[0].utf8.lexicographicallyPrecedes(r[0].utf8) }
            return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
        }
        return pairs.joined(separator: "&")
    }

    /// RFC 3986 5.2.4 remove_dot_segments.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var trailingSlash = false
        let segments = input.split(separator: "/", omittingEmptySubsequences: false)
        input = ""
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                trailingSlash = isLast
            case "..":
                if output.count > 1 { output.removeLast() }
                trailingSlash = isLast
            default:
                output.append(segment)
                trailingSlash = false
            }
        }
        var result = output.joined(separator: "/")
        if trailingSlash { result += "/" }
        if path.hasPrefix("/") && !result.hasPrefix("/") { result = "/" + result }
        return result
    }
}
