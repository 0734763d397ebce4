import ArgumentParser

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one URL with the pipeline's HTTP client and settings."
    )

    func run() async throws {
        throw CleanExit.message("copydesk fetch: not available in this build yet")
    }
}
