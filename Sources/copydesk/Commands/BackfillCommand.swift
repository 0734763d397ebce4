import ArgumentParser

struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "One-shot historical ingestion from URL lists, sitemaps, feed archives and WARC files."
    )

    func run() async throws {
        throw CleanExit.message("copydesk backfill: not available in this build yet")
    }
}
