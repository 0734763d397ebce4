import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct CancellationTests {
    @Test func cancellingAnInFlightTransferEndsItAtOnce() async throws {
        let server = try LoopbackServer { _ in .ok("too late").delayed(by: .seconds(30)) }
        defer { server.stop() }
        await withClient { client in
            let task = Task { await fetchError(client, FetchRequest(url: server.url("/slow"))) }
            await eventually { server.requestLog.count == 1 }
            task.cancel()
            #expect(await task.value == .cancelled)
        }
    }

    @Test func cancellationBeforeTheStartSendsNothing() async throws {
        let server = try LoopbackServer { _ in .ok("never") }
        defer { server.stop() }
        await withClient { client in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await fetchError(client, FetchRequest(url: server.url("/a")))
            }
            #expect(await task.value == .cancelled)
        }
        #expect(server.requestLog.isEmpty)
    }

    @Test func cancellingAWaiterForASlotDoesNotLeakTheSlot() async throws {
        let gate = Gate()
        let server = try LoopbackServer { request in
            if request.path == "/blocker" { gate.wait() }
            return .ok("ok")
        }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.concurrency = 1
            $0.perHostConcurrency = 1
            // The blocker is held open on purpose until the gate opens: on a loaded machine that
            // can outlast the default 5 s stall limit, which would fail it as stalled.
            $0.stallTimeout = .seconds(120)
            $0.timeout = .seconds(120)
        }
        try await withClient(configuration) { client in
            let blocker = Task { try await client.fetch(FetchRequest(url: server.url("/blocker"))) }
            await eventually { server.requestLog.count == 1 }
            let waiter = Task { await fetchError(client, FetchRequest(url: server.url("/queued"))) }
            try await Task.sleep(for: .milliseconds(20))
            waiter.cancel()
            #expect(await waiter.value == .cancelled)
            gate.open()
            _ = try await blocker.value
            // The slot came back: a new fetch goes through.
            let fetched = try await client.fetch(FetchRequest(url: server.url("/after")))
            #expect(fetched.status == 200)
        }
        #expect(server.requestLog.map(\.path) == ["/blocker", "/after"])
    }

    @Test func fetchesAfterShutdownAreCancelled() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        let client = HTTPClient(configuration: testConfiguration())
        await client.shutdown()
        #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .cancelled)
    }

    @Test func shutdownAbandonsTransfersInFlight() async throws {
        let server = try LoopbackServer { _ in .ok("late").delayed(by: .seconds(30)) }
        defer { server.stop() }
        let client = HTTPClient(configuration: testConfiguration())
        async let error = fetchError(client, FetchRequest(url: server.url("/a")))
        await eventually { server.requestLog.count == 1 }
        await client.shutdown()
        #expect(await error == .cancelled)
    }
}
