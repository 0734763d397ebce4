import Fetch
import Foundation
import LoopbackServer
import Testing

/// Real HTTPS: nginx on loopback with certificates made for this run. A valid chain works over
/// HTTP/2 (several transfers multiplexed on one connection) and over HTTP/1.1; each kind of bad
/// certificate fails with a typed error naming the cause.
@Suite("TLS and HTTP/2", .serialized, .timeLimit(.minutes(2)))
struct TLSTests {
    private static let page = "<html><body><p>Harbour news over TLS.</p></body></html>"

    private func servers() async throws -> TLSTestServers {
        try await TLSTestServers(pages: (1...6).reduce(into: ["/index.html": Self.page]) { pages, number in
            pages["/story-\(number).html"] = Self.page
        })
    }

    @Test func validChainFromAPrivateCAWorksOverHTTP2AndHTTP1() async throws {
        let tls = try await servers()
        defer { tls.stop() }
        // Each kind of certificate has a port of its own (two on one port answer alike).
        #expect(Set(TLSTestServers.Kind.allCases.map { tls.url($0) }).count == TLSTestServers.Kind.allCases.count)
        try await withClient(testConfiguration { $0.caFile = tls.caFile }) { client in
            let h2 = try await client.fetch(FetchRequest(url: URL(string: tls.url(.valid, path: "/index.html"))!, isDiscovered: false))
            #expect(h2.status == 200 && h2.httpVersion == "2")
            #expect(String(decoding: h2.body, as: UTF8.self) == Self.page)
            let h1 = try await client.fetch(FetchRequest(url: URL(string: tls.url(.http1Only, path: "/index.html"))!, isDiscovered: false))
            #expect(h1.status == 200 && h1.httpVersion == "1.1")
        }
    }

    @Test func transfersToOneHostShareOneHTTP2Connection() async throws {
        let tls = try await servers()
        defer { tls.stop() }
        try await withClient(testConfiguration { $0.caFile = tls.caFile; $0.perHostConcurrency = 6 }) { client in
            // Once a connection to the host is up (and known to speak HTTP/2), concurrent
            // transfers are multiplexed on it. (Transfers are not made to wait for a connection
            // still being set up: that would release them together and defeat per-host spacing.)
            _ = try await client.fetch(FetchRequest(url: URL(string: tls.url(.valid, path: "/index.html"))!, isDiscovered: false))
            try await withThrowingTaskGroup(of: Int.self) { group in
                for number in 1...6 {
                    group.addTask {
                        try await client.fetch(FetchRequest(url: URL(string: tls.url(.valid, path: "/story-\(number).html"))!,
                                                            isDiscovered: false)).status
                    }
                }
                for try await status in group { #expect(status == 200) }
            }
        }
        let lines = tls.accessLog.split(separator: "\n").filter { $0.contains("/story-") || $0.contains("/index.html") }
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.contains(" HTTP/2.0 ") })
        #expect(Set(lines.map { $0.split(separator: " ")[0] }).count == 1)  // one connection serial
    }

    @Test(arguments: [
        (TLSTestServers.Kind.expired, TLSFailure.expired, "tls_expired"),
        (.wrongHost, .hostnameMismatch, "tls_hostname"),
        (.unknownCA, .unknownCA, "tls_unknown_ca"),
        (.selfSigned, .selfSigned, "tls_self_signed"),
    ])
    func badCertificatesFailWithTheirCause(kind: TLSTestServers.Kind, cause: TLSFailure, errorClass: String) async throws {
        let tls = try await servers()
        defer { tls.stop() }
        try await withClient(testConfiguration { $0.caFile = tls.caFile; $0.maxAttempts = 1 }) { client in
            let error = await fetchError(client, FetchRequest(url: URL(string: tls.url(kind, path: "/index.html"))!, isDiscovered: false))
            guard case .tls(let found, _)? = error else {
                Issue.record("expected a TLS error, got \(String(describing: error))")
                return
            }
            #expect(found == cause)
            #expect(error?.errorClass == errorClass)
            #expect(error?.description.hasPrefix("\(errorClass): \(cause.explanation)") == true)
        }
    }

    @Test func theTestCAIsNotTrustedWithoutCAFile() async throws {
        let tls = try await servers()
        defer { tls.stop() }
        try await withClient(testConfiguration { $0.maxAttempts = 1 }) { client in
            let error = await fetchError(client, FetchRequest(url: URL(string: tls.url(.valid, path: "/index.html"))!, isDiscovered: false))
            #expect(error?.errorClass == "tls_unknown_ca")
        }
    }
}
