import ArgumentParser
import Foundation
import Pipeline

/// `copydesk dedupe INPUT.jsonl`: flags reprints in a JSON-lines stream with the pipeline's
/// engine and settings.
struct DedupeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Flag near-duplicate texts in a JSON-lines stream.",
        discussion: """
            Reads {"id": …, "text": …} lines in order and writes one line per input:
            {"id": …, "duplicate_of": id-or-null, "similarity": x}. The index is fresh and in
            memory unless --state names a SQLite file, which then keeps it between runs.
            """
    )

    @Argument(help: "JSON-lines input file ('-' for standard input).")
    var input: String?

    @Option(help: "Pipeline configuration file; its `dedupe` section applies.")
    var config: String?

    @Option(help: "SQLite file holding the index (created when missing).")
    var state: String?

    @Option(help: .hidden)
    var benchGenerate: Int?

    @Flag(help: .hidden)
    var bench = false

    @Option(help: .hidden)
    var benchSizes: String = "10000,100000,1000000"

    func validate() throws {
        if benchGenerate == nil, input == nil {
            throw ValidationError("Missing expected argument '<input>'.")
        }
    }

    func run() async throws {
        if let count = benchGenerate {
            DedupeBenchmark.generate(count: count)
            return
        }
        let settings = try config.map { try loadConfig($0).dedupe } ?? DedupeConfig()
        let engine: DedupeEngine
        do {
            let storage = try state.map { try GRDBDedupeStorage.open(path: $0) }
            engine = try DedupeEngine(configuration: settings, storage: storage)
        } catch {
            printError("copydesk dedupe: cannot open the index: \(error)")
            throw ExitCode.failure
        }
        let path = input ?? "-"
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            printError("copydesk dedupe: cannot read \(path): \(error.localizedDescription)")
            throw ExitCode(66)
        }
        if bench {
            try DedupeBenchmark(engine: engine, settings: settings, sizes: benchSizes).run(stream: data)
            return
        }
        try deduplicate(data, name: path, engine: engine)
    }

    private func deduplicate(_ data: Data, name: String, engine: DedupeEngine) throws {
        let stream = DedupeStream(engine: engine)
        var batch: [DedupeStream.Document] = []
        let output = FileHandle.standardOutput
        func flush() throws {
            let decisions = try stream.process(batch, at: Date())
            var lines = ""
            for (document, decision) in zip(batch, decisions) {
                lines += DedupeStream.outputLine(id: document.id, decision: decision) + "\n"
            }
            output.write(Data(lines.utf8))
            batch.removeAll(keepingCapacity: true)
        }
        var number = 0
        for line in DedupeStream.lines(data) {
            number += 1
            do {
                if let document = try DedupeStream.parse(line, number: number) { batch.append(document) }
            } catch {
                try flush()
                printError("copydesk dedupe: \(name) \(error.description)")
                throw ExitCode(65)
            }
            if batch.count >= stream.batchSize { try flush() }
        }
        try flush()
    }
}
