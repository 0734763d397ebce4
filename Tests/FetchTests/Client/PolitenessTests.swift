import Fetch
import Foundation
import LoopbackServer
import Testing

/// Concurrency limits, per-host spacing, and independence of hosts.
@Suite(.timeLimit(.minutes(1)))
struct PolitenessTests {
    @Test func perHostConcurrencyIsNeverExceeded() async throws {
        let inFlight = Gauge()
        let server = try LoopbackServer { _ in
            inFlight.enter()
            defer { inFlight.leave() }
            Thread.sleep(forTimeInterval: 0.05)
            return .ok("ok")
        }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.concurrency = 10
            $0.perHostConcurrency = 2
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/p/\(index)"))) }
                }
                try await group.waitForAll()
            }
        }
        #expect(server.requestLog.count == 8)
        #expect(inFlight.maximum <= 2)
        #expect(inFlight.maximum == 2)  // the limit is used, not just respected
    }

    @Test func globalConcurrencyIsNeverExceededAcrossHosts() async throws {
        let inFlight = Gauge()
        let handler: @Sendable (LoopbackRequest) -> LoopbackResponse = { _ in
            inFlight.enter()
            defer { inFlight.leave() }
            Thread.sleep(forTimeInterval: 0.05)
            return .ok("ok")
        }
        let servers = try (1...3).map { try LoopbackServer(host: "127.0.0.\($0)", handler: handler) }
        defer { servers.forEach { $0.stop() } }
        let configuration = testConfiguration {
            $0.concurrency = 3
            $0.perHostConcurrency = 3
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for server in servers {
                    for index in 0..<4 {
                        group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/p/\(index)"))) }
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(inFlight.maximum <= 3)
    }

    @Test func requestsToOneHostAreSpacedByTheConfiguredDelay() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.perHostDelay = .milliseconds(200)
            $0.perHostConcurrency = 4
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/p/\(index)"))) }
                }
                try await group.waitForAll()
            }
        }
        // Spacing is enforced when the client starts each transfer; the server sees arrivals,
        // which a busy machine can shift (a single gap can shrink when the previous arrival was
        // late). The span from first to last arrival is immune to that: three delays of 200 ms
        // make at least ~600 ms; without the delay it is ~0.
        let span = try #require(server.requestLog.arrivalSpan)
        #expect(span >= .milliseconds(400))
    }

    @Test func oneStuckHostDoesNotStallAnother() async throws {
        let gate = Gate()
        let stuck = try LoopbackServer(host: "127.0.0.1") { _ in
            gate.wait()
            return .ok("eventually")
        }
        defer { stuck.stop() }
        let healthy = try LoopbackServer(host: "127.0.0.2") { _ in .ok("fine") }
        defer { healthy.stop() }
        let configuration = testConfiguration {
            $0.concurrency = 4
            $0.perHostConcurrency = 1
            // The stuck host is held open on purpose until the gate opens: on a loaded machine
            // that can outlast the default 5 s stall limit.
            $0.stallTimeout = .seconds(120)
            $0.timeout = .seconds(120)
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<3 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: stuck.url("/s/\(index)"))) }
                }
                await eventually { stuck.requestLog.count == 1 }
                // The stuck host holds its only slot and has two more queued; the other host
                // must still get through while the gate is closed.
                for index in 0..<3 {
                    let response = try await client.fetch(FetchRequest(url: healthy.url("/h/\(index)")))
                    #expect(String(decoding: response.body, as: UTF8.self) == "fine")
                }
                #expect(stuck.requestLog.count == 1)
                gate.open(count: 3)
                try await group.waitForAll()
            }
        }
    }
}
