import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RetryTests {
    @Test func serviceUnavailableThenOKSucceedsOnTheSecondAttempt() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.sequence([.status(503), .ok(newsArticle)]))
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(response.status == 200)
            #expect(response.attempts == 2)
        }
        #expect(server.requestLog.count == 2)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func retryableStatusesAreRetriedUntilAttemptsRunOut(status: Int) async throws {
        let server = try LoopbackServer { _ in .status(status) }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxAttempts = 3 }) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .http(status: status))
        }
        #expect(server.requestLog.count == 3)
    }

    @Test(arguments: [400, 401, 403, 404, 410, 451])
    func otherClientErrorsAreNotRetried(status: Int) async throws {
        let server = try LoopbackServer { _ in .status(status) }
        defer { server.stop() }
        await withClient { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .http(status: status))
        }
        #expect(server.requestLog.count == 1)
    }

    @Test func retryAfterSecondsIsWaitedFor() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.sequence([
            .status(429, headers: [("Retry-After", "1")]), .ok("finally"),
        ]))
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(response.status == 200)
        }
        let log = server.requestLog
        #expect(log.count == 2)
        // A lower bound set by the server, not a speed claim: the retry came no sooner than asked.
        #expect(log[1].receivedAt - log[0].receivedAt >= .seconds(1))
    }

    @Test func retryAfterHTTPDateIsWaitedFor() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let calls = Gauge()
        let server = try LoopbackServer { _ in
            calls.enter()
            // The date is made when the request arrives, two seconds ahead.
            return calls.maximum == 1
                ? .status(503, headers: [("Retry-After", formatter.string(from: Date().addingTimeInterval(2)))])
                : .ok("finally")
        }
        defer { server.stop() }
        try await withClient { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(fetched.status == 200)
        }
        let log = server.requestLog
        #expect(log.count == 2)
        // The date has one-second resolution, so at least one whole second must have passed.
        #expect(log[1].receivedAt - log[0].receivedAt >= .seconds(1))
    }

    @Test func retryAfterBeyondTheCapStopsRetrying() async throws {
        let server = try LoopbackServer { _ in .status(503, headers: [("Retry-After", "3600")]) }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxRetryAfter = .seconds(5) }) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .http(status: 503))
        }
        #expect(server.requestLog.count == 1)
    }

    @Test func backoffGrowsExponentiallyWithJitterWithinTheCap() async throws {
        let server = try LoopbackServer { _ in .status(500) }
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.maxAttempts = 4
            $0.backoffBase = .milliseconds(100)
            $0.backoffCap = .seconds(10)
        }
        await withClient(configuration) { client in
            _ = await fetchError(client, FetchRequest(url: server.url("/a")))
        }
        let times = server.requestLog.map(\.receivedAt)
        // Required, not expected: the indexing below must not trap when attempts are missing
        // (seen under AddressSanitizer on a loaded machine; the process died with the suite).
        try #require(times.count == 4)
        // Jitter keeps each wait within [½, 1] of base × 2^(n-1): at least 50, 100, 200 ms.
        #expect(times[1] - times[0] >= .milliseconds(50))
        #expect(times[2] - times[1] >= .milliseconds(100))
        #expect(times[3] - times[2] >= .milliseconds(200))
    }
}
