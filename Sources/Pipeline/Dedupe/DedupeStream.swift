public import Foundation

/// Deduplicates a JSON-lines stream of `{"id": …, "text": …}` objects in order: the engine of
/// `copydesk dedupe`, kept in the library so that it is tested and benchmarked as shipped.
///
/// Lines are handled in batches: a batch is parsed and fingerprinted on all cores, then
/// checked and indexed one text at a time in input order, so the decisions do not depend on
/// the number of cores.
public struct DedupeStream: Sendable {
    /// One parsed input line.
    public struct Document: Sendable {
        /// Record id, echoed in the output.
        public var id: String
        /// Article text.
        public var text: String
        /// A document to check.
        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// A line that is not a JSON object with string `id` and `text`.
    public struct MalformedLine: Error, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What was expected.
        public var reason: String
        /// `line N: reason`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// The engine deciding and indexing.
    public let engine: DedupeEngine
    /// Texts parsed and fingerprinted together.
    public var batchSize = 256

    /// Uses `engine` (fresh or loaded from storage).
    public init(engine: DedupeEngine) {
        self.engine = engine
    }

    /// Parses one line; nil for a blank line.
    public static func parse(_ line: Data, number: Int) throws(MalformedLine) -> Document? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [])
        } catch {
            throw MalformedLine(line: number, reason: "not valid JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw MalformedLine(line: number, reason: "expected a JSON object")
        }
        guard let id = dictionary["id"] as? String else {
            throw MalformedLine(line: number, reason: "expected a string \"id\"")
        }
        guard let text = dictionary["text"] as? String else {
            throw MalformedLine(line: number, reason: "expected a string \"text\"")
        }
        return Document(id: id, text: text)
    }

    /// Splits JSON-lines bytes into lines (a final line without newline included).
    public static func lines(_ data: Data) -> [Data] {
        data.withUnsafeBytes { raw in
            var lines: [Data] = []
            var start = 0
            for index in 0..<raw.count where raw[index] == 0x0A {
                lines.append(Data(raw[start..<index]))
                start = index + 1
            }
            if start < raw.count { lines.append(Data(raw[start..<raw.count])) }
            return lines
        }
    }

    /// Checks (and indexes the unique ones of) `documents` in order, all stamped `at`.
    ///
    /// Batches are pipelined: while one batch is checked on the calling thread, the next is
    /// fingerprinted on all cores.
    public func process(_ documents: [Document], at: Date) throws -> [DedupeDecision] {
        var decisions: [DedupeDecision] = []
        decisions.reserveCapacity(documents.count)
        let batches = stride(from: 0, to: documents.count, by: batchSize).map {
            Array(documents[$0..<min($0 + batchSize, documents.count)])
        }
        guard !batches.isEmpty else { return [] }
        var current = fingerprintAll(batches[0].map(\.text))
        for (number, batch) in batches.enumerated() {
            let group = DispatchGroup()
            let next = FingerprintSlots(count: 0)
            if number + 1 < batches.count {
                let texts = batches[number + 1].map(\.text)
                DispatchQueue.global().async(group: group) {
                    next.replace(with: self.fingerprintAll(texts))
                }
            }
            do {
                for (document, fingerprint) in zip(batch, current) {
                    decisions.append(try engine.checkAndInsert(id: document.id, fingerprint: fingerprint, at: at))
                }
            } catch {
                group.wait()
                throw error
            }
            group.wait()
            current = next.values
        }
        return decisions
    }

    /// Fingerprints texts on all cores.
    public func fingerprintAll(_ texts: [String]) -> [DedupeFingerprint] {
        let parameters = engine.parameters
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let results = FingerprintSlots(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < texts.count {
                results.set(index, DedupeFingerprint(text: texts[index], parameters: parameters))
                index += workers
            }
        }
        return results.values
    }

    /// The output line for one decision.
    public static func outputLine(id: String, decision: DedupeDecision) -> String {
        let duplicate = decision.duplicateOf.map(jsonString) ?? "null"
        return "{\"id\": \(jsonString(id)), \"duplicate_of\": \(duplicate), \"similarity\": \(decision.similarity)}"
    }

    /// A JSON string literal (the log writer's escaping: one escaper for the package).
    package static func jsonString(_ value: String) -> String {
        var out = ""
        JSONText.appendString(value, to: &out)
        return out
    }
}
