import ArgumentParser
import Fetch
import Normalize

/// `copydesk-bench`: the measurements `bench/` runs that have no place in the shipped command —
/// a synthetic dedupe stream and index, a list of URLs fetched at a given parallelism, a feed
/// parse timed alone. Built by `make bench` (bench/run.py), never installed.
@main
struct CopydeskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk-bench",
        abstract: "Benchmark helpers for bench/ (not installed).",
        subcommands: [DedupeBenchCommand.self, FetchBenchCommand.self, FeedParseCommand.self]
    )

    static func main() async {
        _ = Curl.globalInit()
        LibXML.initialize()
        await main(nil)
    }
}
