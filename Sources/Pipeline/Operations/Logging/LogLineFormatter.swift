public import Foundation
public import Logging

/// Renders one log event as one line, in the chosen ``LogFormat``, with or without the
/// journald `<N>` priority prefix.
///
/// Pure and deterministic (the timestamp is an argument) so that every format is testable
/// without touching the process's standard error.
public struct LogLineFormatter: Sendable {
    /// Text or JSON.
    public var format: LogFormat
    /// Prefix each line with `<N>` and leave the timestamp to journald, which records its own.
    public var journal: Bool

    /// A formatter for `format`, with the journald prefix when `journal`.
    public init(format: LogFormat, journal: Bool) {
        self.format = format
        self.journal = journal
    }

    /// Keys a JSON line writes itself; metadata with one of these names is moved to `metadata.<key>`.
    static let reservedJSONKeys: Set<String> = ["ts", "level", "logger", "msg"]

    /// One line, newline included.
    public func line(
        level: Logger.Level, message: String, label: String,
        metadata: Logger.Metadata, error: (any Error)? = nil, at date: Date
    ) -> String {
        var metadata = metadata
        if let error {
            // The error's type is the stable "error class" dashboards group by; the description
            // is for the human reading the line.
            if metadata["error.class"] == nil { metadata["error.class"] = .string(String(describing: type(of: error))) }
            if metadata["error"] == nil { metadata["error"] = .string(String(describing: error)) }
        }
        var out = journal ? "<\(JournalStream.priority(of: level))>" : ""
        switch format {
        case .text:
            if !journal {
                out += Self.timestamp(date)
                out += " "
            }
            out += level.rawValue
            out += " "
            out += label
            out += ": "
            out += Self.singleLine(message)
            for key in metadata.keys.sorted() {
                out += " "
                out += Self.textKey(key)
                out += "="
                out += Self.textValue(Self.text(metadata[key]!))
            }
        case .json:
            out += "{\"ts\":"
            JSONText.appendString(Self.timestamp(date), to: &out)
            out += ",\"level\":"
            JSONText.appendString(level.rawValue, to: &out)
            out += ",\"logger\":"
            JSONText.appendString(label, to: &out)
            out += ",\"msg\":"
            JSONText.appendString(message, to: &out)
            for key in metadata.keys.sorted() {
                out += ","
                JSONText.appendString(Self.reservedJSONKeys.contains(key) ? "metadata.\(key)" : key, to: &out)
                out += ":"
                JSONText.appendValue(metadata[key]!, to: &out)
            }
            out += "}"
        }
        out += "\n"
        return out
    }

    /// RFC 3339 UTC with milliseconds, e.g. `2024-05-01T12:00:00.123Z`, built by hand because
    /// a shared `DateFormatter` is neither cheap nor safe to share across threads.
    static func timestamp(_ date: Date) -> String {
        // Round to the nearest millisecond first: `Date` is a binary double, so .123 is stored
        // as .12299… and truncating would print .122.
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(totalMillis.floorDiv(1000))
        let millis = Int(totalMillis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }

    /// A journald entry ends at a newline, so a message keeps to one line: control characters
    /// are written as escapes.
    static func singleLine(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return string }
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// logfmt keys cannot hold spaces, `=` or quotes.
    static func textKey(_ key: String) -> String {
        String(key.map { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline ? "_" : $0 })
    }

    /// logfmt value: bare when unambiguous, otherwise quoted with `\"` and `\\` escapes.
    static func textValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
        }
        guard needsQuotes else { return value }
        let escaped = singleLine(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))
        return "\"\(escaped)\""
    }

    /// Flattens a metadata value for text lines: arrays as `[a,b]`, dictionaries as `{k=v}`.
    static func text(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return "[" + values.map(text).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            return "{" + dictionary.keys.sorted().map { "\($0)=\(text(dictionary[$0]!))" }.joined(separator: ",") + "}"
        }
    }
}

extension Int64 {
    /// Division rounding towards minus infinity, so dates before 1970 keep positive milliseconds.
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
