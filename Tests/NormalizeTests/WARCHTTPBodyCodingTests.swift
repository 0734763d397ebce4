import Foundation
import Normalize
import Testing

/// Transfer and content codings combined as crawlers stored them: the raw transfer (chunked)
/// around a compressed body, in every coding a server sends.
@Suite("HTTP bodies in archives: chunked and compressed together")
struct WARCHTTPBodyCodingTests {
    static let text = Data(String(repeating: "The harbour wall will be repaired before the winter storms. ", count: 40).utf8)

    static func chunked(_ body: Data, chunkSize: Int = 700) -> Data {
        var output = Data()
        var offset = 0
        while offset < body.count {
            let piece = body[(body.startIndex + offset)..<(body.startIndex + min(offset + chunkSize, body.count))]
            output += Data("\(String(piece.count, radix: 16, uppercase: true))\r\n".utf8) + piece + Data("\r\n".utf8)
            offset += piece.count
        }
        return output + Data("0\r\n\r\n".utf8)
    }

    static func parse(_ head: String, _ body: Data) throws -> HTTPResponseParts {
        try HTTPResponseParts.parse(Data("HTTP/1.1 200 OK\r\n\(head)\r\n".utf8) + body)
    }

    @Test("chunked around gzip, zlib deflate, raw deflate, x-gzip and an upper-case GZIP", arguments: [
        ("gzip", Int32(31)), ("deflate", 15), ("deflate", -15), ("x-gzip", 31), ("GZIP", 31),
    ])
    func chunkedAroundZlibCodings(coding: String, windowBits: Int32) throws {
        let compressed = try #require(TestDeflater.deflate(Self.text, windowBits: windowBits))
        let parts = try Self.parse("Transfer-Encoding: chunked\r\nContent-Encoding: \(coding)\r\n", Self.chunked(compressed))
        #expect(parts.body == Self.text)
        #expect(parts.decodings == ["chunked", coding.lowercased()])
        #expect(parts.remainingContentEncoding == nil)
    }

    @Test("chunked around brotli and zstandard")
    func chunkedAroundBrotliAndZstd() throws {
        let html = Data("<html><body><p>Compressed harbour news.</p></body></html>".utf8)
        // The page compressed by the brotli and zstandard reference encoders.
        let br = try #require(Data(base64Encoded: "GzgA6B2nxZqfFUwl3NtL8Qylj0sbTOSAvRXiVQ4bcKpZNqzrHWdMZPDb2XqEn4QT"))
        let zstd = try #require(Data(base64Encoded: "KLUv/SA5yQEAPGh0bWw+PGJvZHk+PHA+Q29tcHJlc3NlZCBoYXJib3VyIG5ld3MuPC9wPjwvYm9keT48L2h0bWw+"))
        for (coding, body) in [("br", br), ("zstd", zstd)] {
            let parts = try Self.parse("Transfer-Encoding: chunked\r\nContent-Encoding: \(coding)\r\n", Self.chunked(body, chunkSize: 16))
            #expect(parts.body == html)
            #expect(parts.decodings == ["chunked", coding])
        }
    }

    @Test("a gzip transfer coding under chunked (Transfer-Encoding: gzip, chunked) is undone too")
    func gzipTransferCoding() throws {
        let gzip = try #require(TestDeflater.deflate(Self.text, windowBits: 31))
        let parts = try Self.parse("Transfer-Encoding: gzip, chunked\r\n", Self.chunked(gzip))
        #expect(parts.body == Self.text)
        #expect(parts.decodings == ["chunked", "gzip"])
    }

    @Test("two content codings are undone last first; a gzip body of two members is read whole")
    func stackedCodings() throws {
        let deflated = try #require(TestDeflater.deflate(Self.text, windowBits: 15))
        let both = try #require(TestDeflater.deflate(deflated, windowBits: 31))
        let parts = try Self.parse("Content-Encoding: deflate, gzip\r\n", both)
        #expect(parts.body == Self.text)
        #expect(parts.decodings == ["gzip", "deflate"])

        let half = Self.text.count / 2
        let members = try #require(TestDeflater.deflate(Self.text.prefix(half), windowBits: 31))
            + #require(TestDeflater.deflate(Self.text.dropFirst(half), windowBits: 31))
        #expect(try Self.parse("Content-Encoding: gzip\r\n", members).body == Self.text)
    }

    @Test("a chunked gzip body cut inside a chunk keeps what inflates")
    func cutChunkedGzip() throws {
        let gzip = try #require(TestDeflater.deflate(Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }), windowBits: 31))
        let cut = Self.chunked(gzip).prefix(gzip.count / 2)
        let parts = try Self.parse("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", cut)
        #expect(parts.decodings == ["chunked", "gzip"])
        #expect(!parts.body.isEmpty)
    }
}
