public import Foundation
public import Pipeline

extension DedupeBenchmark {
    /// The measurements behind `bench/dedupe_sql.sh` (`copydesk dedupe --bench --state PATH`):
    /// start-up of an engine on the database index, then the per-text cost of the pipeline's
    /// serial step on it — check, then insert with the decision, each its own transaction —
    /// for every text of the JSON-lines `stream` (fingerprinted beforehand, not timed).
    public static func runDatabase(stream: Data, storage: GRDBDedupeStorage, settings: DedupeConfig) throws {
        func report(_ key: String, _ value: Any) {
            FileHandle.standardOutput.write(Data("\(key)=\(value)\n".utf8))
        }
        let documents = try parsed(stream)
        let start = DispatchTime.now()
        let engine = try DedupeEngine(configuration: settings, storage: storage)
        report("database.startup_seconds", String(format: "%.3f", seconds(since: start)))
        try timeSerialStep(engine, documents)
    }

    /// The documents of a JSON-lines stream.
    static func parsed(_ stream: Data) throws -> [DedupeStream.Document] {
        var documents: [DedupeStream.Document] = []
        for (number, line) in DedupeStream.lines(stream).enumerated() {
            if let document = try DedupeStream.parse(line, number: number + 1) { documents.append(document) }
        }
        return documents
    }

    /// Times check, then insert with the decision, text by text, on `engine`; prints the
    /// `database.*` figures.
    static func timeSerialStep(_ engine: DedupeEngine, _ documents: [DedupeStream.Document]) throws {
        func report(_ key: String, _ value: Any) {
            FileHandle.standardOutput.write(Data("\(key)=\(value)\n".utf8))
        }
        let indexed = engine.indexSize
        report("database.indexed_before", indexed)
        let fingerprints = DedupeStream(engine: engine).fingerprintAll(documents.map(\.text))
        let at = Date()
        var checkSeconds = 0.0
        var insertSeconds = 0.0
        var duplicates = 0
        let cpuStart = threadCPUSeconds()
        for (document, fingerprint) in zip(documents, fingerprints) {
            let checkStart = DispatchTime.now()
            let decision = try engine.checked(id: document.id, fingerprint: fingerprint, at: at)
            checkSeconds += seconds(since: checkStart)
            let insertStart = DispatchTime.now()
            try engine.insert(id: document.id, fingerprint: fingerprint, at: at, decision: decision)
            insertSeconds += seconds(since: insertStart)
            if decision != .unique { duplicates += 1 }
        }
        let cpu = threadCPUSeconds() - cpuStart
        let count = Double(max(1, documents.count))
        report("database.documents", documents.count)
        report("database.duplicates", duplicates)
        report("database.indexed_after", engine.indexSize)
        report("database.check_microseconds", String(format: "%.1f", checkSeconds / count * 1e6))
        report("database.insert_microseconds", String(format: "%.1f", insertSeconds / count * 1e6))
        report("database.check_insert_microseconds", String(format: "%.1f", (checkSeconds + insertSeconds) / count * 1e6))
        report("database.check_insert_cpu_microseconds", String(format: "%.1f", cpu / count * 1e6))
    }
}
