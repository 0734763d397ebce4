import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "One incremental pass over the sources that are due."
    )

    func run() async throws {
        throw CleanExit.message("copydesk run: not available in this build yet")
    }
}
