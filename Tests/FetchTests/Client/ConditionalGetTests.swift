import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ConditionalGetTests {
    private static let lastModified = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func validatorsFromTheCacheMakeAnUnchangedPageA304() async throws {
        let page = LoopbackPage(contentType: "application/rss+xml", "<rss><channel><title>City news</title></channel></rss>")
        let site = LoopbackSite(pages: ["/feed.xml": page])
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let cache = InMemoryConditionalGetCache()
        let url = server.url("/feed.xml")
        try await withClient(cache: cache) { client in
            let first = try await client.fetch(FetchRequest(url: url, conditional: true))
            #expect(first.status == 200)
            #expect(first.validators.etag == page.etag)
            // The client never stores validators itself: the pipeline does, once records are kept.
            #expect(await cache.validators(for: url.absoluteString) == nil)
            await cache.remember(first.validators, for: url.absoluteString)

            let second = try await client.fetch(FetchRequest(url: url, conditional: true))
            #expect(second.isNotModified)
            #expect(second.body.isEmpty)
        }
        let requests = server.requestLog.map(\.request)
        #expect(requests[0].header("If-None-Match") == nil)
        #expect(requests[1].header("If-None-Match") == page.etag)
    }

    @Test func aChangedPageIsFetchedInFull() async throws {
        let site = LoopbackSite(pages: ["/a": LoopbackPage("<p>first version</p>")])
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        try await withClient { client in
            let first = try await client.fetch(FetchRequest(url: server.url("/a")))
            site.set("/a", LoopbackPage("<p>corrected version</p>"))
            let second = try await client.fetch(FetchRequest(url: server.url("/a"), conditional: true, validators: first.validators))
            #expect(second.status == 200)
            #expect(String(decoding: second.body, as: UTF8.self) == "<p>corrected version</p>")
            #expect(second.validators.etag != first.validators.etag)
        }
    }

    @Test func lastModifiedIsSentAsIfModifiedSince() async throws {
        let site = LoopbackSite(pages: ["/a": LoopbackPage("<p>story</p>", lastModified: Self.lastModified)])
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let stamp = try await withClient { client in
            let first = try await client.fetch(FetchRequest(url: server.url("/a")))
            let stamp = try #require(first.validators.lastModified)
            let onlyDate = Validators(etag: nil, lastModified: stamp)
            let second = try await client.fetch(FetchRequest(url: server.url("/a"), conditional: true, validators: onlyDate))
            #expect(second.isNotModified)
            return stamp
        }
        #expect(server.requestLog[1].request.header("If-Modified-Since") == stamp)
        #expect(server.requestLog[1].request.header("If-None-Match") == nil)
    }

    @Test func nonConditionalRequestsIgnoreTheCache() async throws {
        let site = LoopbackSite(pages: ["/a": LoopbackPage("<p>story</p>")])
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let cache = InMemoryConditionalGetCache()
        await cache.remember(Validators(etag: LoopbackPage("<p>story</p>").etag), for: server.url("/a").absoluteString)
        try await withClient(cache: cache) { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(fetched.status == 200)
        }
        #expect(server.requestLog.first?.request.header("If-None-Match") == nil)
    }

    @Test func unexpected304WithoutValidatorsIsAnError() async throws {
        let server = try LoopbackServer { _ in .notModified() }
        defer { server.stop() }
        await withClient { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .http(status: 304))
        }
    }
}
