/// The `WARC-Type` of a record (WARC 1.1 §6).
public enum WARCRecordType: Sendable, Hashable, CustomStringConvertible {
    /// Describes the crawl that wrote the file.
    case warcinfo
    /// A full response as received (for HTTP: status line, headers and body).
    case response
    /// A resource captured without a protocol response (a file, a `data:` URL).
    case resource
    /// The request that was sent.
    case request
    /// A capture that repeats an earlier one; the block holds at most the HTTP headers.
    case revisit
    /// Metadata about another record (outlinks, fetch timings).
    case metadata
    /// A transformed version of another record's content.
    case conversion
    /// A later segment of a record split over several records.
    case continuation
    /// A type this reader does not know (kept as written).
    case unknown(String)

    /// The type a `WARC-Type` value names; compared case-insensitively.
    public init(headerValue: String) {
        switch headerValue.lowercased() {
        case "warcinfo": self = .warcinfo
        case "response": self = .response
        case "resource": self = .resource
        case "request": self = .request
        case "revisit": self = .revisit
        case "metadata": self = .metadata
        case "conversion": self = .conversion
        case "continuation": self = .continuation
        default: self = .unknown(headerValue)
        }
    }

    public var description: String {
        switch self {
        case .warcinfo: "warcinfo"
        case .response: "response"
        case .resource: "resource"
        case .request: "request"
        case .revisit: "revisit"
        case .metadata: "metadata"
        case .conversion: "conversion"
        case .continuation: "continuation"
        case .unknown(let name): name
        }
    }
}
