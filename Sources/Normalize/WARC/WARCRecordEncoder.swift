internal import CCrypto
internal import CDeflate
public import Foundation

/// Writes WARC/1.1 records (ISO 28500:2017), each as its own gzip member, the layout WARC
/// tools expect from a `.warc.gz` file: any record can be read by seeking to its member.
///
/// Owns a libdeflate compressor (level 6, like gzip's default). Not thread-safe: one per writer.
public final class WARCRecordEncoder {
    private let compressor: OpaquePointer

    /// nil when libdeflate cannot allocate its compressor.
    public init?(level: Int32 = 6) {
        guard let compressor = libdeflate_alloc_compressor(level) else { return nil }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// One record: version line, `WARC-Type`, `WARC-Record-ID`, `WARC-Date`,
    /// `WARC-Block-Digest`, the given fields, `Content-Length`; the block; two CRLFs.
    public func record(type: String, date: Date, fields: [(name: String, value: String)], block: [UInt8],
                       recordID: String = WARCRecordEncoder.newRecordID()) -> [UInt8] {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(recordID)\r\n"
        head += "WARC-Date: \(Self.warcDate(date))\r\n"
        for field in fields { head += "\(field.name): \(Self.oneLine(field.value))\r\n" }
        head += "WARC-Block-Digest: \(Self.sha1Label(block))\r\n"
        head += "Content-Length: \(block.count)\r\n\r\n"
        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + block.count + 4)
        bytes += block
        bytes += [0x0D, 0x0A, 0x0D, 0x0A]
        return bytes
    }

    /// `bytes` as one gzip member.
    public func gzipMember(_ bytes: [UInt8]) -> [UInt8] {
        let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        output.removeLast(output.count - written)
        return output
    }

    /// `sha1:` and the base-32 SHA-1 of `bytes`, the labelled digest WARC readers check.
    public static func sha1Label(_ bytes: some ContiguousBytes) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { out in _ = SHA1(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, out.baseAddress) }
        }
        return "sha1:" + base32(digest)
    }

    /// RFC 4648 base 32 (upper case, no padding needed for 20 bytes).
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func newRecordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    /// `WARC-Date`: UTC, second precision, ISO 8601 (`2026-12-06T11:34:48Z`).
    public static func warcDate(_ date: Date) -> String { ISOTimestamp.string(date) }

    /// Header values are one line: a CR or LF from a remote server never splits a field.
    private static func oneLine(_ value: String) -> String {
        value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            ? value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") : value
    }
}
