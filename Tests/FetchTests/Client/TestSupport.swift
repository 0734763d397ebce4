import Fetch
import Foundation
import LoopbackServer

/// A configuration for tests: loopback allowed, robots off, no per-host delay, short timeouts
/// and backoff so failures are quick. Tests switch on what they exercise.
func testConfiguration(_ adjust: (inout HTTPClientConfiguration) -> Void = { _ in }) -> HTTPClientConfiguration {
    var configuration = HTTPClientConfiguration()
    configuration.userAgent = "CopydeskTest/1.0"
    configuration.allowPrivateNetworks = true
    configuration.respectRobotsTxt = false
    configuration.perHostDelay = .zero
    configuration.concurrency = 8
    configuration.perHostConcurrency = 4
    configuration.timeout = .seconds(10)
    configuration.connectTimeout = .seconds(3)
    configuration.stallTimeout = .seconds(5)
    configuration.lowSpeedBytesPerSecond = 1
    configuration.maxAttempts = 3
    configuration.backoffBase = .milliseconds(10)
    configuration.backoffCap = .milliseconds(40)
    adjust(&configuration)
    return configuration
}

/// Runs `body` with a fresh client, shutting it down afterwards.
func withClient<T>(
    _ configuration: HTTPClientConfiguration = testConfiguration(),
    cache: (any ConditionalGetCache)? = nil,
    _ body: (HTTPClient) async throws -> T
) async rethrows -> T {
    let client = HTTPClient(configuration: configuration, conditionalGetCache: cache)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// The error a fetch threw, or `nil` when it succeeded.
func fetchError(_ client: HTTPClient, _ request: FetchRequest) async -> FetchError? {
    do {
        _ = try await client.fetch(request)
        return nil
    } catch {
        return error
    }
}

/// A thread-safe counter tests use inside server handlers.
final class Gauge: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var current = 0
    private var peak = 0

    /// Counts one more in progress and returns the new peak.
    func enter() { lock.withLock { current += 1; peak = max(peak, current) } }
    func leave() { lock.withLock { current -= 1 } }
    var maximum: Int { lock.withLock { peak } }
}

/// A gate a handler waits on until the test opens it.
final class Gate: @unchecked Sendable {
    // @unchecked: DispatchSemaphore is thread-safe.
    private let semaphore = DispatchSemaphore(value: 0)
    func wait(timeout: TimeInterval = 20) { _ = semaphore.wait(timeout: .now() + timeout) }
    func open(count: Int = 1) { for _ in 0..<count { semaphore.signal() } }
}

/// Polls `condition` until it holds (for waiting on server-side events, not for timing).
func eventually(_ condition: () -> Bool) async {
    for _ in 0..<2000 where !condition() {
        try? await Task.sleep(for: .milliseconds(5))
    }
}

let newsArticle = """
    <!doctype html><html><head><meta charset="utf-8"><title>Harbour bridge to reopen</title></head>
    <body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
    <div class="cookie-banner">We use cookies. <button>Accept</button></div>
    <article><h1>Harbour bridge to reopen after repairs</h1>
    <p>The city council voted on Tuesday to reopen the harbour bridge to traffic next month.</p>
    <p>Engineers said the new bearings would extend the bridge's life by forty years.</p></article>
    <aside class="related"><a href="/a/ferry-timetable">Ferry timetable changes</a></aside>
    <section class="comments"><p>Finally! — a reader</p></section></body></html>
    """
