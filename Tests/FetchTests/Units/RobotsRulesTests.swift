@testable import Fetch
import Foundation
import Testing

@Suite struct RobotsRulesTests {
    private func rules(_ text: String, agent: String = "Copydesk/0.1 (+https://example.org)") -> RobotsRules {
        RobotsRules(parsing: text, userAgent: agent, baseURL: URL(string: "https://news.example/")!)
    }

    @Test func longestMatchWinsAndAllowWinsTies() {
        let r = rules("User-agent: *\nDisallow: /news/\nAllow: /news/public\nDisallow: /a\nAllow: /a\n")
        #expect(!r.isAllowed("/news/internal"))
        #expect(r.isAllowed("/news/public/1"))
        #expect(r.isAllowed("/a"))
        #expect(r.isAllowed("/weather"))
    }

    @Test func pathsAndPatternsAreComparedPercentEncodedAsRFC9309Asks() {
        let r = rules("User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /a%7eb\nDisallow: /c%2Fd\nDisallow: /e%3cf\n")
        // A non-ASCII pattern matches its percent-encoded request path, in either hex case.
        #expect(!r.isAllowed("/foo/bar/%E3%83%84"))
        #expect(!r.isAllowed("/foo/bar/%e3%83%84"))
        // An encoded unreserved character equals the character itself.
        #expect(!r.isAllowed("/a~b"))
        #expect(!r.isAllowed("/a%7Eb"))
        // A reserved character stays encoded: `%2F` is not `/`.
        #expect(r.isAllowed("/c/d"))
        #expect(!r.isAllowed("/c%2fd"))
        #expect(!r.isAllowed("/e%3Cf"))
        #expect(RobotsPath.normalize("/x%41%2f%e2%82%AC€") == "/xA%2F%E2%82%AC%E2%82%AC")
    }

    @Test func wildcardsAndEndAnchors() {
        let r = rules("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /drafts*/edit\n")
        #expect(!r.isAllowed("/files/report.pdf"))
        #expect(r.isAllowed("/files/report.pdf.html"))
        #expect(!r.isAllowed("/story?print=1"))
        #expect(r.isAllowed("/story?id=3&print=1"))  // "&print=" is not "?print="
        #expect(r.isAllowed("/story?id=3"))
        #expect(!r.isAllowed("/drafts-2026/edit"))
    }

    @Test func ourGroupIsChosenByProductTokenCaseInsensitively() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: copydesk\nUser-agent: otherbot\nDisallow: /private\nCrawl-delay: 2.5\n"
        let ours = rules(text)
        #expect(ours.isAllowed("/news"))
        #expect(!ours.isAllowed("/private/x"))
        #expect(ours.crawlDelay == .milliseconds(2500))
        #expect(!rules(text, agent: "SomeoneElse/1.0").isAllowed("/news"))
    }

    @Test func groupsForOurAgentAreMergedWhereverTheyStand() {
        // RFC 9309 2.2.1: several groups naming the same product token are combined.
        let text = "User-agent: copydesk\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUSER-AGENT: CopyDesk\nDisallow: /b\n"
        let r = rules(text)
        #expect(!r.isAllowed("/a/1"))
        #expect(!r.isAllowed("/b/1"))
        #expect(r.isAllowed("/c"))
    }

    @Test func onlyTheFirst512KiBAreParsed() {
        // RFC 9309 2.5: a parser must read at least 500 KiB; what lies beyond our limit is
        // ignored, so a huge file cannot cost unbounded memory or time.
        let padding = String(repeating: "# filler line for a large robots.txt file\n", count: 600 * 1024 / 43)
        let r = rules("User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n")
        #expect(!r.isAllowed("/early"))
        #expect(r.isAllowed("/late"))
    }

    @Test func commentsBlankLinesAndUnknownKeysAreIgnored() {
        let r = rules("# hello\nUser-agent: * # everyone\n\nNoindex: /x\nDisallow: /tmp # scratch\n")
        #expect(!r.isAllowed("/tmp/file"))
        #expect(r.isAllowed("/x"))
    }

    @Test func emptyDisallowAllowsEverythingAndRobotsTxtIsAlwaysAllowed() {
        #expect(rules("User-agent: *\nDisallow:\n").isAllowed("/anything"))
        #expect(RobotsRules.disallowAll.isAllowed("/robots.txt"))
        #expect(!RobotsRules.disallowAll.isAllowed("/"))
    }

    @Test func sitemapsResolveAndCollectFromAnywhere() {
        let r = rules("Sitemap: /sitemap.xml\nUser-agent: *\nDisallow:\nSitemap: https://cdn.example/news.xml\n")
        #expect(r.sitemaps.map(\.absoluteString) == ["https://news.example/sitemap.xml", "https://cdn.example/news.xml"])
    }

    @Test func hostileInputDoesNotCrash() {
        let junk = String(repeating: "User-agent: *\nDisallow: /*/*/*/*/*/*/*/*/*/*/*/*/*/*x\n", count: 50) + "Crawl-delay: -5\nCrawl-delay: nan\n\u{0}\u{FFFF}"
        let r = rules(junk)
        #expect(r.crawlDelay == nil)
        #expect(r.isAllowed(String(repeating: "/a", count: 2000)))
    }
}
