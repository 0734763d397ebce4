import Foundation

/// Rendering of the Prometheus text exposition format (version 0.0.4), as the node_exporter
/// textfile collector reads it.
public enum PrometheusTextFormat {
    /// A family whose name, label names or samples the format cannot carry.
    public struct InvalidMetric: Error, Sendable, Equatable, CustomStringConvertible {
        /// The family's name.
        public let metric: String
        /// What is wrong with it.
        public let reason: String
        public var description: String { "metric \(metric): \(reason)" }
    }

    /// The whole file: `# HELP`, `# TYPE`, then the samples of each family, families in the
    /// given order, each name once.
    public static func render(_ families: [MetricFamily]) throws(InvalidMetric) -> String {
        var out = ""
        var seen: Set<String> = []
        for family in families {
            guard isValidMetricName(family.name) else {
                throw InvalidMetric(metric: family.name, reason: "name must match [a-zA-Z_:][a-zA-Z0-9_:]*")
            }
            guard seen.insert(family.name).inserted else {
                throw InvalidMetric(metric: family.name, reason: "family appears twice; the collector rejects the whole file")
            }
            if family.kind == .counter && !family.name.hasSuffix("_total") {
                throw InvalidMetric(metric: family.name, reason: "a counter's name ends in _total")
            }
            out += "# HELP \(family.name) \(escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) \(family.kind.rawValue)\n"
            var seenLabelSets: Set<[MetricLabel]> = []
            for sample in family.samples {
                var names: Set<String> = []
                for label in sample.labels {
                    guard isValidLabelName(label.name) else {
                        throw InvalidMetric(metric: family.name, reason: "label name \"\(label.name)\" must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __")
                    }
                    guard names.insert(label.name).inserted else {
                        throw InvalidMetric(metric: family.name, reason: "label \"\(label.name)\" given twice")
                    }
                }
                guard seenLabelSets.insert(sample.labels.sorted { $0.name < $1.name }).inserted else {
                    throw InvalidMetric(metric: family.name, reason: "two samples with the same labels")
                }
                out += family.name
                if !sample.labels.isEmpty {
                    out += "{"
                    out += sample.labels.map { "\($0.name)=\"\(escapeLabelValue($0.value))\"" }.joined(separator: ",")
                    out += "}"
                }
                out += " "
                out += formatValue(sample.value)
                out += "\n"
            }
        }
        return out
    }

    /// Label values escape backslash, double quote and newline.
    public static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// HELP text escapes backslash and newline (quotes stay as they are).
    public static func escapeHelp(_ help: String) -> String {
        help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Integers without a fraction (the common case: counts and Unix seconds), Go-parsable
    /// floats otherwise, and the spellings the format uses for NaN and infinities.
    public static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLetterOrUnderscore(first) || first == ":" else { return false }
        return name.unicodeScalars.allSatisfy { isLetterOrUnderscore($0) || isDigit($0) || $0 == ":" }
    }

    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isLetterOrUnderscore(first), !name.hasPrefix("__") else { return false }
        return name.unicodeScalars.allSatisfy { isLetterOrUnderscore($0) || isDigit($0) }
    }

    private static func isLetterOrUnderscore(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}
