public import Foundation

/// ISO 8601 timestamps at whole seconds, in UTC (`2026-11-20T10:00:00Z`) or in the zone a
/// publisher stated (`2019-11-08T21:11:00-05:00`): the same instant, and the calendar day the
/// publisher's readers saw. Built from `gmtime_r` rather than a `FormatStyle`, since every
/// record carries several dates.
public enum ISOTimestamp {
    /// `offset` is seconds east of UTC; nil or 0 writes `Z`.
    public static func string(_ date: Date, offset: Int? = nil) -> String {
        let shift = offset ?? 0
        var seconds = time_t((date.timeIntervalSince1970 + Double(shift)).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = digits(Int(parts.tm_year) + 1900, 4) + "-" + digits(Int(parts.tm_mon) + 1, 2) + "-"
            + digits(Int(parts.tm_mday), 2) + "T" + digits(Int(parts.tm_hour), 2) + ":" + digits(Int(parts.tm_min), 2)
            + ":" + digits(Int(parts.tm_sec), 2)
        if shift == 0 { return text + "Z" }
        let minutes = abs(shift) / 60
        text += (shift < 0 ? "-" : "+") + digits(minutes / 60, 2) + ":" + digits(minutes % 60, 2)
        return text
    }

    /// The instant and the stated offset (nil for `Z`) of a string ``string(_:offset:)`` wrote
    /// (fractions of a second accepted).
    public static func parse(_ text: String) -> (date: Date, offset: Int?)? {
        // Foundation's ISO 8601 strategy reads fractions of a second too (a second strategy
        // with `includingFractionalSeconds`, tried after it, was never reached).
        guard let date = try? Date(text, strategy: .iso8601) else { return nil }
        guard !text.hasSuffix("Z"), text.count >= 6 else { return (date, nil) }
        let zone = Array(text.suffix(6))
        guard zone[0] == "+" || zone[0] == "-", zone[3] == ":", let hours = Int(String(zone[1...2])),
              let minutes = Int(String(zone[4...5])) else { return (date, nil) }
        let offset = (hours * 3600 + minutes * 60) * (zone[0] == "-" ? -1 : 1)
        return (date, offset == 0 ? nil : offset)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
