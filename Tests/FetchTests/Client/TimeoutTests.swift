import Fetch
import Foundation
import LoopbackServer
import Testing

/// Overall, low-speed and connect limits.
@Suite(.timeLimit(.minutes(1)))
struct TimeoutTests {
    @Test func slowFirstByteRunsIntoTheOverallTimeout() async throws {
        let server = try LoopbackServer { _ in .ok("late").delayed(by: .seconds(20)) }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.timeout = .milliseconds(500)
            $0.maxAttempts = 1
        }
        await withClient(configuration) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/slow"))) == .timeout)
        }
    }

    @Test func tricklingServerCannotHoldASlotPastTheOverallTimeout() async throws {
        // 20 bytes a second is above the low-speed limit, so only the overall timeout ends it.
        let body = String(repeating: "x", count: 10_000)
        let server = try LoopbackServer { _ in .ok(body).trickled(bytes: 2, every: .milliseconds(100)) }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.timeout = .seconds(1)
            $0.lowSpeedBytesPerSecond = 1
            $0.stallTimeout = .seconds(5)
            $0.maxAttempts = 1
        }
        await withClient(configuration) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/trickle"))) == .timeout)
        }
    }

    @Test func transferBelowTheLowSpeedLimitIsStalled() async throws {
        let body = String(repeating: "x", count: 10_000)
        let server = try LoopbackServer { _ in .ok(body).trickled(bytes: 1, every: .milliseconds(200)) }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.timeout = .seconds(20)
            $0.lowSpeedBytesPerSecond = 1000
            $0.stallTimeout = .seconds(1)
            $0.maxAttempts = 1
        }
        await withClient(configuration) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/stall")))
            #expect(error == .stalled)
            #expect(error?.errorClass == "stalled")
        }
    }

    @Test func timeoutsAreRetriedUpToMaxAttempts() async throws {
        let server = try LoopbackServer { _ in .ok("late").delayed(by: .seconds(20)) }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.timeout = .milliseconds(300)
            $0.maxAttempts = 3
        }
        await withClient(configuration) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/slow"))) == .timeout)
        }
        #expect(server.requestLog.count == 3)
    }

    @Test func refusedConnectionIsAConnectError() async throws {
        let server = try LoopbackServer { _ in .ok("") }
        let url = server.url("/gone")
        server.stop()  // nothing listens on the port any more
        await withClient(testConfiguration { $0.maxAttempts = 2 }) { client in
            let error = await fetchError(client, FetchRequest(url: url))
            #expect(error?.errorClass == "connect")
        }
    }

    @Test func unresolvableHostIsADNSError() async throws {
        await withClient(testConfiguration { $0.maxAttempts = 1 }) { client in
            let error = await fetchError(client, FetchRequest(url: URL(string: "http://no-such-host.invalid/")!))
            #expect(error == .dns(host: "no-such-host.invalid"))
        }
    }
}
