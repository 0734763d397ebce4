public import Foundation

/// One WARC record: its version, header fields and block, and where it sits in the file.
public struct WARCRecord: Sendable {
    /// The version from the first line (`1.0`, `1.1`, `0.18` …), or `ARC/1` / `ARC/2` for a record
    /// read from an ARC file (its header fields are then the WARC fields it converts to).
    public var version: String
    /// The header fields.
    public var headers: WARCHeaders
    /// The record block: exactly `Content-Length` bytes after the header. For a `response` record
    /// of an HTTP capture it is the whole HTTP message (see ``httpResponse(maxBodyBytes:)``).
    public var block: Data
    /// Where the record starts; a reader started here reads this record first.
    public var position: WARCPosition
    /// Where the next record starts; a reader started here reads what follows this record.
    public var nextPosition: WARCPosition

    public init(
        version: String, headers: WARCHeaders, block: Data, position: WARCPosition, nextPosition: WARCPosition
    ) {
        self.version = version
        self.headers = headers
        self.block = block
        self.position = position
        self.nextPosition = nextPosition
    }

    /// The record type (`WARC-Type`); `.unknown("")` when the header lacks one.
    public var type: WARCRecordType { headers.type ?? .unknown("") }
    /// Byte offset of the record in the file as stored (the gzip member's offset for gzip files).
    public var offset: Int64 { position.offset }
    /// `WARC-Target-URI`.
    public var targetURI: String? { headers.targetURI }
    /// `WARC-Date`.
    public var date: Date? { headers.date }

    /// Whether the block is an HTTP message of the given kind (`response` or `request`), by the
    /// block's `Content-Type` (`application/http; msgtype=response`). A missing `msgtype` counts
    /// as a match, as several writers leave it out.
    public func holdsHTTP(_ messageType: String) -> Bool {
        guard let contentType = headers.contentType?.lowercased() else { return false }
        let parts = contentType.split(separator: ";").map { FieldText.trimmed($0.utf8) }
        guard parts.first == "application/http" else { return false }
        guard let parameter = parts.dropFirst().first(where: { $0.hasPrefix("msgtype=") }) else { return true }
        return parameter.dropFirst("msgtype=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == messageType
    }
}
