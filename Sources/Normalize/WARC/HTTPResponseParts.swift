public import Foundation

/// An HTTP response as a WARC `response` record stores it: status line, header fields and body,
/// with the body's transfer coding (chunked) and content coding (gzip, deflate) undone where the
/// writer kept the raw transfer.
public struct HTTPResponseParts: Sendable {
    /// The protocol from the status line (`HTTP/1.1`).
    public var httpVersion: String
    /// The status code (200, 301, 404 …).
    public var status: Int
    /// The reason phrase, possibly empty.
    public var reason: String
    /// The response header fields, case-insensitive.
    public var headers: WARCHeaders
    /// The body, decoded as far as this reader can: see ``decodings`` and ``remainingContentEncoding``.
    public var body: Data
    /// The codings undone, in order (`chunked`, `gzip`, `deflate`).
    public var decodings: [String]
    /// A content coding left in place (`br`, or a `gzip` whose bytes were not gzip): the body is
    /// still encoded with it. Nil when the body is plain.
    public var remainingContentEncoding: String?

    /// `Content-Type` of the body (`text/html; charset=utf-8`).
    public var contentType: String? { headers["Content-Type"] }

    /// Parses an HTTP response message.
    ///
    /// Lenient where real archives are sloppy: bare LF line ends, a missing reason phrase, a
    /// header without a body (revisit records), a body labelled chunked or gzip that is not (the
    /// writer already decoded it and left the header: the bytes are kept as they are).
    /// - Parameter maxBodyBytes: the most bytes the decoded body may have (decompression bombs).
    public static func parse(_ message: Data, maxBodyBytes: Int = 32 << 20) throws(HTTPMessageError) -> HTTPResponseParts {
        // withUnsafeBytes does not carry a typed error through; a Result does.
        let result = message.withUnsafeBytes { raw in
            Result { () throws(HTTPMessageError) -> HTTPResponseParts in
                try parse(raw.bindMemory(to: UInt8.self), message: message, maxBodyBytes: maxBodyBytes)
            }
        }
        return try result.get()
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, message: Data, maxBodyBytes: Int
    ) throws(HTTPMessageError) -> HTTPResponseParts {
        var cursor = 0
        guard let statusLine = nextLine(bytes, &cursor) else { throw .malformedStatusLine }
        let (httpVersion, status, reason) = try parseStatusLine(statusLine)
        var headers = WARCHeaders()
        var sawBlankLine = false
        while let line = nextLine(bytes, &cursor) {
            if line.isEmpty {
                sawBlankLine = true
                break
            }
            guard headers.fields.count < 1000 else { throw .malformedHeader("more than 1000 header lines") }
            if line.first == 0x20 || line.first == 0x09 {
                headers.appendToLast(text(line))
            } else if let colon = line.firstIndex(of: 0x3a) {
                headers.append(name: text(line[..<colon]), value: text(line[(colon + 1)...]))
            } else {
                throw .malformedHeader("line without a colon: \(text(line.prefix(80)))")
            }
        }
        let rawBody = sawBlankLine ? message.subdata(in: (message.startIndex + cursor)..<message.endIndex) : Data()
        var parts = HTTPResponseParts(
            httpVersion: httpVersion, status: status, reason: reason, headers: headers, body: rawBody,
            decodings: [], remainingContentEncoding: nil)
        try parts.decodeBody(maxBodyBytes: maxBodyBytes)
        return parts
    }

    /// `HTTP/1.1 200 OK` → ("HTTP/1.1", 200, "OK").
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) throws(HTTPMessageError) -> (String, Int, String) {
        guard line.starts(with: "HTTP/".utf8) else { throw .malformedStatusLine }
        let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[1].count == 3, parts[1].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let status = Int(text(parts[1]))
        else { throw .malformedStatusLine }
        return (text(parts[0]), status, parts.count > 2 ? text(parts[2]) : "")
    }

    /// The next line (CRLF or LF ended) from `cursor`, nil at the end of the bytes.
    private static func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> ArraySlice<UInt8>? {
        guard cursor < bytes.count else { return nil }
        let start = cursor
        guard let newline = bytes[start...].firstIndex(of: 0x0a) else {
            // Headers cut off without a line end: the remainder is the last (partial) line.
            cursor = bytes.count
            return ArraySlice(bytes[start...])
        }
        cursor = newline + 1
        var end = newline
        if end > start, bytes[end - 1] == 0x0d { end -= 1 }
        return ArraySlice(bytes[start..<end])
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { FieldText.trimmed(bytes) }
}

/// An HTTP message in a WARC record could not be parsed.
public enum HTTPMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first line is not `HTTP/x.y NNN reason`.
    case malformedStatusLine
    /// A header line is malformed.
    case malformedHeader(String)
    /// The decoded body would pass the size limit.
    case bodyTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .malformedStatusLine: "malformed HTTP status line"
        case .malformedHeader(let why): "malformed HTTP header (\(why))"
        case .bodyTooLarge(let limit): "HTTP body larger than \(limit) bytes once decoded"
        }
    }
}
