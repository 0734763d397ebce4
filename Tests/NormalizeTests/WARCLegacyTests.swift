import Foundation
import Normalize
import Testing

@Suite("WARC as old crawlers wrote it: 0.17, 0.18 (ClueWeb09), bare LFs, odd headers, trailing garbage")
struct WARCLegacyTests {
    /// One WARC record with the given version line, fields and line ends.
    static func record(
        version: String = "WARC/1.0", _ fields: [(String, String)], block: Data, lineEnd: String = "\r\n",
        terminator: String? = nil, declaredLength: Int? = nil
    ) -> Data {
        var head = version + lineEnd
        for (name, value) in fields { head += "\(name): \(value)\(lineEnd)" }
        head += "Content-Length: \(declaredLength ?? block.count)\(lineEnd)\(lineEnd)"
        return Data(head.utf8) + block + Data((terminator ?? lineEnd + lineEnd).utf8)
    }

    static func read(_ data: Data, from start: WARCPosition = .start, options: WARCReaderOptions = WARCReaderOptions()) throws -> WARCReadResult {
        try WARCReader(input: WARCDataInput(data), startingAt: start, options: options).readAll()
    }

    /// A Heritrix 1.x style WARC/0.17 crawl: warcinfo, request, response, metadata.
    static func heritrix017() -> [Data] {
        let uri = "http://news.example/2008/04/harbour.html"
        return [
            record(version: "WARC/0.17", [("WARC-Type", "warcinfo"), ("WARC-Date", "2008-04-30T20:48:25Z"),
                                 ("WARC-Record-ID", "<urn:uuid:0017-0001>"), ("Content-Type", "application/warc-fields")],
                   block: Data("software: Heritrix/1.14.0 http://crawler.archive.org\r\nformat: WARC File Format 0.17\r\n".utf8)),
            record(version: "WARC/0.17", [("WARC-Type", "request"), ("WARC-Target-URI", uri), ("WARC-Date", "2008-04-30T20:48:26Z"),
                                 ("WARC-Record-ID", "<urn:uuid:0017-0002>"), ("Content-Type", "application/http; msgtype=request")],
                   block: Data("GET /2008/04/harbour.html HTTP/1.0\r\nHost: news.example\r\n\r\n".utf8)),
            record(version: "WARC/0.17", [("WARC-Type", "response"), ("WARC-Target-URI", uri), ("WARC-Date", "2008-04-30T20:48:26Z"),
                                 ("WARC-Payload-Digest", "sha1:AAAA"), ("WARC-IP-Address", "192.0.2.9"),
                                 ("WARC-Record-ID", "<urn:uuid:0017-0003>"), ("Content-Type", "application/http; msgtype=response")],
                   block: ARCTestArchive.http(body: ARCTestArchive.html("Harbour 2008"))),
            record(version: "WARC/0.17", [("WARC-Type", "metadata"), ("WARC-Target-URI", uri), ("WARC-Date", "2008-04-30T20:48:26Z"),
                                 ("WARC-Record-ID", "<urn:uuid:0017-0004>"), ("Content-Type", "text/anvl")],
                   block: Data("via: http://news.example/\r\nhopsFromSeed: L\r\n".utf8)),
        ]
    }

    /// A ClueWeb09 style WARC/0.18 file: bare LFs everywhere (record headers, HTTP headers, the
    /// end of each record), an impossible date, a TREC ID, an empty field, a terse content type.
    static func clueWeb09(lengthsCountCR: Bool = false) -> [Data] {
        var pieces = [record(version: "WARC/0.18", [("WARC-Type", "warcinfo"), ("WARC-Date", "2009-03-65T08:43:19-0800"),
                                           ("WARC-Number-of-Documents", "3"), ("Content-Type", "application/warc-fields")],
                             block: Data("software: Nutch 1.0-dev (modified for clueweb09)\n".utf8), lineEnd: "\n")]
        for index in 0..<3 {
            let http = ARCTestArchive.http(headers: [("Content-Type", "text/html"), ("Server", "Apache")],
                                           body: ARCTestArchive.html("Page \(index)"), lineEnd: "\n")
            // The crawl counted the CRs its HTTP header lines lost: 4 lines, 4 bytes too many.
            pieces.append(record(version: "WARC/0.18", [
                ("WARC-Type", "response"), ("WARC-Target-URI", "http://site\(index).example/"),
                ("WARC-Warcinfo-ID", "993d3969-9643-4934-b1c6-68d4dbe55b83"), ("WARC-Date", "2009-03-65T08:43:19-0800"),
                ("WARC-Record-ID", "<urn:uuid:0018-000\(index)>"), ("WARC-TREC-ID", "clueweb09-en0000-00-0000\(index)"),
                ("Content-Type", "application/http;msgtype=response"), ("WARC-Identified-Payload-Type", ""),
            ], block: http, lineEnd: "\n", declaredLength: lengthsCountCR ? http.count + 4 : nil))
        }
        return pieces
    }

    @Test("Heritrix 1.x WARC/0.17 records are read without warnings", arguments: ARCTestArchive.Storage.allCases)
    func heritrix(storage: ARCTestArchive.Storage) throws {
        let result = try Self.read(storage.encode(Self.heritrix017()))
        #expect(result.warnings.isEmpty)
        #expect(result.types == [.warcinfo, .request, .response, .metadata])
        #expect(result.records.allSatisfy { $0.version == "0.17" })
        let response = try #require(try result.records[2].httpResponse())
        #expect(response.body == ARCTestArchive.html("Harbour 2008"))
        #expect(result.records[2].date == Date(timeIntervalSince1970: 1_209_588_506))
    }

    @Test("ClueWeb09 WARC/0.18 with bare LFs is read without warnings", arguments: ARCTestArchive.Storage.allCases)
    func clueWeb(storage: ARCTestArchive.Storage) throws {
        let reader = try WARCReader(input: WARCDataInput(storage.encode(Self.clueWeb09())))
        #expect(reader.format == .warc)
        let result = try reader.readAll()
        #expect(result.warnings.isEmpty)
        #expect(result.types == [.warcinfo, .response, .response, .response])
        #expect(result.records.allSatisfy { $0.version == "0.18" })
        for (index, record) in result.records.dropFirst().enumerated() {
            #expect(record.holdsHTTP("response"))
            #expect(record.headers["WARC-TREC-ID"] == "clueweb09-en0000-00-0000\(index)")
            #expect(record.headers.identifiedPayloadType == "")
            // "2009-03-65" is no date: the record is kept, without one.
            #expect(record.date == nil)
            let parts = try #require(try record.httpResponse())
            #expect(parts.contentType == "text/html")
            #expect(parts.body == ARCTestArchive.html("Page \(index)"))
        }
    }

    @Test("declared lengths that run into the next record are cut there, and resuming agrees",
          arguments: [ARCTestArchive.Storage.plain, .gzipWhole])
    func lengthsCountingLostCRs(storage: ARCTestArchive.Storage) throws {
        let data = storage.encode(Self.clueWeb09(lengthsCountCR: true))
        let exact = try Self.read(storage.encode(Self.clueWeb09())).records
        let result = try Self.read(data)
        #expect(result.records.map(\.block) == exact.map(\.block))
        // The last record's excess runs past the end of the file: its bytes end with a whole
        // record end, so it is kept too.
        #expect(result.reasons == exact.dropFirst().map {
            .declaredLengthTooLong(declared: Int64($0.block.count + 4), actual: Int64($0.block.count))
        })
        for (index, record) in result.records.enumerated() {
            let rest = try Self.read(data, from: record.nextPosition).records
            #expect(rest.map(\.block) == result.records[(index + 1)...].map(\.block))
        }
        // A filter that passes over the first response still frames the records the same way.
        let filter = WARCRecordFilter(types: [.response], hosts: [WARCHostPattern("site1.example"), WARCHostPattern("site2.example")])
        let filtered = try Self.read(data, options: WARCReaderOptions(filter: filter)).records
        #expect(filtered.map(\.block) == exact.suffix(2).map(\.block))
        #expect(filtered.map(\.position) == result.records.suffix(2).map(\.position))
    }

    @Test("odd version lines and header fields: lower case, no space, spaces before the colon, tabs, folded lines")
    func oddHeaders() throws {
        let block = Data("hello".utf8)
        let text = "warc/1.0\r\nwarc-type:resource\r\nWARC-Target-URI :\t<http://a.example/x>\r\nX-Folded: one\r\n  two\r\n"
            + "CONTENT-LENGTH :  5 \r\n\r\nhello\r\n\r\n"
        let data = Data(text.utf8) + Self.record([("WARC-Type", "resource")], block: block)
        let result = try Self.read(data)
        #expect(result.warnings.isEmpty)
        #expect(result.types == [.resource, .resource])
        #expect(result.records[0].targetURI == "http://a.example/x")
        #expect(result.records[0].headers["x-folded"] == "one two")
        #expect(result.records.map(\.block) == [block, block])
    }

    @Test("records with too few line breaks between them, or none, are kept with a warning")
    func missingSeparators() throws {
        let block = Data("hello".utf8)
        let first = Self.record([("WARC-Type", "resource")], block: block, terminator: "")
        let second = Self.record([("WARC-Type", "resource")], block: block, terminator: "\n")
        let third = Self.record([("WARC-Type", "resource")], block: block)
        let result = try Self.read(first + second + third)
        #expect(result.records.map(\.block) == [block, block, block])
        #expect(result.reasons == [.missingRecordTerminator, .missingRecordTerminator])
    }

    @Test("garbage after the last record ends the file with one warning, every record kept",
          arguments: ARCTestArchive.Storage.allCases)
    func trailingGarbage(storage: ARCTestArchive.Storage) throws {
        let garbage = Data("\u{0}\u{1}this is not a record\nnor is this\n".utf8) + Data((0..<200).map { UInt8($0) })
        for pieces in [Self.heritrix017(), ARCTestArchive.pieces(version: 1)] {
            let clean = try Self.read(storage.encode(pieces))
            // Inside the gzip member, or after it.
            for data in [storage.encode(pieces + [garbage]), storage.encode(pieces) + garbage] {
                let result = try Self.read(data)
                #expect(result.records.map(\.block) == clean.records.map(\.block))
                #expect(result.warnings.count == 1)
                guard case .skippedBytes = result.warnings.first?.reason else {
                    Issue.record("expected skipped bytes, got \(result.warnings)")
                    continue
                }
            }
        }
    }
}
