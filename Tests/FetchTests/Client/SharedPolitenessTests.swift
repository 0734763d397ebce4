import Foundation
@testable import Fetch
import LoopbackServer
import Testing

/// What a worker hands to the next when it gives a host back: the key a host is shared
/// under, this client's last request and spacing, and holding a host back until a time.
@Suite("Shared politeness")
struct SharedPolitenessTests {
    @Test func politenessKeyIsTheHostWithANonDefaultPort() throws {
        func key(_ url: String) throws -> String { HTTPClient.politenessKey(of: try #require(URL(string: url))) }
        #expect(try key("https://News.Example/a") == "news.example")
        #expect(try key("http://news.example:80/a") == "news.example")
        #expect(try key("https://news.example:443/a") == "news.example")
        #expect(try key("http://news.example:8080/a") == "news.example:8080")
        #expect(try key("http://[::1]:8080/a") == "[::1]:8080")
        // Scheduler origins map to the same keys.
        #expect(HTTPClient.politenessKey(ofOrigin: "https://news.example:443") == "news.example")
        #expect(HTTPClient.politenessKey(ofOrigin: "http://127.0.0.1:9000") == "127.0.0.1:9000")
        #expect(HTTPClient.politenessKey(ofOrigin: "http://::1:9000") == "[::1]:9000")
    }

    @Test func hostUsesReportTheLastRequestAndTheDelay() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        let configuration = testConfiguration { $0.perHostDelay = .milliseconds(150) }
        let before = Date()
        try await withClient(configuration) { client in
            _ = try await client.fetch(FetchRequest(url: server.url("/one")))
            let after = Date()
            let key = HTTPClient.politenessKey(of: server.url("/"))
            let use = try #require(client.hostUses()[key])
            #expect(use.lastRequestAt >= before.addingTimeInterval(-0.01) && use.lastRequestAt <= after.addingTimeInterval(0.01))
            #expect(abs(use.delay - 0.15) < 0.001)
        }
    }

    @Test func aHeldBackHostGetsNoRequestBeforeTheInstant() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        try await withClient(testConfiguration()) { client in
            let key = HTTPClient.politenessKey(of: server.url("/"))
            let heldFrom = ContinuousClock.now
            client.holdBack(key, until: Date().addingTimeInterval(0.3))
            _ = try await client.fetch(FetchRequest(url: server.url("/after")))
            let arrival = try #require(server.requestLog.first?.receivedAt)
            #expect(arrival - heldFrom >= .milliseconds(290))
        }
    }

    @Test func withOneTransferPerHostTheDelayRunsFromTheEndOfThePrevious() async throws {
        // Each response takes 150 ms; with a 100 ms delay counted from the previous start the
        // second request would arrive ~150 ms after the first, from its end ≥ 250 ms.
        let server = try LoopbackServer(addedLatency: .milliseconds(150)) { _ in .ok("ok") }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.perHostDelay = .milliseconds(100)
            $0.perHostConcurrency = 1
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<2 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/p/\(index)"))) }
                }
                try await group.waitForAll()
            }
        }
        let arrivals = server.requestLog.map(\.receivedAt).sorted()
        #expect(arrivals.count == 2)
        if arrivals.count == 2 { #expect(arrivals[1] - arrivals[0] >= .milliseconds(245)) }
    }
}
