import Fetch
import Foundation
import LoopbackServer
import Testing

/// A hostile feed must not steer the crawler at internal services.
@Suite(.timeLimit(.minutes(1)))
struct SafetyTests {
    private let strict = testConfiguration { $0.allowPrivateNetworks = false }

    @Test func discoveredLoopbackURLIsRefusedBeforeConnecting() async throws {
        let server = try LoopbackServer { _ in .ok("internal admin page") }
        defer { server.stop() }
        await withClient(strict) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/admin"), isDiscovered: true))
            #expect(error == .blockedAddress(host: "127.0.0.1"))
            #expect(error?.errorClass == "blocked_address")
        }
        #expect(server.connectionCount == 0)
    }

    @Test func discoveredURLByNameIsCheckedAfterResolution() async throws {
        let server = try LoopbackServer { _ in .ok("internal") }
        defer { server.stop() }
        await withClient(strict) { client in
            let url = URL(string: "http://localhost:\(server.port)/admin")!
            #expect(await fetchError(client, FetchRequest(url: url, isDiscovered: true))?.errorClass == "blocked_address")
        }
        #expect(server.connectionCount == 0)
    }

    @Test func configuredURLIsTrustedButItsRedirectToAnotherHostIsNot() async throws {
        let metadataService = try LoopbackServer(host: "127.0.0.2") { _ in .ok("metadata service") }
        defer { metadataService.stop() }
        let source = try LoopbackServer(handler: LoopbackHandlers.router([
            "/feed": { _ in .ok("<rss/>", contentType: "application/rss+xml") },
            "/moved": { _ in .redirect(to: "/feed", status: 301) },
            "/evil": { _ in .redirect(to: metadataService.url("/latest").absoluteString) },
        ]))
        defer { source.stop() }
        try await withClient(strict) { client in
            let feed = try await client.fetch(FetchRequest(url: source.url("/feed"), isDiscovered: false))
            #expect(feed.status == 200)
            let moved = try await client.fetch(FetchRequest(url: source.url("/moved"), isDiscovered: false))
            #expect(moved.finalURL == source.url("/feed"))
            let error = await fetchError(client, FetchRequest(url: source.url("/evil"), isDiscovered: false))
            #expect(error == .blockedAddress(host: "127.0.0.2"))
        }
        #expect(metadataService.connectionCount == 0)
    }

    @Test func allowPrivateNetworksLetsDiscoveredLoopbackURLsThrough() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        try await withClient(testConfiguration { $0.allowPrivateNetworks = true }) { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/a"), isDiscovered: true))
            #expect(fetched.status == 200)
        }
    }

    @Test func proxyFromTheConfigurationIsUsed() async throws {
        // The loopback server plays the proxy: it receives the absolute-form request.
        let proxy = try LoopbackServer { _ in .ok("via proxy") }
        defer { proxy.stop() }
        let configuration = testConfiguration { $0.proxy = proxy.origin }
        try await withClient(configuration) { client in
            let response = try await client.fetch(FetchRequest(url: URL(string: "http://news.example/story")!))
            #expect(String(decoding: response.body, as: UTF8.self) == "via proxy")
        }
        #expect(proxy.requestLog.first?.request.path == "http://news.example/story")
        #expect(proxy.requestLog.first?.request.header("Host") == "news.example")
    }
}
