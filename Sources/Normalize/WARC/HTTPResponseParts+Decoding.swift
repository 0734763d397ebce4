import Foundation

extension HTTPResponseParts {
    /// Undoes `Transfer-Encoding: chunked`, then `Content-Encoding: gzip / x-gzip / deflate /
    /// br / zstd`.
    mutating func decodeBody(maxBodyBytes: Int) throws(HTTPMessageError) {
        var transfer = Self.codings(headers.values("Transfer-Encoding"))
        if transfer.last == "chunked", let dechunked = HTTPChunkedDecoder.decode(body) {
            body = dechunked
            decodings.append("chunked")
            transfer.removeLast()
        }
        guard body.count <= maxBodyBytes else { throw .bodyTooLarge(limit: maxBodyBytes) }
        // Content codings were applied in order, then transfer codings other than chunked
        // (`Transfer-Encoding: gzip, chunked`); undo them from the last.
        var content = (Self.codings(headers.values("Content-Encoding")) + transfer.filter { $0 != "chunked" })
            .filter { $0 != "identity" }
        while let coding = content.last {
            let decoded: Data?
            switch coding {
            case "gzip", "x-gzip", "deflate":
                do {
                    decoded = try WARCInflater.inflate(body, maxOutputBytes: maxBodyBytes)
                } catch WARCInflater.Failure.tooLarge {
                    throw .bodyTooLarge(limit: maxBodyBytes)
                } catch {
                    decoded = nil
                }
            case "br", "zstd":
                do {
                    decoded = coding == "br" ? try ContentDecoders.brotli(body, maxOutputBytes: maxBodyBytes)
                        : try ContentDecoders.zstd(body, maxOutputBytes: maxBodyBytes)
                } catch {
                    throw .bodyTooLarge(limit: maxBodyBytes)
                }
            default:
                decoded = nil
            }
            guard let decoded else { break }
            body = decoded
            decodings.append(coding)
            content.removeLast()
        }
        remainingContentEncoding = content.isEmpty ? nil : content.joined(separator: ", ")
    }

    /// `gzip, chunked` → ["gzip", "chunked"], lower-cased.
    private static func codings(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }
            .map { FieldText.trimmed($0.utf8).lowercased() }
            .filter { !$0.isEmpty }
    }
}

/// Undoes HTTP/1.1 chunked transfer coding (RFC 9112 §7.1).
enum HTTPChunkedDecoder {
    /// The joined chunks, or nil when `body` does not start as a chunked body (the writer already
    /// de-chunked it). A body cut off inside a chunk keeps what arrived.
    static func decode(_ body: Data) -> Data? {
        body.withUnsafeBytes { raw -> Data? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var output = Data()
            var cursor = 0
            var chunks = 0
            while cursor < bytes.count {
                guard let lineEnd = bytes[cursor...].firstIndex(of: 0x0a) else { return chunks > 0 ? output : nil }
                // The size in hex, then optional `;extension`s, then CRLF.
                var size = 0
                var digits = 0
                var index = cursor
                while index < lineEnd, let value = hexValue(bytes[index]) {
                    guard digits < 15 else { return nil }
                    size = size * 16 + value
                    digits += 1
                    index += 1
                }
                while index < lineEnd, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                guard digits > 0, index == lineEnd || bytes[index] == 0x3b || bytes[index] == 0x0d else {
                    return chunks > 0 ? output : nil
                }
                cursor = lineEnd + 1
                if size == 0 { return output }
                let available = min(size, bytes.count - cursor)
                output.append(bytes.baseAddress! + cursor, count: available)
                chunks += 1
                cursor += available
                guard available == size else { return output }
                // The CRLF after the chunk data (a bare LF is tolerated).
                if cursor < bytes.count, bytes[cursor] == 0x0d { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == 0x0a { cursor += 1 }
            }
            return chunks > 0 ? output : nil
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
