public import Foundation

/// Politeness shared with other processes (workers that take turns on a host): the key a host
/// is shared under, what this client last did to each host, and holding a host back until
/// another worker's spacing has run out.
extension HTTPClient {
    /// How this client last used a host: when its last request started and the spacing it kept.
    public struct HostUse: Sendable, Equatable {
        public var lastRequestAt: Date
        public var delay: TimeInterval
    }

    /// The key politeness is owed under: the lower-cased host name and, when it is not the
    /// scheme's default, the port. `http` and `https` on one host share it: it is one server.
    public static func politenessKey(of url: URL) -> String {
        let name = url.host?.lowercased() ?? ""
        let host = name.contains(":") && !name.hasPrefix("[") ? "[\(name)]" : name
        guard let port = url.port else { return host }
        let scheme = url.scheme?.lowercased()
        if (scheme == "http" && port == 80) || (scheme == "https" && port == 443) { return host }
        return "\(host):\(port)"
    }

    /// ``politenessKey(of:)`` of a scheduler origin (`scheme://host:port`, host as URL.host
    /// gives it, so an IPv6 address is unbracketed).
    static func politenessKey(ofOrigin origin: String) -> String? {
        guard let schemeEnd = origin.range(of: "://"), let colon = origin.lastIndex(of: ":"),
              colon > schemeEnd.upperBound else { return nil }
        let scheme = origin[..<schemeEnd.lowerBound], name = origin[schemeEnd.upperBound..<colon]
        let port = origin[origin.index(after: colon)...]
        let host = name.contains(":") ? "[\(name)]" : String(name)
        if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") { return host }
        return "\(host):\(port)"
    }

    /// Per politeness key, the last request this client started and the spacing it keeps (the
    /// longest over the host's schemes).
    public func hostUses() -> [String: HostUse] {
        let now = ContinuousClock.now, wallNow = Date()
        var uses: [String: HostUse] = [:]
        for (origin, last) in scheduler.lastStarts() {
            guard let key = Self.politenessKey(ofOrigin: origin) else { continue }
            let started = wallNow.addingTimeInterval(-Self.seconds(now - last.start))
            let use = HostUse(lastRequestAt: started, delay: Self.seconds(last.delay))
            if let known = uses[key] {
                uses[key] = HostUse(lastRequestAt: max(known.lastRequestAt, use.lastRequestAt), delay: max(known.delay, use.delay))
            } else {
                uses[key] = use
            }
        }
        return uses
    }

    /// Starts no request to the host named by `key` (see ``politenessKey(of:)``) before
    /// `instant`, on either scheme.
    public func holdBack(_ key: String, until instant: Date) {
        let wait = instant.timeIntervalSinceNow
        guard wait > 0 else { return }
        let until = ContinuousClock.now + .milliseconds(Int64((wait * 1000).rounded(.up)))
        // The scheduler's origins are `scheme://host:port` with the host as URL.host gives it.
        var host = Substring(key), port: Substring?
        if key.hasPrefix("["), let close = key.firstIndex(of: "]") {
            host = key[key.index(after: key.startIndex)..<close]
            let rest = key[key.index(after: close)...]
            if rest.hasPrefix(":") { port = rest.dropFirst() }
        } else if let colon = key.lastIndex(of: ":") {
            host = key[..<colon]
            port = key[key.index(after: colon)...]
        }
        for scheme in ["http", "https"] {
            scheduler.pause("\(scheme)://\(host):\(port ?? (scheme == "https" ? "443" : "80"))", until: until)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (s, attoseconds) = duration.components
        return TimeInterval(s) + TimeInterval(attoseconds) / 1e18
    }
}
