import Foundation
import Normalize

/// Builds small ARC and legacy WARC files byte by byte for the tests: each odd case the readers of
/// other projects meet in old crawls is written here on purpose, not copied from those crawls.
enum ARCTestArchive {
    /// An HTTP/1.x response message with CRLF (or bare LF) line ends.
    static func http(
        status: String = "200 OK", headers: [(String, String)] = [("Content-Type", "text/html")], body: Data,
        lineEnd: String = "\r\n"
    ) -> Data {
        var head = "HTTP/1.1 \(status)\(lineEnd)"
        for (name, value) in headers { head += "\(name): \(value)\(lineEnd)" }
        return Data((head + lineEnd).utf8) + body
    }

    static func html(_ title: String) -> Data {
        Data("<html><head><title>\(title)</title></head><body><p>\(title): the harbour news of the day.</p></body></html>".utf8)
    }

    /// The `filedesc://` record that opens an ARC file, version 1 (five fields) or 2 (ten).
    static func fileDescription(name: String = "copydesk-test.arc", date: String = "20010911083000", version: Int) -> Data {
        let spec = version == 1
            ? "URL IP-address Archive-date Content-type Archive-length"
            : "URL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length"
        let content = Data("\(version) 0 Copydesk Tests\n\(spec)\n\n".utf8)
        return record(url: "filedesc://\(name)", ip: "0.0.0.0", date: date, type: "text/plain", content: content,
                      version: version, resultCode: "-")
    }

    /// One ARC record: header line, content, and `separator` (one LF by the format's custom).
    static func record(
        url: String, ip: String = "192.0.2.7", date: String, type: String = "text/html", content: Data,
        version: Int = 1, resultCode: String = "200", declaredLength: Int? = nil, separator: String = "\n"
    ) -> Data {
        let length = declaredLength ?? content.count
        let line = version == 1
            ? "\(url) \(ip) \(date) \(type) \(length)\n"
            : "\(url) \(ip) \(date) \(type) \(resultCode) 0123456789ABCDEF - 0 copydesk-test.arc \(length)\n"
        return Data(line.utf8) + content + Data(separator.utf8)
    }

    /// A small ARC file: the file description, two HTML captures (one chunked and gzipped), a
    /// `dns:` record and a 404, each as its own piece (for gzip per record).
    static func pieces(version: Int) -> [Data] {
        let gzipped = TestDeflater.deflate(html("Ferry timetable changes"), windowBits: 31) ?? Data()
        let chunked = Data("\(String(gzipped.count, radix: 16))\r\n".utf8) + gzipped + Data("\r\n0\r\n\r\n".utf8)
        return [
            fileDescription(version: version),
            record(url: "http://news.example/2001/09/council.html", date: "20010911083105",
                   content: http(body: html("Council meets")), version: version),
            record(url: "http://news.example/2001/09/ferry.html", date: "20010911083210",
                   content: http(headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
                                           ("Content-Encoding", "gzip")], body: chunked), version: version),
            record(url: "dns:news.example", date: "20010911083001", type: "text/dns",
                   content: Data("20010911083001\nnews.example.\t3600\tIN\tA\t192.0.2.7\n".utf8), version: version, resultCode: "-"),
            record(url: "http://news.example/missing.html", date: "20010911083300",
                   content: http(status: "404 Not Found", body: Data("gone".utf8)), version: version, resultCode: "404"),
        ]
    }

    /// Each piece gzipped as its own member (how the Internet Archive stores `.arc.gz`).
    static func gzipEach(_ pieces: [Data]) -> Data {
        pieces.reduce(into: Data()) { $0 += TestDeflater.deflate($1, windowBits: 31) ?? Data() }
    }

    /// All pieces in one gzip member (`gzip file.arc`).
    static func gzipWhole(_ pieces: [Data]) -> Data {
        TestDeflater.deflate(pieces.reduce(Data(), +), windowBits: 31) ?? Data()
    }

    /// The three ways a file is stored.
    enum Storage: String, CaseIterable, CustomStringConvertible {
        case plain, gzipPerRecord, gzipWhole
        var description: String { rawValue }

        func encode(_ pieces: [Data]) -> Data {
            switch self {
            case .plain: pieces.reduce(Data(), +)
            case .gzipPerRecord: ARCTestArchive.gzipEach(pieces)
            case .gzipWhole: ARCTestArchive.gzipWhole(pieces)
            }
        }
    }
}
