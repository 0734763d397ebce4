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

    func validate() throws {
        if url == nil { throw ValidationError("Give a URL to fetch.") }
    }

    func run() async throws {
        Curl.globalInit()
        let fetchConfig = try config.map { try loadConfig($0).fetch } ?? FetchConfig()
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
