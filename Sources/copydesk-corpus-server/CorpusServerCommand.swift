import Dispatch
import Foundation
import LoopbackServer
import Synchronization

/// `copydesk-corpus-server`: the loopback news corpus the end-to-end benchmark crawls (see
/// docs/performance.md). Starts one server per outlet on consecutive loopback addresses, prints
/// `READY {json}` and serves until SIGTERM or SIGINT.
@main
struct CorpusServerCommand {
    static func main() {
        let options: CorpusOptions
        do {
            options = try CorpusOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        } catch let error as UsageError {
            if !error.message.isEmpty { printError("copydesk-corpus-server: \(error.message)") }
            printError(CorpusOptions.usage)
            exit(error.message.isEmpty ? 0 : 64)
        } catch {
            printError("copydesk-corpus-server: \(error)")
            exit(64)
        }
        do {
            try serve(options)
        } catch {
            printError("copydesk-corpus-server: \(error)")
            exit(1)
        }
    }

    static func serve(_ options: CorpusOptions) throws {
        // Pages are rendered by ArticlePage (sized by PagePadding), not NewsCorpus.page.
        let corpus = NewsCorpus(
            outlets: options.hosts, articlesPerOutlet: options.articlesPerHost,
            pageBytes: options.minPageKilobytes * 1024...options.maxPageKilobytes * 1024,
            reprintShare: options.reprintShare, seed: options.seed
        )
        let padding = PagePadding(sizes: options.minPageKilobytes * 1024...options.maxPageKilobytes * 1024, seed: options.seed)
        let renderer = ArticlePage(padding: padding)
        let hosts = (0..<options.hosts).map { CorpusHost(outlet: $0, corpus: corpus, renderer: renderer) }
        let latency = Duration.milliseconds(options.latencyMilliseconds)
        let servers = try zip(try options.addresses(), hosts).map { address, host in
            try LoopbackServer(host: address, addedLatency: latency) { host.respond(to: $0) }
        }
        // Listing documents for every host, built on all cores before anyone is told to start.
        let reprints = Mutex([Int](repeating: 0, count: hosts.count))
        DispatchQueue.concurrentPerform(iterations: hosts.count) { index in
            let count = hosts[index].prepare(origin: servers[index].origin)
            reprints.withLock { $0[index] = count }
        }
        let ready = ReadyLine(
            hosts: servers.map { ReadyLine.Host(origin: $0.origin, feed: $0.origin + "/rss.xml", sitemap: $0.origin + "/sitemap.xml") },
            articlesPerHost: options.articlesPerHost,
            articles: options.hosts * options.articlesPerHost,
            reprints: reprints.withLock { $0.reduce(0, +) },
            latencyMilliseconds: options.latencyMilliseconds,
            pageBytes: [options.minPageKilobytes * 1024, options.maxPageKilobytes * 1024]
        )
        let json = String(decoding: try JSONEncoder().encode(ready), as: UTF8.self)
        if let path = options.readyFile {
            try Data(json.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        // Written in one call, so a reader of the pipe sees the whole line at once.
        FileHandle.standardOutput.write(Data("READY \(json)\n".utf8))
        waitForStopSignal()
        if let path = options.spacingFile {
            try RequestSpacing(servers: servers).write(to: path)
        }
        servers.forEach { $0.stop() }
    }

    /// Blocks until SIGTERM or SIGINT arrives.
    static func waitForStopSignal() {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        stop.wait()
        sources.forEach { $0.cancel() }
    }
}

/// What the server prints once every host listens.
struct ReadyLine: Codable {
    struct Host: Codable {
        var origin: String
        var feed: String
        var sitemap: String
    }

    var hosts: [Host]
    var articlesPerHost: Int
    var articles: Int
    /// Articles that reprint a wire story of outlet 0 (what the dedupe stage should flag).
    var reprints: Int
    var latencyMilliseconds: Int
    var pageBytes: [Int]
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
