import ArgumentParser
import Foundation
import Pipeline
import PipelineBenchmarks

/// `copydesk-bench dedupe`: the synthetic stream (`--generate`), an index filled in a state file
/// (`--fill`), and the stream timed through the engine in memory or through the database index.
struct DedupeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Time fingerprint + check + insert on a JSON-lines stream (bench/bench_dedupe.py, dedupe.sh, dedupe_sql.sh).")

    @Argument(help: "JSON-lines stream ({\"id\", \"text\"}).")
    var input: String?

    @Option(help: "Write this many synthetic documents as JSON lines to standard output, and exit.")
    var generate: Int?

    @Option(help: "Add this many synthetic texts to the --state index, and exit.")
    var fill: Int?

    @Option(help: "SQLite file holding the index: the stream is timed through the database index.")
    var state: String?

    @Option(help: "libpq URI of a PostgreSQL database: the stream is timed through the PostgreSQL index.")
    var postgres: String?

    @Option(help: "Index sizes at which query time is measured (comma-separated).")
    var sizes: String = "10000,100000,1000000"

    @Option(help: "Texts for the start-up measurement (default: the largest size).")
    var startup: Int?

    func validate() throws {
        if fill != nil, state == nil { throw ValidationError("--fill needs --state.") }
        if generate == nil, fill == nil, input == nil { throw ValidationError("Give a stream, --generate or --fill.") }
    }

    func run() async throws {
        if let count = generate {
            DedupeBenchmark.generate(count: count)
            return
        }
        if let count = fill, let state {
            try DedupeBenchmark.fill(try GRDBDedupeStorage.open(path: state), count: count)
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: input ?? "/dev/stdin"))
        let settings = DedupeConfig()
        if let postgres {
            try DedupeBenchmark.runPostgres(stream: data, uri: postgres, settings: settings)
            return
        }
        if let state {
            try DedupeBenchmark.runDatabase(stream: data, storage: try GRDBDedupeStorage.open(path: state), settings: settings)
            return
        }
        var benchmark = DedupeBenchmark(engine: try DedupeEngine(configuration: settings, storage: nil), settings: settings, sizes: sizes)
        benchmark.startupSize = startup
        try benchmark.run(stream: data)
    }
}
