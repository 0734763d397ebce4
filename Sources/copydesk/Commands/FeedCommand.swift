import ArgumentParser

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Print the entries of a feed or sitemap as JSON lines."
    )

    func run() async throws {
        throw CleanExit.message("copydesk feed: not available in this build yet")
    }
}
