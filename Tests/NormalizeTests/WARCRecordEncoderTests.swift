import Foundation
import Normalize
import Testing

/// Records we write read back by our own reader; digests and the torn-tail cut.
@Suite("WARC writing")
struct WARCRecordEncoderTests {
    @Test func sha1DigestIsBase32AsWARCToolsExpect() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d.
        #expect(WARCRecordEncoder.sha1Label(Array("abc".utf8)[...]) == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }

    @Test func recordsReadBackByOurReaderWithTheirFieldsAndBlocks() throws {
        let encoder = try #require(WARCRecordEncoder())
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello".utf8)
        let date = Date(timeIntervalSince1970: 1_795_160_700)
        let one = encoder.gzipMember(encoder.record(type: "response", date: date, fields: [
            ("WARC-Target-URI", "https://news.example/a?x=1"), ("Content-Type", "application/http;msgtype=response"),
        ], block: block))
        let two = encoder.gzipMember(encoder.record(type: "metadata", date: date, fields: [("WARC-Target-URI", "https://news.example/b")],
                                                    block: Array("note: yes\r\n".utf8)))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("enc-\(UUID().uuidString).warc.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(one + two).write(to: URL(fileURLWithPath: path))
        let reader = try WARCReader(path: path)
        let first = try #require(try reader.next())
        #expect(first.type == .response)
        #expect(first.targetURI == "https://news.example/a?x=1")
        #expect(first.date == date)
        #expect([UInt8](first.block) == block)
        #expect(first.headers["WARC-Block-Digest"] == WARCRecordEncoder.sha1Label(block[...]))
        #expect(try first.httpResponse(maxBodyBytes: 1000)?.body == Data("hello".utf8))
        #expect(try reader.next()?.targetURI == "https://news.example/b")
        #expect(try reader.next() == nil)
        #expect(WARCRecordEncoder.warcDate(date) == "2026-11-20T07:45:00Z")
    }

    @Test func completePrefixStopsBeforeATornMember() throws {
        let encoder = try #require(WARCRecordEncoder())
        let members = (0..<3).map { index in
            encoder.gzipMember(encoder.record(type: "resource", date: Date(), fields: [("WARC-Target-URI", "https://x.example/\(index)")],
                                              block: Array(String(repeating: "text \(index) ", count: 200).utf8)))
        }
        let whole = members[0] + members[1]
        #expect(WARCGzipPrefix.completeLength(of: Data(whole)) == whole.count)
        for cut in [1, 10, members[2].count / 2, members[2].count - 1] {
            #expect(WARCGzipPrefix.completeLength(of: Data(whole + members[2].prefix(cut))) == whole.count)
        }
        #expect(WARCGzipPrefix.completeLength(of: Data()) == 0)
    }
}
