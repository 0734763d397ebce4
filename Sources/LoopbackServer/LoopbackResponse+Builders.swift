public import Foundation

extension LoopbackResponse {
    /// `200 OK` with a body and its content type.
    public static func ok(_ body: String, contentType: String = "text/html; charset=utf-8") -> LoopbackResponse {
        ok(Data(body.utf8), contentType: contentType)
    }

    /// `200 OK` with raw body bytes and their content type.
    public static func ok(_ body: Data, contentType: String) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: [("Content-Type", contentType)], body: body)
    }

    /// A bodyless (or short plain-text) response with just a status code.
    public static func status(_ code: Int, headers: [(name: String, value: String)] = [], body: String = "") -> LoopbackResponse {
        var headers = headers
        if !body.isEmpty { headers.append(("Content-Type", "text/plain; charset=utf-8")) }
        return LoopbackResponse(status: code, headers: headers, body: Data(body.utf8))
    }

    /// A redirect to `location` (absolute or relative) with the given 3xx status.
    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)])
    }

    /// `304 Not Modified`, optionally repeating the validators.
    public static func notModified(etag: String? = nil) -> LoopbackResponse {
        LoopbackResponse(status: 304, headers: etag.map { [("ETag", $0)] } ?? [])
    }

    /// Bytes written verbatim, after which the connection closes.
    public static func raw(_ bytes: Data) -> LoopbackResponse {
        var response = LoopbackResponse()
        response.rawBytes = bytes
        return response
    }

    /// Bytes written verbatim (given as text), after which the connection closes.
    public static func raw(_ text: String) -> LoopbackResponse { raw(Data(text.utf8)) }

    /// A connection reset after `afterBytes` bytes of an otherwise normal `200` response.
    public static func reset(afterBytes: Int = 0) -> LoopbackResponse {
        var response = LoopbackResponse.ok(String(repeating: "x", count: 4096), contentType: "text/plain")
        response.fault = .reset(afterBytes: afterBytes)
        return response
    }

    /// A `200` announcing all of `body` but sending only `sentBytes` of it.
    public static func truncated(_ body: String, sentBytes: Int) -> LoopbackResponse {
        var response = LoopbackResponse.ok(body, contentType: "text/plain; charset=utf-8")
        response.fault = .truncate(sentBytes: sentBytes)
        return response
    }

    /// A chunked `200` whose framing breaks after the first chunk.
    public static func brokenChunked(_ body: String = String(repeating: "chunk ", count: 200)) -> LoopbackResponse {
        var response = LoopbackResponse.ok(body, contentType: "text/plain; charset=utf-8")
        response.fault = .brokenChunked
        return response
    }

    /// A `200` with `Content-Encoding: gzip` whose body inflates to `decompressedBytes` zeros.
    public static func gzipBomb(decompressedBytes: Int) -> LoopbackResponse {
        var response = LoopbackResponse(status: 200, headers: [("Content-Type", "text/html")])
        response.fault = .gzipBomb(decompressedBytes: decompressedBytes)
        return response
    }

    /// The same response after waiting `delay` before the first byte.
    public func delayed(by delay: Duration) -> LoopbackResponse {
        var copy = self
        copy.firstByteDelay = delay
        return copy
    }

    /// The same response with its body sent `bytes` at a time, pausing `interval` after each.
    public func trickled(bytes: Int, every interval: Duration) -> LoopbackResponse {
        var copy = self
        copy.trickle = LoopbackTrickle(bytes: bytes, interval: interval)
        return copy
    }

    /// The same response compressed by the server with `encoding`.
    public func encoded(_ encoding: LoopbackContentEncoding) -> LoopbackResponse {
        var copy = self
        copy.contentEncoding = encoding
        return copy
    }

    /// The same response with chunked framing.
    public func chunked(chunkSize: Int = 1024) -> LoopbackResponse {
        var copy = self
        copy.framing = .chunked(chunkSize: max(1, chunkSize))
        return copy
    }

    /// The same response with one more header field.
    public func adding(header name: String, _ value: String) -> LoopbackResponse {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}
