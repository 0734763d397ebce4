public import Foundation

/// The named fields of a WARC record header, in file order, looked up case-insensitively (field
/// names are case-insensitive in WARC as in HTTP). Typed accessors cover the fields a news reader
/// needs; anything else is reachable by name.
public struct WARCHeaders: Sendable, Equatable {
    /// The fields as written (name, value), values trimmed, folded continuation lines joined.
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    /// The first value of the field `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Every value of the field `name` (a few fields, such as `WARC-Concurrent-To`, may repeat).
    public func values(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    mutating func append(name: String, value: String) { fields.append((name, value)) }

    /// Sets the first field named `name` to `value` (appending the field when absent).
    mutating func replace(_ name: String, with value: String) {
        if let index = fields.firstIndex(where: { Self.sameName($0.name, name) }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }

    mutating func appendToLast(_ continuation: String) {
        guard let last = fields.popLast() else { return }
        fields.append((last.name, last.value.isEmpty ? continuation : last.value + " " + continuation))
    }

    /// `WARC-Type`, or nil when absent.
    public var type: WARCRecordType? { self["WARC-Type"].map(WARCRecordType.init(headerValue:)) }
    /// `WARC-Target-URI`, with the angle brackets some WARC 1.0 writers put around it removed.
    public var targetURI: String? { self["WARC-Target-URI"].map(Self.stripAngleBrackets) }
    /// `WARC-Date` as an instant (W3C-ISO8601, with or without fraction of seconds).
    public var date: Date? { self["WARC-Date"].flatMap(FeedDate.parse) }
    /// `WARC-Record-ID` as written (`<urn:uuid:…>`).
    public var recordID: String? { self["WARC-Record-ID"] }
    /// `Content-Type` of the block (for HTTP responses `application/http; msgtype=response`).
    public var contentType: String? { self["Content-Type"] }
    /// `Content-Length`: the block's length in bytes, nil when absent or not a non-negative number.
    public var contentLength: Int64? {
        guard let text = self["Content-Length"], !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        return Int64(text)
    }
    /// `WARC-Payload-Digest` (`sha1:BASE32…`), the digest of the HTTP body, as written.
    public var payloadDigest: String? { self["WARC-Payload-Digest"] }
    /// `WARC-Block-Digest`, the digest of the whole block, as written.
    public var blockDigest: String? { self["WARC-Block-Digest"] }
    /// `WARC-Refers-To` (revisit, metadata and conversion records).
    public var refersTo: String? { self["WARC-Refers-To"] }
    /// `WARC-Refers-To-Target-URI` (WARC 1.1 revisits).
    public var refersToTargetURI: String? { self["WARC-Refers-To-Target-URI"].map(Self.stripAngleBrackets) }
    /// `WARC-Refers-To-Date` (WARC 1.1 revisits).
    public var refersToDate: Date? { self["WARC-Refers-To-Date"].flatMap(FeedDate.parse) }
    /// `WARC-Profile` of a revisit (`…/revisit/identical-payload-digest` or `…/server-not-modified`).
    public var profile: String? { self["WARC-Profile"] }
    /// `WARC-Concurrent-To` values: records captured in the same transaction.
    public var concurrentTo: [String] { values("WARC-Concurrent-To") }
    /// `WARC-Warcinfo-ID`: the warcinfo record describing this one's crawl.
    public var warcinfoID: String? { self["WARC-Warcinfo-ID"] }
    /// `WARC-IP-Address` the capture came from.
    public var ipAddress: String? { self["WARC-IP-Address"] }
    /// `WARC-Truncated`: why the writer cut the block short (`length`, `time`, …), nil if it did not.
    public var truncated: String? { self["WARC-Truncated"] }
    /// `WARC-Identified-Payload-Type`, the writer's own sniffing of the payload type.
    public var identifiedPayloadType: String? { self["WARC-Identified-Payload-Type"] }
    /// `WARC-Segment-Number`: present on records split into segments.
    public var segmentNumber: Int? { self["WARC-Segment-Number"].flatMap { Int($0) } }

    /// ASCII case-insensitive name comparison: field names are ASCII tokens, and Foundation's
    /// locale-aware comparison is far slower on Linux.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a == b { continue }
                if a | 0x20 != b | 0x20 || !((a | 0x20) >= 0x61 && (a | 0x20) <= 0x7a) { return false }
            default: return false
            }
        }
    }

    static func stripAngleBrackets(_ value: String) -> String {
        guard value.hasPrefix("<"), value.hasSuffix(">"), value.count >= 2 else { return value }
        return String(value.dropFirst().dropLast())
    }

    public static func == (lhs: WARCHeaders, rhs: WARCHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
