import ArgumentParser
import Pipeline

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file; every problem is named by its key path.",
        discussion: "Exit status 0 when the file is valid, 78 (EX_CONFIG) when it is not."
    )

    @Argument(help: "The configuration file to check.", completion: .file(extensions: ["json"]))
    var file: String = "pipeline.json"

    func run() async throws {
        let config = try loadConfig(file)
        print("\(file): OK (\(config.sources.count) sources; records in \(config.output.directory), state in \(config.state.path))")
    }
}
