import ArgumentParser

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article body and metadata from HTML pages."
    )

    func run() async throws {
        throw CleanExit.message("copydesk extract: not available in this build yet")
    }
}
