import ArgumentParser
import Foundation
import Logging
import Pipeline

struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "One-shot historical ingestion from URL lists, sitemaps, feed archives and WARC files.",
        discussion: """
            Uses the same stages, state, dedupe index and record format as `run`, and may run \
            alongside it. Interrupted (SIGTERM, SIGINT or a kill) and started again with the same \
            arguments, it carries on where it stopped. Exit status as for `run`; 75 when the same \
            backfill is already running.
            """
    )

    @Option(name: .shortAndLong, help: "The configuration file.")
    var config: String = "pipeline.json"

    @Option(help: "A file with one URL per line (`-` for standard input); blank lines and # comments are ignored.")
    var urls: String?

    @Option(help: "A sitemap or sitemap index URL.")
    var sitemap: String?

    @Option(help: "A feed URL; RFC 5005 prev-archive links are followed.")
    var feed: String?

    @Option(parsing: .upToNextOption, help: "WARC files (WARC 1.0/1.1, plain or gzip-compressed).")
    var warc: [String] = []

    @Flag(help: "WARC input: extract URLs that already have a record again; a changed text becomes a revision, an unchanged one writes nothing.")
    var reextract = false

    @Option(help: "Only WARC records of this host (`example.com`, `*.example.com`).")
    var host: String?

    @Option(help: "Only items dated on or after this day or instant (YYYY-MM-DD or ISO 8601).")
    var since: String?

    @Option(help: "Only items dated on or before this day or instant (YYYY-MM-DD or ISO 8601).")
    var until: String?

    @Option(help: "The `source` label of the records (default: derived from the input).")
    var source: String?

    @Option(help: "A job name: backfills started with the same name (on several workers sharing a PostgreSQL state) share the job's WARC files and URLs, and resume its checkpoints.")
    var job: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        let inputs = [urls != nil, sitemap != nil, feed != nil, !warc.isEmpty].filter { $0 }.count
        guard inputs >= 1 else { throw ValidationError("give an input: --urls, --sitemap, --feed or --warc") }
        for (name, value) in [("--sitemap", sitemap), ("--feed", feed)] {
            if let value, Self.httpURL(value) == nil { throw ValidationError("\(name): expected an http(s) URL, got \"\(value)\"") }
        }
        if let since, Self.date(since, endOfDay: false) == nil { throw ValidationError("--since: expected YYYY-MM-DD or an ISO 8601 date, got \"\(since)\"") }
        if let until, Self.date(until, endOfDay: true) == nil { throw ValidationError("--until: expected YYYY-MM-DD or an ISO 8601 date, got \"\(until)\"") }
        if host != nil && warc.isEmpty { throw ValidationError("--host applies to --warc input only") }
        if reextract && warc.isEmpty { throw ValidationError("--reextract applies to --warc input only") }
        if let job, job.isEmpty || job.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw ValidationError("--job: a name without spaces or slashes, got \"\(job)\"")
        }
    }

    func run() async throws {
        let configuration = try loadConfig(config)
        logging.bootstrap()
        let logger = Logger(label: "copydesk.backfill")
        var options = BackfillOptions()
        options.urlList = urls
        options.sitemap = sitemap.flatMap(Self.httpURL)
        options.feed = feed.flatMap(Self.httpURL)
        options.warcFiles = warc
        options.reextract = reextract
        options.hostPattern = host
        options.since = since.flatMap { Self.date($0, endOfDay: false) }
        options.until = until.flatMap { Self.date($0, endOfDay: true) }
        options.source = source
        options.jobName = job
        let backfill = Backfill(config: configuration, options: options, logger: logger,
                                progress: .forStandardError(logger: logger))
        do {
            let summary = try await BackfillService.runWithSignals(backfill, logger: logger)
            print(summary.rendered())
            if let path = configuration.metrics.path {
                try? MetricsExport.write(summary: summary, to: path.replacingOccurrences(of: ".prom", with: "-backfill.prom"))
            }
        } catch let busy as RunLock.Busy {
            printError("copydesk backfill: the same backfill is already running (\(busy.path))")
            throw ExitStatus.locked
        } catch {
            printError("copydesk backfill: internal failure: \(error)")
            throw ExitCode.failure
        }
    }

    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else { return nil }
        return url
    }

    static func date(_ text: String, endOfDay: Bool) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        guard let day = try? Date("\(text)T00:00:00Z", strategy: .iso8601) else { return nil }
        return endOfDay ? day.addingTimeInterval(86_399) : day
    }
}
