import Foundation
import Normalize
import Testing

@Suite("HTTP responses inside WARC records")
struct WARCHTTPResponseTests {
    static func responses(_ fixture: String) throws -> [WARCRecord] {
        try WARCReader.readAll(fixture).records.filter { $0.type == .response }
    }

    @Test("status line, headers and body of a plain response", arguments: ["news-1.1.warc.gz", "news-1.0.warc"])
    func plainResponse(fixture: String) throws {
        let record = try #require(try Self.responses(fixture).first)
        #expect(record.holdsHTTP("response"))
        let parts = try #require(try record.httpResponse())
        #expect(parts.httpVersion == "HTTP/1.1")
        #expect(parts.status == 200)
        #expect(parts.reason == "OK")
        #expect(parts.contentType == "text/html; charset=utf-8")
        #expect(parts.headers["content-length"] == String(parts.body.count))
        #expect(parts.decodings.isEmpty)
        #expect(parts.remainingContentEncoding == nil)
        let html = String(decoding: parts.body, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Council approves new marina after two-year dispute"))
        #expect(html.contains("cookie-banner"))
    }

    @Test("a raw transfer (chunked, then gzip) is decoded", arguments: ["news-1.1.warc.gz", "news-1.0.warc.gz", "news-1.1.warc"])
    func chunkedGzip(fixture: String) throws {
        let record = try Self.responses(fixture)[1]
        let parts = try #require(try record.httpResponse())
        #expect(parts.headers["Transfer-Encoding"] == "chunked")
        #expect(parts.decodings == ["chunked", "gzip"])
        let html = String(decoding: parts.body, as: UTF8.self)
        #expect(html.contains("Family bakery chain opens its tenth shop"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("a 404 keeps its status and body")
    func notFound() throws {
        let parts = try #require(try Self.responses("news-1.1.warc.gz")[3].httpResponse())
        #expect(parts.status == 404)
        #expect(parts.reason == "Not Found")
        #expect(String(decoding: parts.body, as: UTF8.self).contains("Page not found"))
    }

    @Test("request, warcinfo and resource records are not HTTP responses")
    func notResponses() throws {
        let records = try WARCReader.readAll("news-1.1.warc.gz").records
        for record in records where record.type != .response && record.type != .revisit {
            #expect(try record.httpResponse() == nil)
        }
        #expect(records.filter { $0.type == .request }.allSatisfy { $0.holdsHTTP("request") && !$0.holdsHTTP("response") })
    }

    static func message(_ head: String, _ body: Data) -> Data { Data(head.utf8) + body }

    @Test("a body labelled chunked that is not chunked is kept as stored")
    func falseChunked() throws {
        let body = Data("<html><body>already de-chunked by the crawler</body></html>".utf8)
        let parts = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", body))
        #expect(parts.body == body)
        #expect(parts.decodings.isEmpty)
    }

    @Test("optional whitespace around header names and values is trimmed, inner spaces and non-ASCII kept")
    func headerWhitespace() throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: \t text/html; charset=utf-8 \t\r\n"
            + "Content-Language:fr\r\nX-Note:  café crème  \r\nX-Empty: \t\r\n\r\n"
        let parts = try HTTPResponseParts.parse(Self.message(head, Data("<p>x</p>".utf8)))
        #expect(parts.contentType == "text/html; charset=utf-8")
        #expect(parts.headers["content-language"] == "fr")
        #expect(parts.headers["X-Note"] == "café crème")
        #expect(parts.headers["X-Empty"] == "")
        #expect(parts.reason == "OK")
    }

    @Test("chunk extensions, bare LFs, a missing reason phrase and a body cut inside a chunk")
    func sloppyChunked() throws {
        let chunked = Data("5;name=value\r\nHello\r\n7\n, world\n0\r\nX-Trailer: yes\r\n\r\n".utf8)
        let parts = try HTTPResponseParts.parse(Self.message("HTTP/1.0 200\nTransfer-Encoding: chunked\n\n", chunked))
        #expect(parts.reason == "")
        #expect(String(decoding: parts.body, as: UTF8.self) == "Hello, world")
        let cut = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", Data("a\r\n0123".utf8)))
        #expect(String(decoding: cut.body, as: UTF8.self) == "0123")
    }

    @Test("Content-Encoding br and zstd are decoded; a cut or damaged stream is kept as stored")
    func brotliAndZstandard() throws {
        let html = Data("<html><body><p>Compressed harbour news.</p></body></html>".utf8)
        // The same page compressed by the brotli and zstandard reference encoders.
        let br = try #require(Data(base64Encoded: "GzgA6B2nxZqfFUwl3NtL8Qylj0sbTOSAvRXiVQ4bcKpZNqzrHWdMZPDb2XqEn4QT"))
        let zstd = try #require(Data(base64Encoded: "KLUv/SA5yQEAPGh0bWw+PGJvZHk+PHA+Q29tcHJlc3NlZCBoYXJib3VyIG5ld3MuPC9wPjwvYm9keT48L2h0bWw+"))
        for (coding, body) in [("br", br), ("zstd", zstd)] {
            let parts = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: \(coding)\r\n\r\n", body))
            #expect(parts.body == html)
            #expect(parts.decodings == [coding])
            let cut = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: \(coding)\r\n\r\n", body.prefix(body.count / 2)))
            #expect(cut.body == body.prefix(body.count / 2))
            #expect(cut.remainingContentEncoding == coding)
        }
    }

    @Test("Content-Encoding deflate, zlib-wrapped or raw, and gzip that is not gzip")
    func contentEncodings() throws {
        let text = Data(String(repeating: "The harbour wall will be repaired. ", count: 50).utf8)
        let zlibWrapped = try #require(Self.compress(text, windowBits: 15))
        let raw = try #require(Self.compress(text, windowBits: -15))
        for body in [zlibWrapped, raw] {
            let parts = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", body))
            #expect(parts.body == text)
            #expect(parts.decodings == ["deflate"])
        }
        let notGzip = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", text))
        #expect(notGzip.body == text)
        #expect(notGzip.remainingContentEncoding == "gzip")
        let brotli = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", Data([1, 2, 3])))
        #expect(brotli.remainingContentEncoding == "br")
    }

    @Test("a body that inflates past the limit is a typed error")
    func bomb() throws {
        let zeros = Data(count: 4 << 20)
        let gzip = try #require(Self.compress(zeros, windowBits: 31))
        #expect(gzip.count < 10_000)
        #expect(throws: HTTPMessageError.bodyTooLarge(limit: 1 << 20)) {
            try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", gzip), maxBodyBytes: 1 << 20)
        }
        let parts = try HTTPResponseParts.parse(Self.message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", gzip), maxBodyBytes: 8 << 20)
        #expect(parts.body == zeros)
    }

    @Test("malformed messages are typed errors", arguments: [
        "ICY 200 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "",
    ])
    func malformed(head: String) {
        #expect(throws: HTTPMessageError.self) { try HTTPResponseParts.parse(Data(head.utf8)) }
    }

    /// Compresses with zlib's own deflate (via `compress`-style streams) for the decoding tests.
    static func compress(_ data: Data, windowBits: Int32) -> Data? {
        TestDeflater.deflate(data, windowBits: windowBits)
    }
}
