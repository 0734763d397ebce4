import ArgumentParser
import Foundation
import Glibc
import Normalize

/// `copydesk-bench feed-parse FILE` (bench/bench_feeds.py): reads a feed, then times the parse
/// call alone — the span the Python peers' `parse()` is timed over — and prints the entry count
/// on standard output and `parse_seconds=… parse_cpu_seconds=… entries=…` on standard error.
struct FeedParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feed-parse", abstract: "Time FeedParser.parse on one file.")

    @Argument(help: "A feed file (gzip sniffed).")
    var file: String

    func run() async throws {
        let document = try DocumentOpener.open(path: file)
        let data = try document.readAll(limit: FeedParser.maxInflatedBytes)
        // The URL is made before the clock starts: `fileURLWithPath` asks the file system
        // whether the path is a folder, which is no part of parsing (the peers get bytes only).
        let url = URL(fileURLWithPath: file)
        let clock = ParseClock()
        let feed = try FeedParser.parse(data, url: url)
        let report = clock.report(entries: feed.entries.count)
        print(feed.entries.count)
        FileHandle.standardError.write(Data((report + "\n").utf8))
    }
}

/// Wall and CPU time since it was made, for `feed-parse`.
struct ParseClock {
    private let wall = ContinuousClock.now
    private let cpu = ParseClock.processCPUSeconds()

    static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `parse_seconds=… parse_cpu_seconds=… entries=…`, one line.
    func report(entries: Int) -> String {
        let elapsed = ContinuousClock.now - wall
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return String(format: "parse_seconds=%.6f parse_cpu_seconds=%.6f entries=%d",
                      seconds, Self.processCPUSeconds() - cpu, entries)
    }
}

