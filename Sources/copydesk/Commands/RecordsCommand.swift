import ArgumentParser
import Foundation
import Glibc
import Logging
import Pipeline

/// `copydesk records`: committed records as JSON lines, in commit order, resumable.
struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Print committed records as JSON lines in commit order; resume where a consumer stopped.",
        discussion: """
            Each line is the record's manifest line plus "cursor" (its place in commit order), \
            "path" (the text file) and, with --with-text, "text". With --consumer NAME the \
            consumer's cursor is kept in the state store and moved only after the lines are \
            written and flushed (at-least-once delivery). See docs/consumers.md.
            """
    )

    @Option(name: .shortAndLong, help: "The configuration file (for the state and output paths).")
    var config: String = "pipeline.json"

    @Option(help: "A named cursor kept in the state store: print what is new since its last read.")
    var consumer: String?

    @Option(help: "Start after this cursor (a \"cursor\" value printed before; 0 for the beginning).")
    var since: Int64?

    @Flag(help: "Print the cursor to resume from on standard error when done.")
    var printCursor = false

    @Flag(help: "List the named consumers and how many records each is behind, then exit.")
    var consumers = false

    @Flag(help: "Keep running and print records as they are committed, until SIGTERM or SIGINT.")
    var follow = false

    @Flag(help: "Include each record's text.")
    var withText = false

    @Option(help: "Only records of this source (repeatable).")
    var source: [String] = []

    @Option(help: "Only records this worker wrote (repeatable; workers sharing a PostgreSQL state). Records of other workers carry no path or text: their files are on those workers' machines.")
    var worker: [String] = []

    @Option(help: "Only records of day folders from this day on (YYYY-MM-DD).")
    var sinceDay: String?

    @Option(help: "Only records of day folders up to this day (YYYY-MM-DD).")
    var untilDay: String?

    @Flag(help: "Include near and exact duplicates (left out by default).")
    var includeDuplicates = false

    @Option(help: "all: every revision as it was committed (default); latest: leave out revisions already superseded.")
    var revisions: Revisions = .all

    @OptionGroup var logging: LoggingOptions

    enum Revisions: String, ExpressibleByArgument, CaseIterable {
        case all, latest
    }

    func validate() throws {
        for day in [sinceDay, untilDay].compactMap({ $0 }) where day.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("expected a day as YYYY-MM-DD, got \"\(day)\"")
        }
        if let consumer, consumer.isEmpty || consumer.count > 200 { throw ValidationError("--consumer needs a name of 1 to 200 characters") }
        if let since, since < 0 { throw ValidationError("--since must be 0 or more") }
    }

    func run() async throws {
        let configuration = try loadConfig(config)
        let reader = try StateReader.open(config: configuration)
        let store = reader.store
        if consumers {
            for cursor in try store.consumers() {
                let updated = ISO8601DateFormatter().string(from: cursor.updatedAt)
                print("\(cursor.name)\tcursor \(cursor.position)\tbehind \(cursor.behind)\tupdated \(updated)")
            }
            return
        }
        var filter = RecordLogFilter(sources: source, sinceDay: sinceDay, untilDay: untilDay,
                                     includeDuplicates: includeDuplicates, latestRevisionOnly: revisions == .latest)
        filter.workers = worker
        let feed = RecordFeed(store: store, outputDirectory: configuration.output.directory, filter: filter, withText: withText,
                              localWorker: reader.localWorker)
        let start = try since ?? consumer.flatMap { try store.consumerPosition($0) } ?? 0
        let last = Cursor(start)
        let name = consumer
        let follower = RecordFollower(feed: feed, after: start, follow: follow, deliver: { lines in
            try Self.write(lines)
        }, save: { position in
            last.value = position
            if let name { try store.saveConsumerPosition(name, position: position, at: Date()) }
        })
        if follow {
            logging.bootstrap()
            try await follower.runWithSignals(logger: Logger(label: "copydesk.records"))
        } else {
            try await follower.run()
        }
        if printCursor { printError("cursor \(last.value)") }
    }

    /// Writes a batch straight to file descriptor 1 (nothing is buffered in the process); a
    /// failed write (a closed pipe) throws before the cursor moves.
    static func write(_ lines: [String]) throws {
        var text = lines.joined(separator: "\n") + "\n"
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write to standard output"])
                }
                offset += count
            }
        }
    }
}

/// The last position saved, shared with the follower's save callback.
private final class Cursor: @unchecked Sendable {
    // Written by the follower's one task and read after it returns; the lock makes that explicit.
    private let lock = NSLock()
    private var stored: Int64
    init(_ value: Int64) { stored = value }
    var value: Int64 {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
