/// The one-line header of an ARC record (the Internet Archive's format before WARC, written by
/// Alexa, Heritrix 1.x and the Wayback tools from 1996 on).
///
/// Version 1 lines have five fields, `URL IP-address archive-date content-type length`; version 2
/// lines ten, `URL IP-address archive-date content-type result-code checksum location offset
/// filename length`. Both are read from the right, as warcio does, so a URL with a stray space
/// survives; the shape of the fields, not the file's `filedesc` record, decides the version, so a
/// reader resumed in the middle of a file reads the same.
struct ARCHeaderLine: Equatable {
    var url: String
    var ipAddress: String
    /// The archive date as written: 14 digits (`yyyyMMddHHmmss`), sometimes fewer or more.
    var archiveDate: String
    var contentType: String
    /// Bytes of content after the header line's line feed.
    var length: Int64
    /// 1 or 2.
    var version: Int
    /// Version 2 only: the HTTP status code (`-` for non-HTTP records).
    var resultCode: String?

    /// The `filedesc://` record that opens every ARC file.
    var isFileDescription: Bool { url.utf8.starts(with: "filedesc:".utf8) }

    /// Parses a line (without its line end); nil when it is not an ARC header line.
    static func parse(_ line: some Collection<UInt8>) -> ARCHeaderLine? {
        guard !line.isEmpty, line.count <= 64 * 1024 else { return nil }
        let fields = line.split(separator: 0x20, omittingEmptySubsequences: true)
        let count = fields.count
        guard count >= 5, let length = number(fields[count - 1]) else { return nil }
        let version: Int
        if count >= 10, isDate(fields[count - 8]), isNumberOrDash(fields[count - 3]) {
            version = 2
        } else if isDate(fields[count - 3]) {
            version = 1
        } else {
            return nil
        }
        let urlFieldCount = count - (version == 2 ? 9 : 4)
        let url = fields[0..<urlFieldCount].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "%20")
        // A URL has a scheme: `http:`, `dns:`, `filedesc:` …; nothing else starts a record.
        guard let colon = url.utf8.firstIndex(of: 0x3a), colon != url.utf8.startIndex,
              url.utf8[..<colon].allSatisfy(isSchemeByte), url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7f })
        else { return nil }
        let first = urlFieldCount
        return ARCHeaderLine(
            url: url, ipAddress: text(fields[first]), archiveDate: text(fields[first + 1]),
            contentType: text(fields[first + 2]), length: length, version: version,
            resultCode: version == 2 ? text(fields[first + 3]) : nil)
    }

    /// A cheap first test before ``parse(_:)``: a header line starts with a URL's scheme and ends
    /// with the length's last digit.
    static func looksLikeHeader(_ line: some BidirectionalCollection<UInt8>) -> Bool {
        guard let first = line.first, let last = line.last else { return false }
        return (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a && last >= 0x30 && last <= 0x39
    }

    private static func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func number(_ bytes: some Collection<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 15, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text(bytes))
    }

    /// 8 to 17 digits: archive dates are 14 digits, some writers cut or extend them.
    private static func isDate(_ bytes: some Collection<UInt8>) -> Bool {
        (8...17).contains(bytes.count) && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isNumberOrDash(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.elementsEqual("-".utf8) || number(bytes) != nil
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, 0x2b, 0x2d, 0x2e: true
        default: false
        }
    }
}
