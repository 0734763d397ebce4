import Fetch
import Foundation
import LoopbackServer
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RobotsTests {
    private static let robots = """
        # Copydesk test site
        User-agent: *
        Disallow: /private/
        Allow: /private/press-releases/

        User-agent: OtherBot
        Disallow: /

        Sitemap: /sitemap.xml
        Sitemap: https://cdn.example.org/news-sitemap.xml
        """

    private func site(robots: String) -> LoopbackSite {
        LoopbackSite(pages: [
            "/robots.txt": LoopbackPage(contentType: "text/plain", robots),
            "/news/a": LoopbackPage(newsArticle),
            "/private/memo": LoopbackPage("<p>internal</p>"),
            "/private/press-releases/1": LoopbackPage("<p>release</p>"),
        ])
    }

    @Test(arguments: [(5, false), (6, true)])
    func robotsBehindRedirectsAreFollowedFiveHops(hops: Int, allowed: Bool) async throws {
        let site = self.site(robots: "User-agent: *\nDisallow: /private/\n")
        // /robots.txt → /r1 → … → /r<hops> → the file.
        site.route("/robots.txt") { _ in .redirect(to: "/r1") }
        for hop in 1..<hops { site.route("/r\(hop)") { _ in .redirect(to: "/r\(hop + 1)") } }
        site.set("/r\(hops)", LoopbackPage(contentType: "text/plain", "User-agent: *\nDisallow: /private/\n"))
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = true }) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/private/memo")))
            // Five redirects reach the file; a sixth makes it unavailable, which allows everything.
            #expect((error == nil) == allowed)
            if !allowed { #expect(error?.errorClass == "robots_disallowed") }
        }
    }

    @Test func disallowedPathsAreRefusedWithoutARequest() async throws {
        let server = try LoopbackServer(site: site(robots: Self.robots))
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = true }) { client in
            let error = await fetchError(client, FetchRequest(url: server.url("/private/memo")))
            #expect(error == .robotsDisallowed(server.url("/private/memo")))
            let allowed = try await client.fetch(FetchRequest(url: server.url("/private/press-releases/1")))
            #expect(allowed.status == 200)
            let news = try await client.fetch(FetchRequest(url: server.url("/news/a")))
            #expect(news.status == 200)
        }
        // robots.txt once (cached), then the two allowed pages; the memo never.
        #expect(server.requestLog.map(\.path) == ["/robots.txt", "/private/press-releases/1", "/news/a"])
    }

    @Test func robotsAreIgnoredWhenSwitchedOff() async throws {
        let server = try LoopbackServer(site: site(robots: "User-agent: *\nDisallow: /\n"))
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = false }) { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/news/a")))
            #expect(fetched.status == 200)
        }
        #expect(server.requestLog.map(\.path) == ["/news/a"])
    }

    @Test func groupForOurAgentWinsOverTheWildcard() async throws {
        let robots = "User-agent: *\nDisallow: /\n\nUser-agent: copydesktest\nDisallow: /private/\n"
        let server = try LoopbackServer(site: site(robots: robots))
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = true }) { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/news/a")))
            #expect(fetched.status == 200)
            #expect(await fetchError(client, FetchRequest(url: server.url("/private/memo")))?.errorClass == "robots_disallowed")
        }
    }

    @Test func crawlDelayLargerThanTheConfiguredDelayIsHonoured() async throws {
        let server = try LoopbackServer(site: site(robots: "User-agent: *\nCrawl-delay: 0.3\n"))
        defer { server.stop() }
        let configuration = testConfiguration {
            $0.respectRobotsTxt = true
            $0.perHostDelay = .milliseconds(10)
        }
        try await withClient(configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/news/a"))) }
                }
                try await group.waitForAll()
            }
        }
        let pages = server.requests(for: "/news/a")
        #expect(pages.count == 3)
        // Two Crawl-delay gaps of 300 ms: the first-to-last span is at least ~600 ms whatever the
        // delivery jitter of single arrivals; the configured 10 ms would give ~20 ms.
        #expect(try #require(pages.arrivalSpan) >= .milliseconds(400))
    }

    @Test func missingRobotsMeansEverythingIsAllowed() async throws {
        let server = try LoopbackServer(site: LoopbackSite(pages: ["/news/a": LoopbackPage(newsArticle)]))
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = true }) { client in
            let fetched = try await client.fetch(FetchRequest(url: server.url("/news/a")))
            #expect(fetched.status == 200)
        }
    }

    @Test func unreachableRobotsMeansEverythingIsDisallowed() async throws {
        let server = try LoopbackServer(handler: LoopbackHandlers.router([
            "/robots.txt": { _ in .status(503) },
            "/news/a": { _ in .ok(newsArticle) },
        ]))
        defer { server.stop() }
        await withClient(testConfiguration { $0.respectRobotsTxt = true; $0.maxAttempts = 1 }) { client in
            #expect(await fetchError(client, FetchRequest(url: server.url("/news/a")))?.errorClass == "robots_disallowed")
        }
        #expect(server.requestLog.map(\.path) == ["/robots.txt"])
    }

    @Test func sitemapLinesAreExposed() async throws {
        let server = try LoopbackServer(site: site(robots: Self.robots))
        defer { server.stop() }
        try await withClient { client in
            let rules = try #require(await client.robots(for: server.url("/news/a")))
            #expect(rules.sitemaps == [server.url("/sitemap.xml"), URL(string: "https://cdn.example.org/news-sitemap.xml")!])
        }
    }

    @Test func concurrentFetchesShareOneRobotsRequest() async throws {
        let server = try LoopbackServer(site: site(robots: Self.robots))
        defer { server.stop() }
        try await withClient(testConfiguration { $0.respectRobotsTxt = true }) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask { _ = try await client.fetch(FetchRequest(url: server.url("/news/a"))) }
                }
                try await group.waitForAll()
            }
        }
        #expect(server.requests(for: "/robots.txt").count == 1)
    }
}
