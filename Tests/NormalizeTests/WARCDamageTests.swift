import Foundation
import Normalize
import Testing

@Suite("WARC reader: damaged files are reported and stepped over")
struct WARCDamageTests {
    /// The well-formed fixture's records, the baseline the damaged variants are compared with.
    static func baseline(_ fixture: String) throws -> [WARCRecord] { try WARCReader.readAll(fixture).records }

    /// Record IDs, to compare which records survived.
    static func ids(_ records: [WARCRecord]) -> [String?] { records.map(\.headers.recordID) }

    @Test("a gzip file cut inside its last member keeps every earlier record")
    func truncatedGzip() throws {
        let all = try Self.baseline("news-1.1.warc.gz")
        let result = try WARCReader.readAll("truncated.warc.gz")
        #expect(Self.ids(result.records) == Self.ids(all.dropLast()))
        #expect(result.reasons.contains(.truncatedGzipMember))
        #expect(result.warnings.first?.offset == all.last?.offset)
    }

    @Test("a corrupt gzip member is reported and the following members are read")
    func corruptMember() throws {
        let all = try Self.baseline("news-1.1.warc.gz")
        let result = try WARCReader.readAll("corrupt-member.warc.gz")
        var expected = all
        expected.remove(at: 2)
        #expect(Self.ids(result.records) == Self.ids(expected))
        #expect(result.records.map(\.block) == expected.map(\.block))
        let first = try #require(result.warnings.first)
        #expect(first.offset == all[2].offset)
        guard case .corruptGzipMember = first.reason else {
            Issue.record("expected a corrupt member warning, got \(first)")
            return
        }
        // Recovery says how much it passed over: from the damaged member to the next good one.
        #expect(result.reasons.contains(.skippedBytes(all[3].offset - all[2].offset)))
    }

    @Test("a member cut short by an interrupted write, followed by more members")
    func cutMember() throws {
        let all = try Self.baseline("news-1.1.warc.gz")
        let result = try WARCReader.readAll("cut-member.warc.gz")
        var expected = all
        expected.remove(at: 4)
        #expect(Self.ids(result.records) == Self.ids(expected))
        #expect(result.warnings.first?.offset == all[4].offset)
    }

    @Test("garbage between gzip members is skipped with a warning naming its length")
    func garbageBetweenMembers() throws {
        let all = try Self.baseline("news-1.1.warc.gz")
        let result = try WARCReader.readAll("garbage-between.warc.gz")
        #expect(Self.ids(result.records) == Self.ids(all))
        #expect(result.warnings == [WARCWarning(offset: all[4].offset, reason: .skippedBytes(96))])
        #expect(result.records[4].offset == all[4].offset + 96)
    }

    @Test("a Content-Length longer than its gzip member keeps the record the member holds whole")
    func lyingLengthGzip() throws {
        let all = try Self.baseline("news-1.1.warc.gz")
        let result = try WARCReader.readAll("lying-length.warc.gz")
        #expect(Self.ids(result.records) == Self.ids(all))
        #expect(result.records.map(\.block) == all.map(\.block))
        let declared = try #require(all[2].headers.contentLength) + 300
        let actual = Int64(all[2].block.count)
        #expect(result.warnings == [WARCWarning(offset: all[2].offset, reason: .declaredLengthTooLong(declared: declared, actual: actual))])
    }

    @Test("a member whose bytes stop short of the declared length and of a record end still loses its record")
    func shortMember() throws {
        let good = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
        let cut = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 50\r\n\r\nhello, and then"
        let data = [good, cut, good].reduce(Data()) { $0 + (TestDeflater.deflate(Data($1.utf8), windowBits: 31) ?? Data()) }
        let result = try WARCReader(input: WARCDataInput(data)).readAll()
        #expect(result.records.count == 2)
        #expect(result.reasons == [.truncatedRecord(expected: 50, found: 15)])
    }

    @Test("a plain file cut inside its last record keeps every earlier record")
    func truncatedPlain() throws {
        let all = try Self.baseline("news-1.1.warc")
        let result = try WARCReader.readAll("truncated.warc")
        #expect(Self.ids(result.records) == Self.ids(all.dropLast()))
        let first = try #require(result.warnings.first)
        #expect(first.offset == all.last?.offset)
        guard case .truncatedRecord = first.reason else {
            Issue.record("expected a truncated record warning, got \(first)")
            return
        }
    }

    @Test("garbage between plain records is skipped with a warning")
    func garbagePlain() throws {
        let all = try Self.baseline("news-1.1.warc")
        let result = try WARCReader.readAll("garbage-between.warc")
        #expect(Self.ids(result.records) == Self.ids(all))
        #expect(result.warnings == [WARCWarning(offset: all[4].offset, reason: .skippedBytes(40))])
    }

    @Test("lying Content-Lengths in a plain file: too long is cut at the next record, too short loses its record")
    func lyingLengthPlain() throws {
        let all = try Self.baseline("news-1.1.warc")
        let result = try WARCReader.readAll("lying-length.warc")
        // Record 2 claims 900 bytes too many (its block runs over records 3 and into 4): it is kept,
        // cut where record 3 starts, and the records inside its claimed block are still read.
        // Record 5 claims 120 too few: what follows its block is no record, so it is dropped.
        let expected = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10].map { all[$0] }
        #expect(Self.ids(result.records) == Self.ids(expected))
        #expect(result.records.map(\.block) == expected.map(\.block))
        #expect(result.records[2].headers.contentLength == Int64(all[2].block.count))
        let declared = try #require(all[2].headers.contentLength) + 900
        #expect(result.warnings.first == WARCWarning(offset: all[2].offset, reason: .declaredLengthTooLong(declared: declared, actual: Int64(all[2].block.count))))
        let mismatches = result.warnings.filter { if case .contentLengthMismatch = $0.reason { true } else { false } }
        #expect(mismatches.map(\.offset) == [all[5].offset])
    }

    @Test("a record written with bare LF line ends throughout (ClueWeb09 style) is read without a warning")
    func bareLineFeedRecord() throws {
        let all = try Self.baseline("news-1.1.warc")
        let result = try WARCReader.readAll("missing-crlf.warc")
        #expect(Self.ids(result.records) == Self.ids(all))
        #expect(result.records.map(\.block) == all.map(\.block))
        #expect(result.records[3].headers.targetURI == all[3].headers.targetURI)
        #expect(result.warnings.isEmpty)
    }

    @Test("a CRLF record ended by a single CRLF is kept with a warning")
    func shortTerminator() throws {
        let record = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello"
        let data = Data((record + "\r\n" + record + "\r\n\r\n").utf8)
        let result = try WARCReader(input: WARCDataInput(data)).readAll()
        #expect(result.records.map(\.block) == [Data("hello".utf8), Data("hello".utf8)])
        #expect(result.warnings == [WARCWarning(offset: 0, reason: .missingRecordTerminator)])
    }

    @Test("warnings go to the handler when one is set, and the queue is bounded")
    func warningDelivery() throws {
        var handled: [WARCWarning] = []
        let reader = try WARCReader(path: WARCFixture.path("lying-length.warc"))
        reader.warningHandler = { handled.append($0) }
        _ = try reader.readAll()
        #expect(!handled.isEmpty)
        #expect(reader.drainWarnings().isEmpty)
        #expect(reader.warningCount == handled.count)

        let bounded = try WARCReader(path: WARCFixture.path("lying-length.warc"), options: WARCReaderOptions(maxQueuedWarnings: 1))
        let result = try bounded.readAll()
        #expect(result.warnings.count == 1)
        #expect(bounded.warningCount == handled.count)
    }

    @Test("header trouble: no Content-Length, a line without a colon, an endless line, an unknown version")
    func malformedHeaders() throws {
        func record(_ header: String, _ block: String = "hello") -> String {
            "WARC/1.1\r\n\(header)\r\n\r\n\(block)\r\n\r\n"
        }
        let good = record("WARC-Type: resource\r\nContent-Length: 5")
        let cases: [(String, WARCWarning.Reason)] = [
            (record("WARC-Type: resource"), .missingContentLength),
            (record("WARC-Type: resource\r\nContent-Length: five"), .missingContentLength),
            (record("WARC-Type resource\r\nContent-Length: 5"), .malformedHeader("line without a colon")),
            (record("WARC-Type: resource\r\nX-Long: " + String(repeating: "x", count: 70_000) + "\r\nContent-Length: 5"),
             .malformedHeader("line longer than 65536 bytes")),
        ]
        for (bad, reason) in cases {
            let data = Data((good + bad + good).utf8)
            let result = try WARCReader(input: WARCDataInput(data)).readAll()
            #expect(result.records.count == 2)
            #expect(result.reasons.first == reason)
            #expect(result.warnings.first?.offset == Int64(good.utf8.count))
        }
        let future = try WARCReader(input: WARCDataInput(Data(good.replacingOccurrences(of: "WARC/1.1", with: "WARC/2.0").utf8))).readAll()
        #expect(future.records.map(\.version) == ["2.0"])
        #expect(future.reasons == [.unsupportedVersion("2.0")])
    }

    @Test("hostile input never crashes: random bytes and seeded mutations of the fixtures")
    func hostileInput() throws {
        var generator = SplitMix64(seed: 0xC0FFEE)
        let sources = try ["news-1.1.warc.gz", "news-1.1.warc", "single-member.warc.gz"].map {
            try Data(contentsOf: URL(fileURLWithPath: WARCFixture.path($0)))
        }
        for round in 0..<300 {
            var bytes: [UInt8]
            if round % 10 == 0 {
                bytes = (0..<Int(generator.next() % 20_000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = [UInt8](sources[round % sources.count])
                for _ in 0..<(1 + generator.next() % 8) {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 4 {
                    case 0: bytes[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 200)))
                    case 2: bytes.insert(contentsOf: (0..<Int(generator.next() % 50)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: at)
                    default: bytes.removeSubrange(at...)
                    }
                    if bytes.isEmpty { break }
                }
            }
            let reader = try WARCReader(input: WARCDataInput(Data(bytes)))
            var count = 0
            while let record = try reader.next() {
                #expect(Int64(record.block.count) == record.headers.contentLength)
                _ = try? record.httpResponse()
                count += 1
                try #require(count < 1000)
            }
        }
    }
}
