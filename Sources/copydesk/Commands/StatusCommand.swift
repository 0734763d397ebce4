import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print source health and index size from the state store."
    )

    func run() async throws {
        throw CleanExit.message("copydesk status: not available in this build yet")
    }
}
