import ArgumentParser

struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "List the feeds and sitemaps a site offers."
    )

    func run() async throws {
        throw CleanExit.message("copydesk discover: not available in this build yet")
    }
}
