import Foundation
import Pipeline

/// Collects log lines in memory.
///
/// `@unchecked Sendable`: every access to `storage` goes through `lock`.
final class CollectingLogSink: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func write(line: String) {
        lock.lock()
        storage.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// An independent reader of the Prometheus text format, written for the tests so the library's
/// own parser is not used to check the library's own writer. Strict: it rejects what the
/// node_exporter textfile collector would reject.
struct TextfileReading {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    var types: [String: String] = [:]
    var helps: [String: String] = [:]
    /// `name{a="x",b="y"}` with labels sorted by name → value.
    var samples: [String: Double] = [:]
    var order: [String] = []

    init(_ text: String) throws {
        guard text.hasSuffix("\n") else { throw Problem(description: "file must end with a newline") }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 3)
            if line.hasPrefix("# HELP ") {
                helps[String(parts[2])] = parts.count > 3 ? String(parts[3]) : ""
            } else if line.hasPrefix("# TYPE ") {
                let name = String(parts[2])
                guard types[name] == nil else { throw Problem(description: "\(name) typed twice") }
                guard helps[name] != nil else { throw Problem(description: "\(name) has TYPE before HELP") }
                types[name] = String(parts[3])
                order.append(name)
            } else if line.hasPrefix("#") {
                continue
            } else {
                let (key, name, value) = try Self.sample(String(line))
                guard types[name] != nil else { throw Problem(description: "sample \(name) before its TYPE") }
                guard order.last == name else { throw Problem(description: "samples of \(name) not grouped") }
                guard samples[key] == nil else { throw Problem(description: "duplicate sample \(key)") }
                samples[key] = value
            }
        }
    }

    /// Parses `name{l="v",…} value` with a character scanner that honours `\\`, `\"` and `\n`.
    static func sample(_ line: String) throws -> (key: String, name: String, value: Double) {
        let characters = Array(line)
        var index = 0
        var name = ""
        while index < characters.count, characters[index] != "{", characters[index] != " " {
            name.append(characters[index]); index += 1
        }
        guard name.range(of: "^[a-zA-Z_:][a-zA-Z0-9_:]*$", options: .regularExpression) != nil else {
            throw Problem(description: "bad metric name in \(line)")
        }
        var labels: [(String, String)] = []
        if index < characters.count, characters[index] == "{" {
            index += 1
            while index < characters.count, characters[index] != "}" {
                var labelName = ""
                while index < characters.count, characters[index] != "=" { labelName.append(characters[index]); index += 1 }
                index += 1
                guard index < characters.count, characters[index] == "\"" else { throw Problem(description: "unquoted label in \(line)") }
                index += 1
                var value = ""
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\" {
                        index += 1
                        switch characters[index] {
                        case "n": value.append("\n")
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        default: throw Problem(description: "bad escape in \(line)")
                        }
                    } else {
                        value.append(characters[index])
                    }
                    index += 1
                }
                index += 1
                labels.append((labelName, value))
                if index < characters.count, characters[index] == "," { index += 1 }
            }
            index += 1
        }
        guard index < characters.count, characters[index] == " " else { throw Problem(description: "no value in \(line)") }
        let valueText = String(characters[(index + 1)...])
        guard !valueText.contains(" ") else { throw Problem(description: "timestamps are not allowed: \(line)") }
        let value: Double
        switch valueText {
        case "NaN": value = .nan
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        default:
            guard let parsed = Double(valueText) else { throw Problem(description: "bad value in \(line)") }
            value = parsed
        }
        return (key(name, labels), name, value)
    }

    static func key(_ name: String, _ labels: [(String, String)]) -> String {
        if labels.isEmpty { return name }
        let rendered = labels.sorted { $0.0 < $1.0 }.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ",")
        return "\(name){\(rendered)}"
    }

    subscript(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples[Self.key(name, labels.map { ($0.key, $0.value) })]
    }
}
