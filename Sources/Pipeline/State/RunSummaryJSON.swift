import Foundation

/// Reads figures back from a run summary stored as JSON in the `runs` table. Tolerant by
/// design: summaries written by older versions lack newer fields, and a damaged one must not
/// stop `copydesk status` from answering.
enum RunSummaryJSON {
    /// Pages without article text per source and reason, or empty when the summary has none.
    static func withoutText(_ json: String?) -> [String: [String: Int]] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let sources = object["sources"] as? [String: Any] else { return [:] }
        var result: [String: [String: Int]] = [:]
        for (source, value) in sources {
            guard let counts = value as? [String: Any], let reasons = counts["withoutText"] as? [String: Any] else { continue }
            let numbers = reasons.compactMapValues { ($0 as? NSNumber)?.intValue }
            if !numbers.isEmpty { result[source] = numbers }
        }
        return result
    }
}
