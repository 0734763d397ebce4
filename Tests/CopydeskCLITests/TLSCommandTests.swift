import Foundation
import LoopbackServer
import Testing

/// TLS failures reach the operator with their cause, from `fetch`, `discover` and `run`; a
/// private CA is trusted through `fetch.caFile`.
@Suite("TLS from the command line", .serialized, .timeLimit(.minutes(2)))
struct TLSCommandTests {
    private static let page = #"<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>News.</p></body></html>"#

    @Test func fetchDiscoverAndRunNameTheCertificateProblem() async throws {
        let tls = try await TLSTestServers(pages: ["/index.html": Self.page, "/feed.xml": "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"])
        defer { tls.stop() }
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let config = try harness.writeConfig(
            sources: [#"{"name":"wrong-host","type":"feed","url":"\#(tls.url(.wrongHost, path: "/feed.xml"))"}"#])
        // The generated configuration, with the test CA trusted.
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: #""maxAttempts": 2 }"#, with: #""maxAttempts": 1, "caFile": "\#(tls.caFile)" }"#)
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))

        let good = try await harness.run(["fetch", tls.url(.valid, path: "/index.html"), "--config", config])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("News."))

        let expired = try await harness.run(["fetch", tls.url(.expired, path: "/index.html"), "--config", config])
        #expect(expired.status == 1)
        #expect(expired.stderr.contains("tls_expired: certificate expired"))

        let discover = try await harness.run(["discover", tls.url(.selfSigned, path: "/index.html"), "--config", config, "--no-probe"])
        #expect(discover.status != 0)
        #expect(discover.stderr.contains("tls_self_signed"))

        let run = try await harness.run(["run", "--config", config, "--all"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tls_hostname=1"))
        #expect(run.stderr.contains("tls_hostname"))
    }
}
