import ArgumentParser
import Foundation
import Pipeline

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file; every problem is named by its key path.",
        discussion: """
            Checks the source files named by "sourceFiles" (OPML or JSON) too; a feed listed \
            twice is reported as a warning. Exit status 0 when the configuration is valid, \
            78 (EX_CONFIG) when it is not.
            """
    )

    @Argument(help: "The configuration file to check.", completion: .file(extensions: ["json"]))
    var file: String = "pipeline.json"

    func run() async throws {
        let loaded = try loadConfigWithWarnings(file)
        for warning in loaded.warnings { printError("warning: \(warning)") }
        let config = loaded.config
        let files = config.sourceFiles.isEmpty ? "" : " from \(config.sourceFiles.count + 1) files"
        guard let url = config.state.url else {
            print("\(file): OK (\(config.sources.count) sources\(files); records in \(config.output.directory), state in \(config.state.path))")
            return
        }
        // A PostgreSQL state is checked for real: it connects, and the schema must be one this
        // program knows. Nothing is changed (the first pass migrates an empty or older one).
        do {
            let pending = try PostgresStateStore.checkSchema(uri: url)
            let schema = pending.isEmpty ? "schema current" : "\(pending.count) migrations to apply on the first pass"
            print("\(file): OK (\(config.sources.count) sources\(files); records in \(config.output.directory), "
                  + "state in PostgreSQL, \(schema); this worker \(config.worker.name))")
        } catch {
            printError("copydesk check-config: \(file): state.url: \(error)")
            throw ExitCode(78)
        }
    }
}
