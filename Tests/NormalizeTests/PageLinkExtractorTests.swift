import Foundation
import Normalize
import Testing

@Suite struct PageLinkExtractorTests {
    let pageURL = URL(string: "https://www.harbourview-gazette.example/local/")!

    @Test func heuristicPicksArticlesInPageOrder() throws {
        let links = try PageLinkExtractor.articleLinks(html: try FeedFixtures.data("pages/section.html"), baseURL: pageURL, pattern: nil)
        #expect(
            links.map(\.absoluteString) == [
                "https://www.harbourview-gazette.example/local/2024/03/15/council-approves-harbour-wall-repairs/",
                "https://www.harbourview-gazette.example/local/2024/03/14/bayside-primary-inspection/?utm_source=homepage&utm_medium=web",
                "https://www.harbourview-gazette.example/local/ferry-timetable-changes-for-easter-weekend",
                "https://www.harbourview-gazette.example/local/lifeboat-crew-out-twice-123456",
                "https://www.harbourview-gazette.example/story.php?id=99120",
                "https://video.harbourview-gazette.example/watch/2024/03/15/harbour-wall-drone-footage",
                "https://www.harbourview-gazette.example/sport/2024/03/13/harbourview-fc-win-cup-semi-final/",
            ])
    }

    @Test func patternSelectsByPathOnTheSameSite() throws {
        let links = try PageLinkExtractor.articleLinks(
            html: try FeedFixtures.data("pages/section.html"), baseURL: pageURL, pattern: #"^/local/\d{4}/\d{2}/\d{2}/"#)
        #expect(links.map(\.lastPathComponent) == ["council-approves-harbour-wall-repairs", "bayside-primary-inspection"])
    }

    @Test func baseHrefIsHonoured() throws {
        let html = #"<html><head><base href="https://www.site.example/news/"></head><body><a href="2024/05/01/budget-vote-delayed-again">x</a></body></html>"#
        let links = try PageLinkExtractor.articleLinks(html: Data(html.utf8), baseURL: URL(string: "https://www.site.example/")!, pattern: nil)
        #expect(links.map(\.absoluteString) == ["https://www.site.example/news/2024/05/01/budget-vote-delayed-again"])
    }

    @Test func invalidPatternIsAnError() {
        #expect(throws: PageLinkError.invalidPattern("(unclosed")) {
            try PageLinkExtractor.articleLinks(html: Data("<a href='/x'>x</a>".utf8), baseURL: pageURL, pattern: "(unclosed")
        }
    }

    @Test(arguments: [
        ("https://n.example/2024/03/15/short", true),
        ("https://n.example/news/20240315-short", true),
        ("https://n.example/world/a-long-slug-about-the-news-of-today", true),
        ("https://n.example/politics/article/88123", true),
        ("https://n.example/index.php?p=4411", true),
        ("https://n.example/", false),
        ("https://n.example/politics/", false),
        ("https://n.example/tag/a-long-slug-about-the-news-of-today", false),
        ("https://n.example/author/jane-doe-the-senior-reporter", false),
        ("https://n.example/2024/03/15/photo.jpg", false),
        ("https://n.example/login?next=/2024/03/15/x", false),
        ("https://other.example/2024/03/15/story", false),
    ])
    func heuristic(_ link: String, _ expected: Bool) {
        #expect(ArticleURLHeuristic.looksLikeArticle(URL(string: link)!, onPage: URL(string: "https://www.n.example/section")!) == expected)
    }
}

@Suite struct DiscoveryTests {
    @Test func alternateLinksInOrder() throws {
        let feeds = FeedDiscovery.feeds(
            inHTML: try FeedFixtures.data("pages/home-with-feeds.html"), baseURL: URL(string: "https://northwind-times.example/")!)
        #expect(
            feeds.map(\.url.absoluteString) == [
                "https://www.northwind-times.example/feed/",
                "https://www.northwind-times.example/comments/feed/",
                "https://tech.northwind-times.example/tech/atom.xml",
                "https://www.northwind-times.example/feed.json",
                "https://www.northwind-times.example/rss/legacy.xml",
            ])
        #expect(feeds.map(\.kind) == [.rss, .rss, .atom, .json, .rss])
        #expect(feeds[0].title == "Northwind Times » Feed")
    }

    @Test func sectionPageFeed() throws {
        let feeds = FeedDiscovery.feeds(
            inHTML: try FeedFixtures.data("pages/section.html"), baseURL: URL(string: "https://www.harbourview-gazette.example/local/")!)
        #expect(feeds == [DiscoveredFeed(url: URL(string: "https://www.harbourview-gazette.example/local/feed/")!, kind: .rss, title: "Local news (RSS)")])
    }

    @Test func probeLocations() {
        let probes = FeedDiscovery.probeURLs(for: URL(string: "https://www.site.example/some/page")!)
        #expect(probes.feeds.contains(URL(string: "https://www.site.example/feed")!))
        #expect(probes.sitemaps.first == URL(string: "https://www.site.example/sitemap.xml")!)
    }
}
