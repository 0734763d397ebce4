import ArgumentParser
import Foundation
import Pipeline

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print source health and index size from the state store.",
        discussion: "Last success, consecutive failures, last error, share of 304 responses, next poll, queued URLs and records per day for each source; the dedupe index size; the last runs."
    )

    @Option(name: .shortAndLong, help: "The configuration file (for the state path and the configured sources).")
    var config: String = "pipeline.json"

    @Option(help: "Read this state database instead of the configured one.")
    var state: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let configuration: PipelineConfig? = state == nil ? try loadConfig(config) : nil
        if configuration?.state.url == nil {
            let path = state ?? configuration!.state.path
            guard FileManager.default.fileExists(atPath: path) else {
                printError("copydesk status: no state database at \(path) yet (no run has completed)")
                throw ExitCode.failure
            }
        }
        do {
            let reader = try state.map { try StateReader.open(sqlitePath: $0) } ?? StateReader.open(config: configuration!)
            let report = try StatusReport.read(store: reader.store, config: configuration,
                                               dedupeIndexSize: try reader.dedupeIndexSize())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.rendered())
            }
        } catch {
            printError("copydesk status: \(error)")
            throw ExitCode.failure
        }
    }
}
