import ArgumentParser

struct DedupeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Flag near-duplicate texts in a JSON-lines stream."
    )

    func run() async throws {
        throw CleanExit.message("copydesk dedupe: not available in this build yet")
    }
}
