import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RedirectTests {
    @Test func chainOfEveryRedirectStatusIsFollowedAndRecorded() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.router([
            "/301": { _ in .redirect(to: "/302", status: 301) },
            "/302": { _ in .redirect(to: "/303", status: 302) },
            "/303": { _ in .redirect(to: "/307?x=1", status: 303) },
            "/307": { _ in .redirect(to: "/308#frag", status: 307) },
            "/308": { _ in .redirect(to: "/final", status: 308) },
            "/final": { _ in .ok(newsArticle) },
        ]))
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/301")))
            #expect(response.status == 200)
            #expect(response.requestedURL == server.url("/301"))
            #expect(response.finalURL == server.url("/final"))
            #expect(response.redirectChain.map(\.status) == [301, 302, 303, 307, 308])
            #expect(response.redirectChain.map(\.url) == [
                server.url("/301"), server.url("/302"), server.url("/303"), server.url("/307?x=1"), server.url("/308"),
            ])
            #expect(response.attempts == 6)
        }
    }

    @Test func redirectLoopEndsWithTooManyRedirects() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.router([
            "/a": { _ in .redirect(to: "/b") },
            "/b": { _ in .redirect(to: "/a") },
        ]))
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxRedirects = 4 }) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .tooManyRedirects(limit: 4))
        }
        #expect(server.requestLog.count == 5)  // the original plus four followed redirects
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        let server = try LoopbackServer { _ in .redirect(to: "file:///etc/passwd") }
        defer { server.stop() }
        await withClient { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .unsupportedScheme("file"))
        }
    }

    @Test func redirectToAnotherHostIsFollowed() async throws {
        let target = try LoopbackServer(host: "127.0.0.2") { _ in .ok("moved here") }
        defer { target.stop() }
        let origin = try LoopbackServer { _ in .redirect(to: target.url("/new").absoluteString, status: 301) }
        defer { origin.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: origin.url("/old")))
            #expect(response.finalURL == target.url("/new"))
            #expect(String(decoding: response.body, as: UTF8.self) == "moved here")
        }
    }
}
