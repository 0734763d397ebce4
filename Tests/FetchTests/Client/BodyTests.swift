import Fetch
import Foundation
import LoopbackServer
import Testing

/// Compression, body limits and broken framing.
@Suite(.timeLimit(.minutes(1)))
struct BodyTests {
    @Test(arguments: [LoopbackContentEncoding.gzip, .br, .deflate])
    func compressedBodiesArriveDecoded(encoding: LoopbackContentEncoding) async throws {
        let server = try LoopbackServer { _ in .ok(newsArticle).encoded(encoding) }
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(response.headers["Content-Encoding"] == encoding.rawValue)
            #expect(String(decoding: response.body, as: UTF8.self) == newsArticle)
        }
        let offered = server.requestLog.first?.request.header("Accept-Encoding") ?? ""
        for coding in ["gzip", "deflate", "br", "zstd"] { #expect(offered.contains(coding)) }
    }

    @Test func gzipBombIsCutOffAtTheDecompressedLimit() async throws {
        // About 25 KB on the wire, 4 MB inflated: well under the limit compressed, far over it decoded.
        let server = try LoopbackServer { _ in .gzipBomb(decompressedBytes: 4_000_000) }
        defer { server.stop() }
        // Timeouts far above what the transfer needs, so that on a loaded machine (or under
        // ThreadSanitizer) no attempt ends by a timeout, which would be retried: the count below
        // must show that the size limit alone is not retried.
        let configuration = testConfiguration {
            $0.maxBodyBytes = 256 * 1024
            $0.timeout = .seconds(120)
            $0.connectTimeout = .seconds(60)
            $0.stallTimeout = .seconds(60)
        }
        await withClient(configuration) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/bomb")))
            #expect(error == .tooLarge(limit: 256 * 1024))
        }
        #expect(server.requestLog.count == 1)  // not retried
    }

    @Test func oversizedPlainBodyIsRefusedAndOneAtTheLimitIsNot() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.router([
            "/big": { _ in .ok(String(repeating: "a", count: 10_001)) },
            "/fits": { _ in .ok(String(repeating: "a", count: 10_000)) },
        ]))
        defer { server.stop() }
        let configuration = testConfiguration { $0.maxBodyBytes = 10_000 }
        try await withClient(configuration) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/big"))) == .tooLarge(limit: 10_000))
            let fetched = try await client.fetch(FetchRequest(url: server.url("/fits")))
            #expect(fetched.body.count == 10_000)
        }
    }

    @Test func truncatedBodyIsReportedAsTruncated() async throws {
        let server = try LoopbackServer { _ in .truncated(newsArticle, sentBytes: 100) }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxAttempts = 1 }) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/a"))) == .truncated)
        }
    }

    @Test func connectionResetIsReportedAndRetried() async throws {
        let server = try LoopbackServer { _ in .reset(afterBytes: 40) }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxAttempts = 2 }) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/a")))
            #expect(error?.errorClass == "connection_lost")
        }
        #expect(server.requestLog.count == 2)
    }

    @Test func brokenChunkedEncodingIsAProtocolError() async throws {
        let server = try LoopbackServer { _ in .brokenChunked() }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxAttempts = 1 }) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/a")))
            #expect(error?.errorClass == "protocol")
        }
    }

    @Test func garbageInsteadOfHTTPIsAProtocolError() async throws {
        let server = try LoopbackServer { _ in .raw("SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n") }
        defer { server.stop() }
        await withClient(testConfiguration { $0.maxAttempts = 1 }) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/a")))
            #expect(error?.errorClass == "protocol")
        }
    }

    @Test func chunkedBodiesAreReassembled() async throws {
        let server = try LoopbackServer { _ in .ok(newsArticle).chunked(chunkSize: 37) }
        defer { server.stop() }
        try await withClient { client in
            let response = try await client.fetch(FetchRequest(url: server.url("/a")))
            #expect(String(decoding: response.body, as: UTF8.self) == newsArticle)
        }
    }
}
