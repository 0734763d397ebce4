public import Foundation

/// What the loopback server sends back, including deliberate misbehaviour.
///
/// Build one with the static constructors (``ok(_:contentType:)``, ``redirect(to:status:)``,
/// ``raw(_:)`` …) and adjust it with the modifiers (``delayed(by:)``, ``trickled(bytes:every:)``,
/// ``encoded(_:)``).
public struct LoopbackResponse: Sendable {
    /// The status code on the status line.
    public var status: Int
    /// Header fields to send besides the framing headers the server adds itself.
    public var headers: [(name: String, value: String)]
    /// The unencoded body.
    public var body: Data
    /// Content coding the server applies to `body` before sending.
    public var contentEncoding: LoopbackContentEncoding = .identity
    /// How the body is framed on the wire.
    public var framing: LoopbackFraming = .contentLength
    /// Time the server waits before sending the first byte of the response.
    public var firstByteDelay: Duration = .zero
    /// When set, the body is sent in pieces of this many bytes with a pause after each.
    public var trickle: LoopbackTrickle?
    /// A deliberate protocol violation.
    public var fault: LoopbackFault?
    /// When set, these bytes are written verbatim instead of a well-formed response and the
    /// connection is closed afterwards.
    public var rawBytes: Data?
    /// Closes the connection after this response even if the client asked for keep-alive.
    public var closeConnection = false

    /// Creates a response.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A content coding the server applies itself.
public enum LoopbackContentEncoding: String, Sendable {
    case identity
    case gzip
    case deflate
    case br
}

/// How a body is framed.
public enum LoopbackFraming: Sendable, Equatable {
    /// `Content-Length` header with the exact size.
    case contentLength
    /// `Transfer-Encoding: chunked`, in chunks of at most this many bytes.
    case chunked(chunkSize: Int)
    /// No length at all: the body ends when the server closes the connection (HTTP/1.0 style).
    case untilClose
}

/// Sends the body slowly.
public struct LoopbackTrickle: Sendable, Equatable {
    /// Bytes per piece.
    public var bytes: Int
    /// Pause after each piece.
    public var interval: Duration

    /// Creates a trickle of `bytes` every `interval`.
    public init(bytes: Int, interval: Duration) {
        self.bytes = max(1, bytes)
        self.interval = interval
    }
}

/// A deliberate protocol violation.
public enum LoopbackFault: Sendable, Equatable {
    /// Announce `Content-Length` of the full body but send only the first `sentBytes`, then close.
    case truncate(sentBytes: Int)
    /// Send the first `afterBytes` bytes of the serialized response, then reset the connection
    /// (TCP RST through `SO_LINGER` 0). `0` resets before anything is sent.
    case reset(afterBytes: Int)
    /// Chunked framing whose second chunk-size line is not hexadecimal.
    case brokenChunked
    /// Generated gzip body that inflates to `decompressedBytes` zero bytes: a decompression bomb.
    case gzipBomb(decompressedBytes: Int)
}
