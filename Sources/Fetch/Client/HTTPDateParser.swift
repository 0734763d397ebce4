import Foundation

/// The three date formats HTTP allows (RFC 9110 §5.6.7).
enum HTTPDateParser {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ]

    static func parse(_ text: String) -> Date? {
        // An HTTP date is short printable ASCII (RFC 9110 §5.6.7). Anything else is no date,
        // and must not reach Foundation's DateFormatter: on some non-ASCII input it traps
        // ("Incorrect range CFRange", found by fuzzing the `http` target), which a server's
        // `Retry-After` or `Last-Modified` header could trigger.
        guard text.utf8.count <= 64, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
