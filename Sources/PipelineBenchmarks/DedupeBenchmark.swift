public import Foundation
public import Pipeline

/// The measurements behind `bench/dedupe.sh` (hidden `copydesk dedupe --bench` options):
/// throughput of fingerprint + check + insert on all cores, memory per indexed text, query
/// time as the index grows, and start-up time from SQLite. Prints `key=value` lines.
public struct DedupeBenchmark {
    let engine: DedupeEngine
    let settings: DedupeConfig
    let sizes: [Int]
    /// Entries for the start-up measurement; the largest of `sizes` when nil.
    public var startupSize: Int?

    /// `sizes`: comma-separated index sizes at which to time queries.
    public init(engine: DedupeEngine, settings: DedupeConfig, sizes: String) {
        self.engine = engine
        self.settings = settings
        self.sizes = sizes.split(separator: ",").compactMap { Int($0) }.sorted()
    }

    /// Writes `count` synthetic documents as JSON lines to standard output.
    public static func generate(count: Int) {
        var corpus = SyntheticCorpus()
        var chunk = ""
        for _ in 0..<count {
            let document = corpus.next()
            chunk += "{\"id\": \(DedupeStream.jsonString(document.id)), \"text\": \(DedupeStream.jsonString(document.text))}\n"
            if chunk.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        FileHandle.standardOutput.write(Data(chunk.utf8))
    }

    /// Runs every measurement on the JSON-lines `stream`.
    public func run(stream: Data) throws {
        var documents: [DedupeStream.Document] = []
        for (number, line) in DedupeStream.lines(stream).enumerated() {
            if let document = try DedupeStream.parse(line, number: number + 1) { documents.append(document) }
        }
        try singleCore(documents)
        try throughput(documents)
        try scaling()
        // After `scaling` returns, so that its million-text engine is freed first.
        try startup(count: startupSize ?? sizes.last ?? 0)
    }

    private func report(_ key: String, _ value: Any) {
        FileHandle.standardOutput.write(Data("\(key)=\(value)\n".utf8))
    }

    /// Fingerprint cost on one core, free of the scheduling noise of a shared machine.
    private func singleCore(_ documents: [DedupeStream.Document]) throws {
        let sample = Array(documents.prefix(10_000))
        var cpuStart = Self.cpuSeconds()
        let fingerprints = sample.map { engine.fingerprint($0.text) }
        var cpu = Self.cpuSeconds() - cpuStart
        report("single_core.fingerprint_microseconds", String(format: "%.1f", cpu / Double(sample.count) * 1e6))
        report("single_core.mean_shingles", fingerprints.reduce(0) { $0 + $1.shingleCount } / max(1, sample.count))
        let scratch = try DedupeEngine(configuration: settings, parameters: engine.parameters)
        let at = Date()
        cpuStart = Self.cpuSeconds()
        for (document, fingerprint) in zip(sample, fingerprints) {
            _ = try scratch.checkAndInsert(id: document.id, fingerprint: fingerprint, at: at)
        }
        cpu = Self.cpuSeconds() - cpuStart
        report("single_core.check_insert_microseconds", String(format: "%.1f", cpu / Double(sample.count) * 1e6))
    }

    private func throughput(_ documents: [DedupeStream.Document]) throws {
        let stream = DedupeStream(engine: engine)
        let start = DispatchTime.now()
        let cpuStart = Self.cpuSeconds()
        let decisions = try stream.process(documents, at: Date())
        let duplicates = decisions.reduce(0) { $0 + ($1 == .unique ? 0 : 1) }
        let elapsed = Self.seconds(since: start)
        let cpu = Self.cpuSeconds() - cpuStart
        report("stream.documents", documents.count)
        report("stream.duplicates", duplicates)
        report("stream.cores", ProcessInfo.processInfo.activeProcessorCount)
        report("stream.seconds", String(format: "%.3f", elapsed))
        report("stream.docs_per_second", Int(Double(documents.count) / elapsed))
        report("stream.docs_per_cpu_second", Int(Double(documents.count) / cpu))
        report("stream.indexed", engine.indexSize)
        report("stream.bytes_per_indexed_doc", engine.memoryBytes / max(1, engine.indexSize))
    }

    static let probeRounds = 5
    static let probesPerRound = 2_000

    /// Fills a fresh engine with synthetic texts and times queries at each size.
    private func scaling() throws {
        let scaled = try DedupeEngine(configuration: settings, parameters: engine.parameters)
        let stream = DedupeStream(engine: scaled)
        var corpus = SyntheticCorpus(seed: 7)
        // Distinct articles only: the index grows by one text per document.
        corpus.reprintShare = 0
        var probes = SyntheticCorpus(seed: 99)
        let probeRounds = (0..<Self.probeRounds).map { _ in
            stream.fingerprintAll((0..<Self.probesPerRound).map { _ in probes.next().text })
        }
        let at = Date()
        var filled = 0
        let fillStart = DispatchTime.now()
        for size in sizes {
            while filled < size {
                let count = min(4_096, size - filled)
                let batch = (0..<count).map { _ in corpus.next() }
                let fingerprints = stream.fingerprintAll(batch.map(\.text))
                for (document, fingerprint) in zip(batch, fingerprints) {
                    _ = try scaled.checkAndInsert(id: document.id, fingerprint: fingerprint, at: at)
                }
                filled += count
            }
            // Thread CPU time: on a shared machine wall time mostly measures the neighbours.
            // Each round asks other probes, so that no round finds the lines of an earlier
            // one in cache; the median round is reported.
            var rounds: [Double] = []
            var found = 0
            for round in probeRounds {
                let queryStart = Self.threadCPUSeconds()
                for (number, fingerprint) in round.enumerated() {
                    if scaled.check(id: "probe-\(number)", fingerprint: fingerprint, at: at) != .unique { found += 1 }
                }
                rounds.append((Self.threadCPUSeconds() - queryStart) / Double(round.count))
            }
            rounds.sort()
            let perQuery = rounds[rounds.count / 2]
            report("scale.\(size).indexed", scaled.indexSize)
            report("scale.\(size).query_cpu_microseconds", String(format: "%.2f", perQuery * 1e6))
            report("scale.\(size).probes_flagged", found)
            report("scale.\(size).query_rounds_microseconds", rounds.map { String(format: "%.2f", $0 * 1e6) }.joined(separator: ","))
            report("scale.\(size).bytes_per_indexed_doc", scaled.memoryBytes / max(1, scaled.indexSize))
        }
        report("scale.fill_docs_per_second", Int(Double(filled) / Self.seconds(since: fillStart)))
    }

    /// Fills a SQLite index with `count` texts (random samples, as large as real ones) and
    /// times an engine start on it, then checks and inserts on it.
    private func startup(count: Int) throws {
        let path = NSTemporaryDirectory() + "copydesk-dedupe-bench-\(getpid()).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let storage = try GRDBDedupeStorage.open(path: path)
        try Self.fill(storage, count: count, parameters: engine.parameters)
        let start = DispatchTime.now()
        let cpuStart = Self.threadCPUSeconds()
        let loaded = try DedupeEngine(configuration: settings, parameters: engine.parameters, storage: storage)
        report("startup.seconds", String(format: "%.2f", Self.seconds(since: start)))
        report("startup.cpu_seconds", String(format: "%.2f", Self.threadCPUSeconds() - cpuStart))
        report("startup.indexed", loaded.indexSize)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        report("startup.database_bytes_per_doc", size / max(1, count))
    }

    /// Adds `count` texts with random samples to a database index, 4,096 a transaction, and
    /// writes all their postings: a
    /// quick way to a large index for measurements (`copydesk dedupe --bench-fill`).
    public static func fill(_ storage: GRDBDedupeStorage, count: Int, parameters: DedupeParameters = DedupeParameters(),
                            at: Date = Date()) throws {
        try storage.prepare(signature: parameters.signature)
        // A large tail: postings are written in a few big hash-ordered batches, each page of
        // the posting table once per batch, as a bulk load would.
        let index = SQLDedupeIndex(writer: storage.writer, parameters: parameters, tailCapacity: 262_144)
        var generator = SplitMix64(seed: 5)
        let first = try index.count()
        var offset = 0
        while offset < count {
            let entries = (offset..<min(offset + 4_096, count)).map { number in
                // The 64 smallest of about 440 shingle hashes lie below 2^29.
                let sample = Array(Set((0..<parameters.sampleSize).map { _ in
                    UInt32(truncatingIfNeeded: generator.next() >> 35)
                })).sorted()
                return DedupeEntry(id: "fill-\(first + number)", indexedAt: at, contentHash: generator.next(),
                                   shingleCount: 440, sample: sample)
            }
            try index.add(entries)
            offset += entries.count
        }
        try index.flush()
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Processor time of the whole process (all threads), in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Processor time of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
