import Foundation
import Testing
@testable import Normalize

@Suite("ARC files: read as WARC records, plain or gzip, version 1 and 2")
struct ARCReaderTests {
    static let layouts: [(ARCTestArchive.Storage, Int)] = ARCTestArchive.Storage.allCases.flatMap { storage in
        [1, 2].map { (storage, $0) }
    }

    static func read(_ data: Data, from start: WARCPosition = .start, options: WARCReaderOptions = WARCReaderOptions()) throws -> WARCReadResult {
        try WARCReader(input: WARCDataInput(data), startingAt: start, options: options).readAll()
    }

    @Test("the filedesc record becomes warcinfo, HTTP captures responses, dns: a resource", arguments: layouts)
    func recordsAndTypes(storage: ARCTestArchive.Storage, version: Int) throws {
        let data = storage.encode(ARCTestArchive.pieces(version: version))
        let reader = try WARCReader(input: WARCDataInput(data))
        #expect(reader.format == .arc)
        #expect(reader.isCompressed == (storage != .plain))
        let result = try reader.readAll()
        #expect(result.warnings.isEmpty)
        #expect(result.types == [.warcinfo, .response, .response, .resource, .response])
        #expect(result.uris == [nil, "http://news.example/2001/09/council.html", "http://news.example/2001/09/ferry.html",
                                "dns:news.example", "http://news.example/missing.html"])
        #expect(result.records.allSatisfy { $0.version == "ARC/\(version)" })
        #expect(result.records[0].headers["WARC-Filename"] == "copydesk-test.arc")
        #expect(String(decoding: result.records[0].block, as: UTF8.self).hasPrefix("\(version) 0 Copydesk Tests\n"))
        // The 14-digit archive date is the record's date: 2001-09-11T08:31:05Z.
        #expect(result.records[1].date == Date(timeIntervalSince1970: 1_000_197_065))
        #expect(result.records[1].headers.ipAddress == "192.0.2.7")
        #expect(result.records[1].headers["ARC-Content-Type"] == "text/html")
        #expect(result.records[3].headers.contentType == "text/dns")
        for record in result.records {
            #expect(Int64(record.block.count) == record.headers.contentLength)
        }
    }

    @Test("the HTTP message inside is parsed like a WARC response's: chunked and gzip undone, statuses kept", arguments: layouts)
    func httpInside(storage: ARCTestArchive.Storage, version: Int) throws {
        let result = try Self.read(storage.encode(ARCTestArchive.pieces(version: version)))
        let council = try #require(try result.records[1].httpResponse())
        #expect(council.status == 200)
        #expect(council.body == ARCTestArchive.html("Council meets"))
        let ferry = try #require(try result.records[2].httpResponse())
        #expect(ferry.decodings == ["chunked", "gzip"])
        #expect(ferry.body == ARCTestArchive.html("Ferry timetable changes"))
        #expect(try result.records[4].httpResponse()?.status == 404)
        #expect(try result.records[3].httpResponse() == nil)
    }

    @Test("starting at any record's next position reads exactly the records after it", arguments: layouts)
    func resume(storage: ARCTestArchive.Storage, version: Int) throws {
        let data = storage.encode(ARCTestArchive.pieces(version: version))
        let all = try Self.read(data).records
        if storage == .gzipWhole {
            // One member holds every record: positions count records into it.
            #expect(all.map(\.position.recordsIntoSegment) == Array(0..<all.count))
        }
        for (index, record) in all.enumerated() {
            let rest = try Self.read(data, from: record.nextPosition)
            #expect(rest.warnings.isEmpty)
            #expect(rest.uris == all[(index + 1)...].map(\.targetURI))
            #expect(rest.records.map(\.position) == all[(index + 1)...].map(\.position))
            let again = try Self.read(data, from: record.position)
            #expect(again.records.first?.block == record.block)
        }
    }

    @Test("the backfill filter sees ARC records through their WARC fields: types, hosts, the date window")
    func filter() throws {
        let data = ARCTestArchive.Storage.plain.encode(ARCTestArchive.pieces(version: 1))
        let since = try #require(FeedDate.parse("2001-09-11T08:31:30Z"))
        let options = WARCReaderOptions(filter: .documents(hosts: [WARCHostPattern("news.example")], since: since))
        let result = try Self.read(data, options: options)
        #expect(result.uris == ["http://news.example/2001/09/ferry.html", "http://news.example/missing.html"])
    }

    @Test("header lines of both versions are read from the right; other lines are not ARC headers")
    func headerLines() throws {
        func parse(_ line: String) -> ARCHeaderLine? { ARCHeaderLine.parse(Array(line.utf8)) }
        let v1 = try #require(parse("http://a.example/x y.html 192.0.2.1 20010911083105 text/html 1234"))
        #expect(v1.url == "http://a.example/x%20y.html")
        #expect(v1.ipAddress == "192.0.2.1")
        #expect(v1.archiveDate == "20010911083105")
        #expect(v1.contentType == "text/html")
        #expect(v1.length == 1234)
        #expect(v1.version == 1)
        let v2 = try #require(parse("https://a.example/ 192.0.2.1 20010911083105 text/html 200 ABC - 77 f.arc 99"))
        #expect(v2.url == "https://a.example/")
        #expect(v2.contentType == "text/html")
        #expect(v2.resultCode == "200")
        #expect(v2.length == 99)
        #expect(v2.version == 2)
        for line in ["HTTP/1.1 200 OK", "<p>Five words and 12345</p>", "a b 20010911083105 text/html 12",
                     "http://a.example/ 192.0.2.1 yesterday text/html 12", "http://a.example/ 192.0.2.1 20010911083105 text/html -1",
                     "WARC/1.0", "", "Content-Length: 20010911083105 text/html 12 34"] {
            #expect(parse(line) == nil, "\(line)")
        }
    }

    @Test("archive dates: 14 digits, shorter ones completed, longer ones cut, impossible ones left out")
    func archiveDates() {
        #expect(ARCHeaderLine.isoDate("19961104142103") == "1996-11-04T14:21:03Z")
        #expect(ARCHeaderLine.isoDate("199611041421") == "1996-11-04T14:21:00Z")
        #expect(ARCHeaderLine.isoDate("199611") == "1996-11-01T00:00:00Z")
        #expect(ARCHeaderLine.isoDate("2001091108310512") == "2001-09-11T08:31:05Z")
        #expect(ARCHeaderLine.isoDate("20010231000000") == nil)
        #expect(ARCHeaderLine.isoDate("2001x") == nil)
    }
}

@Suite("Old formats: hostile input never crashes or hangs")
struct ARCHostileInputTests {
    @Test("seeded mutations of ARC and legacy WARC files in every layout")
    func mutations() throws {
        var generator = SplitMix64(seed: 0xA4C)
        let sources = ARCTestArchive.Storage.allCases.flatMap { storage in
            [storage.encode(ARCTestArchive.pieces(version: 1)), storage.encode(ARCTestArchive.pieces(version: 2)),
             storage.encode(WARCLegacyTests.clueWeb09(lengthsCountCR: true))]
        }
        for round in 0..<600 {
            var bytes = [UInt8](sources[round % sources.count])
            for _ in 0..<(1 + generator.next() % 6) {
                guard !bytes.isEmpty else { break }
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 5 {
                case 0: bytes[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 120)))
                case 2: bytes.insert(contentsOf: Array("\nhttp://x.example/ 1.2.3.4 20010101000000 text/html 9\n".utf8), at: at)
                case 3: bytes.insert(contentsOf: (0..<Int(generator.next() % 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            let reader = try WARCReader(input: WARCDataInput(Data(bytes)))
            var count = 0
            while let record = try reader.next() {
                #expect(Int64(record.block.count) == record.headers.contentLength)
                _ = try? record.httpResponse()
                // Resuming from any record never fails either.
                if count == 1 { _ = try WARCReader(input: WARCDataInput(Data(bytes)), startingAt: record.nextPosition).readAll() }
                count += 1
                try #require(count < 1000)
            }
        }
    }
}
