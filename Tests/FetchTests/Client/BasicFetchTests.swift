import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BasicFetchTests {
    @Test func getReturnsStatusBodyAndResponseFacts() async throws {
        let server = try LoopbackServer { _ in
            LoopbackResponse.ok(newsArticle, contentType: "text/html; charset=ISO-8859-1")
                .adding(header: "Link", "</a>; rel=prev").adding(header: "link", "</c>; rel=next")
                .adding(header: "ETag", "\"v1\"").adding(header: "Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT")
        }
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a/bridge")))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == newsArticle)
            #expect(response.contentType == "text/html")
            #expect(response.charset == "iso-8859-1")
            #expect(response.headers.values(for: "LINK") == ["</a>; rel=prev", "</c>; rel=next"])
            #expect(response.validators == Validators(etag: "\"v1\"", lastModified: "Tue, 03 Nov 2026 10:00:00 GMT"))
            #expect(response.finalURL == server.url("/a/bridge"))
            #expect(response.redirectChain.isEmpty)
            #expect(response.attempts == 1)
            #expect(response.httpVersion == "1.1")
            #expect(response.timings.transfer > .zero)
            #expect(response.timings.total >= response.timings.transfer)
            #expect(!response.isNotModified)
        }
        let request = try #require(server.requestLog.first?.request)
        #expect(request.header("User-Agent") == "CopydeskTest/1.0")
    }

    @Test func headSendsHeadAndReturnsNoBody() async throws {
        let server = try LoopbackServer { _ in .ok(newsArticle) }
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a"), method: .head))
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["Content-Length"] == String(newsArticle.utf8.count))
        }
        #expect(server.requestLog.map(\.request.method) == ["HEAD"])
    }

    @Test func sequentialFetchesReuseOneConnection() async throws {
        let server = try LoopbackServer { _ in .ok(newsArticle) }
        defer { server.stop() }
        try await withClient { client in
            for index in 0..<5 {
                _ = try await client.fetch(FetchRequest(url: server.url("/a/\(index)")))
            }
        }
        #expect(server.requestLog.count == 5)
        #expect(server.connectionCount == 1)
    }

    @Test func extraHeadersAreSent() async throws {
        let server = try LoopbackServer { _ in .ok("ok") }
        defer { server.stop() }
        try await withClient { client in
            _ = try await client.fetch(FetchRequest(url: server.url("/"), headers: [("Accept", "application/rss+xml")]))
        }
        #expect(server.requestLog.first?.request.header("Accept") == "application/rss+xml")
    }

    @Test func nonHTTPSchemesAreRefused() async throws {
        await withClient { client in
            #expect(await fetchError(client, FetchRequest(url: URL(string: "ftp://127.0.0.1/file")!)) == .unsupportedScheme("ftp"))
            #expect(await fetchError(client, FetchRequest(url: URL(string: "file:///etc/passwd")!)) == .unsupportedScheme("file"))
        }
    }

    @Test func errorsReportTheirHTTPStatusWithoutRetryingOther4xx() async throws {
        let server = try LoopbackServer { _ in .status(404, body: "gone fishing") }
        defer { server.stop() }
        await withClient { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/missing")))
            #expect(error == .http(status: 404))
            #expect(error?.errorClass == "http_404")
        }
        #expect(server.requestLog.count == 1)
    }

    @Test func libcurlOffersEveryEncodingItCanDecode() {
        let encodings = Curl.supportedEncodings
        for expected in ["gzip", "deflate", "br", "zstd"] { #expect(encodings.contains(expected)) }
    }
}
