import ArgumentParser
import Fetch
import Logging
import Normalize

/// The `copydesk` command: parses arguments, bootstraps logging and hands a configuration to
/// the `Pipeline` library. Each subcommand lives in `Commands/`.
@main
struct Copydesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Pull news sources, extract clean article text, drop wire-copy reprints, write records.",
        version: "0.1.0",
        subcommands: [
            RunCommand.self,
            BackfillCommand.self,
            ExtractCommand.self,
            DedupeCommand.self,
            FetchCommand.self,
            FeedCommand.self,
            DiscoverCommand.self,
            StatusCommand.self,
            CheckConfigCommand.self,
            SourcesCommand.self,
            RecordsCommand.self,
        ]
    )

    /// Global C-library set-up happens once, here, before any thread uses them.
    static func main() async {
        _ = Curl.globalInit()
        LibXML.initialize()
        await main(nil)
    }
}
