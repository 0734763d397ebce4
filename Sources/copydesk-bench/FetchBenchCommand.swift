import ArgumentParser
import Foundation
import Pipeline

/// `copydesk-bench fetch --urls FILE --parallel N` (bench/fetch.py).
struct FetchBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Fetch every URL of a list with the pipeline's client; a summary on standard error.")

    @Option(help: "A file with one URL per line.")
    var urls: String

    @Option(help: "Transfers in flight.")
    var parallel: Int = 64

    @Option(help: "Pipeline configuration file whose `fetch` section applies.")
    var config: String?

    func validate() throws {
        if parallel < 1 { throw ValidationError("--parallel must be at least 1.") }
    }

    func run() async throws {
        let fetchConfig = try config.map { try ConfigLoader.load(path: $0).fetch } ?? FetchConfig()
        try await FetchBenchmark(listPath: urls, parallel: parallel, configuration: fetchConfig.httpClientConfiguration()).run()
    }
}
