import ArgumentParser
import Fetch
import Foundation
import Pipeline

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one URL with the pipeline's HTTP client and settings.",
        discussion: """
            Status, final URL, redirects, validators and timings go to standard error; the body \
            goes to standard output or --output. A failure prints the typed error in one line \
            and exits with status 1.
            """
    )

    @Argument(help: "The http or https URL to fetch.")
    var url: String?

    @Option(name: .long, help: "Pipeline configuration file whose `fetch` section applies (defaults otherwise).")
    var config: String?

    @Flag(name: .long, help: "Send HEAD instead of GET.")
    var head = false

    @Option(name: [.short, .long], help: "Write the body to this file instead of standard output.")
    var output: String?

    /// Benchmark mode: fetch every URL in the file, bodies discarded.
    @Option(name: .long, help: .hidden)
    var urls: String?

    @Option(name: .long, help: .hidden)
    var parallel: Int = 64

    func validate() throws {
        if urls == nil && url == nil { throw ValidationError("Give a URL to fetch.") }
        if urls != nil && url != nil { throw ValidationError("Give either a URL or --urls, not both.") }
        if parallel < 1 { throw ValidationError("--parallel must be at least 1.") }
    }

    func run() async throws {
        Curl.globalInit()
        let fetchConfig = try config.map { try loadConfig($0).fetch } ?? FetchConfig()
        if let urls {
            try await FetchBenchmark(listPath: urls, parallel: parallel, configuration: fetchConfig.httpClientConfiguration()).run()
            return
        }
        guard let url, let target = URL(string: url), target.scheme != nil else {
            printError("copydesk fetch: invalid_url: \(url ?? "")")
            throw ExitCode.failure
        }
        let client = HTTPClient(configuration: fetchConfig.httpClientConfiguration())
        // A URL typed by the operator is trusted like a configured source.
        let request = FetchRequest(url: target, method: head ? .head : .get, isDiscovered: false)
        let outcome: Result<FetchResponse, FetchError>
        do { outcome = .success(try await client.fetch(request)) } catch { outcome = .failure(error) }
        await client.shutdown()
        switch outcome {
        case .failure(let error):
            printError("copydesk fetch: \(error.description)")
            throw ExitCode.failure
        case .success(let response):
            report(response)
            if let output {
                try response.body.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(response.body)
            }
        }
    }

    private func report(_ response: FetchResponse) {
        printError("status: \(response.status)")
        printError("final-url: \(response.finalURL.absoluteString)")
        for hop in response.redirectChain { printError("redirect: \(hop.status) \(hop.url.absoluteString)") }
        if let type = response.headers["Content-Type"] { printError("content-type: \(type)") }
        if let etag = response.validators.etag { printError("etag: \(etag)") }
        if let modified = response.validators.lastModified { printError("last-modified: \(modified)") }
        printError("http-version: \(response.httpVersion)")
        printError("attempts: \(response.attempts)")
        printError("bytes: \(response.body.count)")
        let t = response.timings
        printError(
            "timings: queued=\(seconds(t.queued)) dns=\(seconds(t.nameLookup)) connect=\(seconds(t.connect)) "
                + "tls=\(seconds(t.tlsHandshake)) first-byte=\(seconds(t.firstByte)) transfer=\(seconds(t.transfer)) "
                + "total=\(seconds(t.total))"
        )
    }
}

/// Formats a duration as seconds with millisecond precision.
func seconds(_ duration: Duration) -> String {
    let (whole, atto) = duration.components
    return String(format: "%.3fs", Double(whole) + Double(atto) / 1e18)
}

/// The hidden `copydesk fetch --urls FILE --parallel N` mode used by `bench/fetch.sh`: every URL
/// fetched with the pipeline's client, `N` in flight, bodies discarded, a summary on stderr.
struct FetchBenchmark {
    let listPath: String
    let parallel: Int
    let configuration: HTTPClientConfiguration

    func run() async throws {
        let text = try String(contentsOfFile: listPath, encoding: .utf8)
        let urls = text.split(whereSeparator: \.isNewline).compactMap { URL(string: String($0)) }
        var configuration = self.configuration
        // Measure throughput, not politeness: the benchmark server is ours, on loopback.
        configuration.concurrency = parallel
        configuration.perHostConcurrency = parallel
        configuration.perHostDelay = .zero
        configuration.respectRobotsTxt = false
        configuration.allowPrivateNetworks = true
        configuration.connectionCacheSize = max(configuration.connectionCacheSize, parallel * 2)
        let client = HTTPClient(configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        var failures: [String: Int] = [:]
        await withTaskGroup(of: Result<Int, FetchError>.self) { group in
            var next = urls.makeIterator()
            func addNext() -> Bool {
                guard let url = next.next() else { return false }
                group.addTask {
                    do throws(FetchError) {
                        return .success(try await client.fetch(FetchRequest(url: url, isDiscovered: false)).body.count)
                    } catch {
                        return .failure(error)
                    }
                }
                return true
            }
            for _ in 0..<parallel where !addNext() { break }
            while let result = await group.next() {
                switch result {
                case .success(let count): bytes += count
                case .failure(let error): failures[error.errorClass, default: 0] += 1
                }
                _ = addNext()
            }
        }
        let elapsed = clock.now - start
        await client.shutdown()
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let failed = failures.values.reduce(0, +)
        printError(String(
            format: "requests=%d failed=%d bytes=%d wall=%.3fs req/s=%.1f MB/s=%.2f",
            urls.count, failed, bytes, wall, Double(urls.count) / wall, Double(bytes) / wall / 1e6
        ))
        for (name, count) in failures.sorted(by: { $0.key < $1.key }) { printError("failed.\(name)=\(count)") }
    }
}
