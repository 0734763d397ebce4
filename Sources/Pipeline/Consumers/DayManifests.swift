import Foundation

/// Manifest lines of records committed before the record log kept them, read from the day
/// folders' `records.jsonl` (each day read once per batch).
struct DayManifests {
    let outputDirectory: String
    private var days: [String: [String: String]] = [:]

    init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// The line of `record` (matched by id and revision), or nil.
    mutating func line(of record: CommittedRecord) throws -> String? {
        if days[record.day] == nil { days[record.day] = try read(record.day) }
        return days[record.day]?["\(record.id)#\(record.revision)"]
    }

    private func read(_ day: String) throws -> [String: String] {
        let path = ((outputDirectory as NSString).appendingPathComponent(day) as NSString).appendingPathComponent("records.jsonl")
        guard let data = FileBytes.readIfPresent(path) else { return [:] }
        var lines: [String: String] = [:]
        for raw in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
                  let id = object["id"] as? String else { continue }
            let revision = (object["revision"] as? NSNumber)?.intValue ?? 1
            lines["\(id)#\(revision)"] = String(decoding: raw, as: UTF8.self)
        }
        return lines
    }
}
