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
            memory unless --state names a SQLite file, which then holds it (queried in place,
            kept between runs, shared with the pipeline when it is the state file).
            """
    )

    @Argument(help: "JSON-lines input file ('-' for standard input).")
    var input: String?

    @Option(help: "Pipeline configuration file; its `dedupe` section applies.")
    var config: String?

    @Option(help: "SQLite file holding the index (created when missing).")
    var state: String?

    func validate() throws {
        if input == nil { throw ValidationError("Missing expected argument '<input>'.") }
    }

    func run() async throws {
        let settings = try config.map { try loadConfig($0).dedupe } ?? DedupeConfig()
        let path = input ?? "-"
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try FileBytes.read(path)
        } catch {
            printError("copydesk dedupe: cannot read \(path): \(error.localizedDescription)")
            throw ExitCode(66)
        }
        let engine: DedupeEngine
        do {
            let storage = try state.map { try GRDBDedupeStorage.open(path: $0) }
            engine = try DedupeEngine(configuration: settings, storage: storage)
        } catch {
            printError("copydesk dedupe: cannot open the index: \(error)")
            throw ExitCode.failure
        }
        try deduplicate(data, name: path, engine: engine)
    }

    private func deduplicate(_ data: Data, name: String, engine: DedupeEngine) throws {
        // Every line is checked before any is processed, so a malformed file yields a clear
        // error and no partial output.
        var documents: [DedupeStream.Document] = []
        for (offset, line) in DedupeStream.lines(data).enumerated() {
            do {
                if let document = try DedupeStream.parse(line, number: offset + 1) { documents.append(document) }
            } catch {
                printError("copydesk dedupe: \(name) \(error.description)")
                throw ExitCode(65)
            }
        }
        let decisions = try DedupeStream(engine: engine).process(documents, at: Date())
        var output = ""
        for (document, decision) in zip(documents, decisions) {
            output += DedupeStream.outputLine(id: document.id, decision: decision) + "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
