import Foundation
@testable import Normalize
import Testing

/// The libdeflate fast path (``GzipMemberDecoder``) and its zlib fallback give the same bytes.
@Suite("gzip fast path")
struct GzipFastPathTests {
    /// Deterministic bytes; `text` makes them compress like a page, otherwise they do not compress.
    static func bytes(_ count: Int, seed: UInt64, text: Bool = false) -> Data {
        var state = seed
        var result = Data(capacity: count)
        let words = Array("council harbour ferry market school storm flood rail budget ".utf8)
        while result.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if text {
                let start = Int(state >> 59) * 2 % (words.count - 8)
                result.append(contentsOf: words[start..<start + 8])
            } else {
                withUnsafeBytes(of: state) { result.append(contentsOf: $0) }
            }
        }
        return result.prefix(count)
    }

    static func gzip(_ data: Data) throws -> Data {
        try #require(TestDeflater.deflate(data, windowBits: 31))
    }

    @Test func decodesOneMemberAndReportsWhereItEnds() throws {
        let first = Self.bytes(50_000, seed: 1, text: true)
        let second = Self.bytes(70_000, seed: 2, text: true)
        let one = try Self.gzip(first)
        let both = one + (try Self.gzip(second)) + Data("trailing".utf8)
        let decoder = try #require(GzipMemberDecoder(outputLimit: 1 << 20, initialOutputBytes: 1_024))
        try both.withUnsafeBytes { raw in
            let (consumed, bytes) = try #require(decoder.decodeMember(raw))
            #expect(consumed == one.count)
            #expect(Data(bytes) == first) // the output buffer grew from 1 KB on the way
            let (_, next) = try #require(decoder.decodeMember(UnsafeRawBufferPointer(rebasing: raw[consumed...])))
            #expect(Data(next) == second)
        }
    }

    @Test func refusesTruncatedDamagedAndOversizedMembers() throws {
        let page = Self.bytes(40_000, seed: 3, text: true)
        let member = try Self.gzip(page)
        var damaged = member
        damaged[damaged.count / 2] ^= 0x55
        let decoder = try #require(GzipMemberDecoder(outputLimit: 30_000))
        let larger = try #require(GzipMemberDecoder(outputLimit: 1 << 20))
        member.prefix(member.count - 10).withUnsafeBytes { #expect(larger.decodeMember($0) == nil) }
        damaged.withUnsafeBytes { #expect(larger.decodeMember($0) == nil) }
        member.withUnsafeBytes { #expect(decoder.decodeMember($0) == nil) } // 40 KB > 30 KB limit
        member.withUnsafeBytes { #expect(larger.decodeMember($0) != nil) }
    }

    @Test func httpBodiesOfSeveralMembersOrOtherFormatsInflateAsBefore() throws {
        let first = Self.bytes(20_000, seed: 4, text: true)
        let second = Self.bytes(30_000, seed: 5, text: true)
        let twoMembers = try Self.gzip(first) + (try Self.gzip(second))
        #expect(try WARCInflater.inflate(twoMembers, maxOutputBytes: 1 << 20) == first + second)
        // Trailing junk after a whole member: refused by the fast path, kept by zlib's rule.
        let junk = try Self.gzip(first) + Data([0, 1, 2, 3])
        #expect(try WARCInflater.inflate(junk, maxOutputBytes: 1 << 20) == first)
        let zlibWrapped = try #require(TestDeflater.deflate(first, windowBits: 15))
        #expect(try WARCInflater.inflate(zlibWrapped, maxOutputBytes: 1 << 20) == first)
        #expect(throws: WARCInflater.Failure.tooLarge) { try WARCInflater.inflate(twoMembers, maxOutputBytes: 30_000) }
    }

    @Test func aSingleMemberFileLoadsThroughTheFastPath() throws {
        let page = Self.bytes(120_000, seed: 6, text: true)
        let member = try Self.gzip(page)
        #expect(HTMLFileLoader.decodeSingleMember([UInt8](member), size: page.count, limit: 1 << 20) == page)
        // A wrong size (as in a file of several members) is left to zlib.
        #expect(HTMLFileLoader.decodeSingleMember([UInt8](member), size: page.count - 1, limit: 1 << 20) == nil)
        let path = NSTemporaryDirectory() + "copydesk-fastpath-\(getpid()).html.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try member.write(to: URL(fileURLWithPath: path))
        #expect(try HTMLFileLoader.load(path: path) == page)
    }

    /// A WARC record, as its writer would frame it.
    static func record(uri: String, block: Data) -> Data {
        var head = "WARC/1.1\r\nWARC-Type: resource\r\n"
        head += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", block.count))>\r\n"
        head += "WARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Target-URI: \(uri)\r\n"
        head += "Content-Type: text/html\r\nContent-Length: \(block.count)\r\n\r\n"
        return Data(head.utf8) + block + Data("\r\n\r\n".utf8)
    }

    @Test func warcMembersOfEverySizeReadTheSameAsThePlainFile() throws {
        // Small members (decoded in the current window), members that run past the 64 KB the
        // fast path first looks at (window reloaded), and members larger than the whole read
        // window (streamed by zlib) — one WARC, read once plain and once gzip-per-record.
        let blocks = [
            Self.bytes(3_000, seed: 10, text: true), Self.bytes(90_000, seed: 11),
            Self.bytes(20_000, seed: 12, text: true), Self.bytes(400_000, seed: 13),
            Self.bytes(150_000, seed: 14), Self.bytes(1_000, seed: 15, text: true),
        ]
        var plain = Data()
        var compressed = Data()
        for (number, block) in blocks.enumerated() {
            let record = Self.record(uri: "https://news.example/\(number)", block: block)
            plain += record
            compressed += try Self.gzip(record)
        }
        let fromPlain = try WARCReader(input: WARCDataInput(plain)).readAll()
        let fromGzip = try WARCReader(input: WARCDataInput(compressed)).readAll()
        #expect(fromGzip.warnings.isEmpty)
        #expect(fromGzip.records.map(\.block) == blocks)
        #expect(fromPlain.records.map(\.block) == blocks)
        #expect(fromGzip.uris == fromPlain.uris)
    }
}
