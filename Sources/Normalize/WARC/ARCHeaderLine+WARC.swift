import Foundation

extension ARCHeaderLine {
    /// The WARC header fields the record would have had, so that the rest of the pipeline (filters,
    /// `httpResponse`, backfill) reads an ARC record exactly like a WARC one, as warcio's ARC-to-WARC
    /// conversion does: the `filedesc` record becomes `warcinfo`, an `http:`/`https:` capture a
    /// `response` holding the HTTP message, any other scheme (`dns:`, `ftp:`) a `resource` of the
    /// ARC content type. The ARC fields stay readable as `ARC-…` fields. No `WARC-Record-ID` is
    /// invented: ARC records have none.
    var warcHeaders: WARCHeaders {
        var fields: [(name: String, value: String)] = []
        let lowercasedURL = url.lowercased()
        if isFileDescription {
            fields.append(("WARC-Type", "warcinfo"))
            fields.append(("WARC-Filename", String(url.dropFirst("filedesc://".count))))
        } else if lowercasedURL.hasPrefix("http:") || lowercasedURL.hasPrefix("https:") {
            fields.append(("WARC-Type", "response"))
            fields.append(("WARC-Target-URI", url))
        } else {
            fields.append(("WARC-Type", "resource"))
            fields.append(("WARC-Target-URI", url))
        }
        if let date = Self.isoDate(archiveDate) { fields.append(("WARC-Date", date)) }
        if !isFileDescription, ipAddress != "-" { fields.append(("WARC-IP-Address", ipAddress)) }
        let isResponse = fields[0].value == "response"
        fields.append(("Content-Type", isResponse ? "application/http; msgtype=response" : contentType))
        fields.append(("Content-Length", String(length)))
        fields.append(("ARC-Archive-Date", archiveDate))
        fields.append(("ARC-Content-Type", contentType))
        if let resultCode { fields.append(("ARC-Result-Code", resultCode)) }
        return WARCHeaders(fields)
    }

    /// `19961104142103` → `1996-11-04T14:21:03Z`. Shorter dates are completed with the earliest
    /// instant they name (`199611` is 1 November 1996, midnight), longer ones cut to the second;
    /// nil when the digits name no real date.
    static func isoDate(_ digits: String) -> String? {
        let bytes = Array(digits.utf8)
        guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let padded = bytes.prefix(14) + Array("0101000000".utf8).suffix(max(14 - bytes.count, 0))
        func field(_ start: Int, _ count: Int) -> Int {
            padded[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let (year, month, day) = (field(0, 4), field(4, 2), field(6, 2))
        let (hour, minute, second) = (field(8, 2), field(10, 2), field(12, 2))
        guard FeedDate.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                    offsetSeconds: 0) != nil
        else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}
