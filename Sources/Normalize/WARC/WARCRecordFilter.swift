public import Foundation

/// Which records a backfill wants, decided from the header alone so that the reader can pass over
/// the block of every other record without copying it: `--host` patterns, a `--since`/`--until`
/// window on `WARC-Date`, and record types.
public struct WARCRecordFilter: Sendable {
    /// Record types to keep; nil keeps every type.
    public var types: Set<WARCRecordType>?
    /// Host patterns, any of which may match the `WARC-Target-URI` host; empty keeps every host.
    /// A record without a target URI never matches a non-empty list.
    public var hosts: [WARCHostPattern]
    /// Earliest `WARC-Date` kept (inclusive).
    public var since: Date?
    /// `WARC-Date` before which records are kept (exclusive: the window is `since ..< until`).
    /// With either bound set, a record without a readable `WARC-Date` is not kept.
    public var until: Date?

    public init(
        types: Set<WARCRecordType>? = nil, hosts: [WARCHostPattern] = [], since: Date? = nil, until: Date? = nil
    ) {
        self.types = types
        self.hosts = hosts
        self.since = since
        self.until = until
    }

    /// The filter a `copydesk backfill --warc` wants: HTTP responses and resources only.
    public static func documents(hosts: [WARCHostPattern] = [], since: Date? = nil, until: Date? = nil) -> Self {
        WARCRecordFilter(types: [.response, .resource], hosts: hosts, since: since, until: until)
    }

    /// Whether a record with these header fields is wanted.
    public func matches(_ headers: WARCHeaders) -> Bool {
        if let types, !types.contains(headers.type ?? .unknown("")) { return false }
        if !hosts.isEmpty {
            guard let uri = headers.targetURI, let host = WARCHostPattern.host(ofURI: uri),
                hosts.contains(where: { $0.matches(host: host) })
            else { return false }
        }
        if since != nil || until != nil {
            guard let date = headers.date else { return false }
            if let since, date < since { return false }
            if let until, date >= until { return false }
        }
        return true
    }

    /// Whether `record` is wanted.
    public func matches(_ record: WARCRecord) -> Bool { matches(record.headers) }
}
