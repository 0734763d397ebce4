import Foundation
import Normalize
import Testing

@Suite("WARC reader: positions and resuming")
struct WARCResumeTests {
    @Test(
        "starting at any record's next position reads exactly the records after it",
        arguments: ["news-1.1.warc.gz", "news-1.0.warc", "single-member.warc.gz", "garbage-between.warc.gz", "lying-length.warc"])
    func resumeAfterEachRecord(fixture: String) throws {
        let all = try WARCReader.readAll(fixture).records
        for (index, record) in all.enumerated() {
            let rest = try WARCReader.readAll(fixture, from: record.nextPosition).records
            #expect(rest.map(\.headers.recordID) == all[(index + 1)...].map(\.headers.recordID))
            #expect(rest.map(\.position) == all[(index + 1)...].map(\.position))
        }
    }

    @Test("starting at a record's own position reads it again first", arguments: ["news-1.1.warc.gz", "news-1.1.warc", "single-member.warc.gz"])
    func resumeAtRecord(fixture: String) throws {
        let all = try WARCReader.readAll(fixture).records
        for (index, record) in all.enumerated() {
            let reader = try WARCReader(path: WARCFixture.path(fixture), startingAt: record.position)
            let first = try #require(try reader.next())
            #expect(first.headers.recordID == all[index].headers.recordID)
            #expect(first.block == all[index].block)
        }
    }

    @Test("the reader's position follows what it consumed, filtered records included")
    func readerPosition() throws {
        let path = try WARCFixture.path("news-1.1.warc.gz")
        let reader = try WARCReader(path: path, options: WARCReaderOptions(filter: WARCRecordFilter(types: [.response])))
        #expect(reader.position == .start)
        var seen: [WARCRecord] = []
        while let record = try reader.next() {
            #expect(reader.position == record.nextPosition)
            seen.append(record)
        }
        #expect(seen.count == 4)
        #expect(reader.recordsDelivered == 4)
        #expect(reader.recordsFiltered == 7)
        #expect(reader.position.offset == reader.inputSize)
        // A reader resumed at the end reads nothing.
        #expect(try WARCReader(path: path, startingAt: reader.position).next() == nil)
    }

    @Test("a kill between records loses and doubles nothing when resumed from the checkpoint")
    func killAndResume() throws {
        let fixture = "news-1.1.warc.gz"
        let all = try WARCReader.readAll(fixture).records
        for stopAfter in 0..<all.count {
            // First run: process `stopAfter + 1` records, checkpointing after each, then "die".
            var processed: [String?] = []
            var checkpoint = WARCPosition.start
            let first = try WARCReader(path: WARCFixture.path(fixture))
            while processed.count <= stopAfter, let record = try first.next() {
                processed.append(record.headers.recordID)
                checkpoint = record.nextPosition
            }
            let second = try WARCReader(path: WARCFixture.path(fixture), startingAt: checkpoint)
            while let record = try second.next() { processed.append(record.headers.recordID) }
            #expect(processed == all.map(\.headers.recordID))
        }
    }

    @Test("a resume offset that is not at a member boundary resynchronises with a warning")
    func misplacedOffset() throws {
        let all = try WARCReader.readAll("news-1.1.warc.gz").records
        let result = try WARCReader.readAll("news-1.1.warc.gz", from: WARCPosition(offset: all[3].offset + 5))
        #expect(result.records.map(\.headers.recordID) == all[4...].map(\.headers.recordID))
        #expect(result.warnings == [WARCWarning(offset: all[3].offset + 5, reason: .skippedBytes(all[4].offset - all[3].offset - 5))])
    }

    @Test("a position survives a JSON round trip (for the state store)")
    func codable() throws {
        let position = WARCPosition(offset: 123_456_789_012, recordsIntoSegment: 3)
        let decoded = try JSONDecoder().decode(WARCPosition.self, from: JSONEncoder().encode(position))
        #expect(decoded == position)
        #expect(WARCPosition(offset: 5) < WARCPosition(offset: 5, recordsIntoSegment: 1))
    }
}
