import ArgumentParser
import Logging
import Pipeline

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "One incremental pass over the sources that are due.",
        discussion: """
            Polls each due source (each source's next poll time adapts to how often it changes), \
            fetches new articles, extracts their text, drops near-duplicate wire copy and writes \
            records. SIGTERM or SIGINT stop it gracefully. Exit status: 0 pass completed (sources \
            may have failed: see the summary), 1 internal failure, 75 another run holds the lock, \
            78 invalid configuration.
            """
    )

    @Option(name: .shortAndLong, help: "The configuration file.")
    var config: String = "pipeline.json"

    @Flag(help: "Poll every enabled source, due or not.")
    var all = false

    @Flag(help: "Wait for a running pass to finish instead of exiting with status 75.")
    var wait = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let loaded = try loadConfigWithWarnings(config)
        let configuration = loaded.config
        logging.bootstrap()
        let logger = Logger(label: "copydesk.run")
        for warning in loaded.warnings { logger.warning("configuration", metadata: ["warning": "\(warning)"]) }
        let ingestion = Ingestion(config: configuration, options: IngestionOptions(pollAll: all, waitForLock: wait), logger: logger)
        do {
            let summary = try await IngestionService.runWithSignals(ingestion, logger: logger)
            print(summary.rendered())
            if let path = configuration.metrics.path {
                try? MetricsExport.write(summary: summary, to: path)
            }
        } catch let busy as RunLock.Busy {
            printError("copydesk run: \(busy)")
            throw ExitStatus.locked
        } catch {
            printError("copydesk run: internal failure: \(error)")
            throw ExitCode.failure
        }
    }
}
