/// Reads back the subset of the text format that ``PrometheusTextFormat`` writes, so that a
/// run can carry its counters over from the file the previous run left.
public enum PrometheusTextParser {
    /// A line the parser does not understand, numbered from 1.
    public struct Malformed: Error, Sendable, Equatable, CustomStringConvertible {
        /// Line number, from 1.
        public let line: Int
        /// What was expected.
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The families in file order; samples without a `# TYPE` line are dropped, since this
    /// project always writes one.
    public static func parse(_ text: String) throws(Malformed) -> [MetricFamily] {
        var families: [MetricFamily] = []
        var index: [String: Int] = [:]
        var helps: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(rawLine)
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst("# HELP ".count)
                let name = rest.prefix { $0 != " " }
                helps[String(name)] = unescapeHelp(rest.dropFirst(name.count + 1))
                continue
            }
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst("# TYPE ".count).split(separator: " ")
                guard parts.count == 2 else { throw Malformed(line: number + 1, reason: "TYPE needs a name and a type") }
                let name = String(parts[0])
                guard index[name] == nil else { throw Malformed(line: number + 1, reason: "\(name) typed twice") }
                guard let kind = MetricFamily.Kind(rawValue: String(parts[1])) else { continue }
                index[name] = families.count
                families.append(MetricFamily(name: name, help: helps[name] ?? "", kind: kind, samples: []))
                continue
            }
            if line.hasPrefix("#") { continue }
            let (name, sample) = try parseSample(line, number: number + 1)
            if let position = index[name] { families[position].samples.append(sample) }
        }
        return families
    }

    private static func parseSample(_ line: Substring, number: Int) throws(Malformed) -> (String, MetricSample) {
        var rest = line[...]
        let name = rest.prefix { $0 != "{" && $0 != " " }
        guard !name.isEmpty else { throw Malformed(line: number, reason: "expected a metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [MetricLabel] = []
        if rest.first == "{" {
            rest = rest.dropFirst()
            while true {
                rest = rest.drop { $0 == " " || $0 == "," }
                if rest.first == "}" { rest = rest.dropFirst(); break }
                let labelName = rest.prefix { $0 != "=" }
                guard !labelName.isEmpty, labelName.count < rest.count else { throw Malformed(line: number, reason: "unterminated label set") }
                rest = rest.dropFirst(labelName.count + 1)
                guard rest.first == "\"" else { throw Malformed(line: number, reason: "label value must be quoted") }
                rest = rest.dropFirst()
                var value = ""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { break }
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { throw Malformed(line: number, reason: "unterminated label value") }
                labels.append(MetricLabel(String(labelName), value))
            }
        }
        let fields = rest.split(separator: " ")
        guard let first = fields.first, let value = parseValue(first) else {
            throw Malformed(line: number, reason: "expected a sample value")
        }
        return (String(name), MetricSample(labels: labels, value: value))
    }

    private static func parseValue(_ text: Substring) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }

    private static func unescapeHelp(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
