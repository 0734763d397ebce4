import Foundation
import Normalize
import Testing

@Suite("WARC reader: well-formed files written by warcio")
struct WARCReaderTests {
    static let wellFormed = ["news-1.1.warc.gz", "news-1.0.warc.gz", "news-1.1.warc", "news-1.0.warc"]

    @Test("reads every record of both versions, gzip and plain, without warnings", arguments: wellFormed)
    func readsEveryRecord(fixture: String) throws {
        let result = try WARCReader.readAll(fixture)
        #expect(result.warnings.isEmpty)
        #expect(result.types == WARCFixture.types)
        let version = fixture.contains("1.1") ? "1.1" : "1.0"
        #expect(result.records.allSatisfy { $0.version == version })
        // Each block has exactly the length its header declares.
        for record in result.records {
            #expect(Int64(record.block.count) == record.headers.contentLength)
        }
    }

    @Test("detects gzip by its magic bytes", arguments: wellFormed)
    func detectsCompression(fixture: String) throws {
        let reader = try WARCReader(path: WARCFixture.path(fixture))
        #expect(reader.isCompressed == fixture.hasSuffix(".gz"))
    }

    @Test("record offsets are the ones warcio reports", arguments: wellFormed)
    func offsetsMatchWarcio(fixture: String) throws {
        let result = try WARCReader.readAll(fixture)
        let manifest = try WARCFixture.manifest(fixture)
        try #require(manifest.count == result.records.count)
        for (record, entry) in zip(result.records, manifest) {
            #expect(record.offset == entry.offset)
            #expect(record.position.recordsIntoSegment == 0)
            #expect(record.type.description == entry.type)
            #expect(record.targetURI == entry.uri)
        }
        // The next position of one record is the position of the next.
        for (record, following) in zip(result.records, result.records.dropFirst()) {
            #expect(record.nextPosition == following.position)
        }
        let size = try FileManager.default.attributesOfItem(atPath: WARCFixture.path(fixture))[.size] as? Int
        #expect(result.records.last?.nextPosition.offset == Int64(size ?? -1))
    }

    @Test("header fields are read case-insensitively, with typed accessors")
    func headerFields() throws {
        let result = try WARCReader.readAll("news-1.1.warc.gz")
        let response = try #require(result.records.first { $0.type == .response })
        #expect(response.headers["warc-target-uri"] == response.headers["WARC-Target-URI"])
        #expect(response.targetURI == "http://news.harbour-gazette.example/news/2024/03/council-approves-new-marina")
        #expect(response.headers.recordID == "<urn:uuid:00000000-0000-0000-0000-00005eed0003>")
        #expect(response.headers.contentType == "application/http; msgtype=response")
        #expect(response.headers.ipAddress == "192.0.2.10")
        #expect(response.headers.payloadDigest?.hasPrefix("sha1:") == true)
        #expect(response.date == Date(timeIntervalSince1970: 1_710_151_200))  // 2024-03-11T10:00:00Z
        // WARC 1.1 dates may carry a fraction of a second.
        let info = try #require(result.records.first)
        #expect(info.type == .warcinfo)
        #expect(info.date == Date(timeIntervalSince1970: 1_710_417_600.25))
        #expect(String(decoding: info.block, as: UTF8.self).contains("isPartOf: copydesk-fixtures"))
    }

    @Test("revisit and metadata records keep what they refer to")
    func revisitAndMetadata() throws {
        for fixture in ["news-1.1.warc.gz", "news-1.0.warc.gz"] {
            let result = try WARCReader.readAll(fixture)
            let revisit = try #require(result.records.first { $0.type == .revisit })
            let original = try #require(result.records.first { $0.type == .response })
            #expect(revisit.headers.payloadDigest == original.headers.payloadDigest)
            #expect(revisit.headers.refersToTargetURI == original.targetURI)
            let expectedProfile = fixture.contains("1.1") ? "/1.1/revisit/identical-payload-digest" : "/1.0/revisit/identical-payload-digest"
            #expect(revisit.headers.profile?.hasSuffix(expectedProfile) == true)
            let parts = try #require(try revisit.httpResponse())
            #expect(parts.status == 200)
            #expect(parts.body.isEmpty)
            let metadata = try #require(result.records.first { $0.type == .metadata })
            #expect(String(decoding: metadata.block, as: UTF8.self).contains("outlink: "))
            #expect(try metadata.httpResponse() == nil)
        }
    }

    @Test("a WARC compressed as one gzip member reads the same as the plain file")
    func singleMember() throws {
        let whole = try WARCReader.readAll("single-member.warc.gz")
        let plain = try WARCReader.readAll("news-1.1.warc")
        #expect(whole.warnings.isEmpty)
        #expect(whole.records.map(\.block) == plain.records.map(\.block))
        #expect(whole.records.map(\.position) == (0..<plain.records.count).map { WARCPosition(offset: 0, recordsIntoSegment: $0) })
    }

    @Test("a record larger than the block limit is skipped with a warning; the rest are read")
    func tooLargeSkipped() throws {
        let result = try WARCReader.readAll("news-1.1.warc.gz", options: WARCReaderOptions(maxBlockBytes: 2000))
        let large = try WARCReader.readAll("news-1.1.warc.gz").records.filter { $0.block.count > 2000 }
        #expect(!large.isEmpty)
        #expect(result.records.count == WARCFixture.types.count - large.count)
        #expect(result.records.allSatisfy { $0.block.count <= 2000 })
        #expect(result.warnings.count == large.count)
        #expect(result.warnings.map(\.offset) == large.map(\.offset))
        #expect(result.warnings.allSatisfy { if case .recordTooLarge(_, 2000) = $0.reason { true } else { false } })
    }

    @Test("reads from memory too, and a missing file is a typed error")
    func inputs() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: WARCFixture.path("news-1.0.warc.gz")))
        let result = try WARCReader(input: WARCDataInput(data)).readAll()
        #expect(result.types == WARCFixture.types)
        #expect(throws: WARCReaderError.self) { try WARCReader(path: "/nonexistent/file.warc.gz") }
        #expect(throws: WARCReaderError.self) { try WARCReader(path: "/tmp") }
    }

    @Test("an empty file has no records and no warnings")
    func emptyFile() throws {
        let result = try WARCReader(input: WARCDataInput(Data())).readAll()
        #expect(result.records.isEmpty)
        #expect(result.warnings.isEmpty)
    }
}
