import Foundation
import LoopbackServer

/// Renders a ``NewsCorpus`` article as a full news page: the same furniture as
/// `NewsCorpus.page` (cookie banner, navigation, ad slot, byline, share bar, figure caption,
/// newsletter box, related stories, comments, footer, inline state script) built with byte
/// appends instead of Foundation string replacement, which on Linux cost about 1.5 ms per page
/// and would have taken the CPU the crawler under test needs. Sizes come from ``PagePadding``.
struct ArticlePage: Sendable {
    let padding: PagePadding

    private static let sections = ["World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Video"]
    private static let comments = [
        "This is the third time this year they have promised the same thing.",
        "Does anyone know whether the ferry timetable changes as well?",
        "Good to see the council finally listening to residents.",
        "The figures in the fourth paragraph do not add up, as usual.",
        "My neighbours were affected last winter and nobody came for weeks.",
        "Who is going to pay for all of this in the end?",
        "Excellent reporting, thank you for following this story.",
        "I was at the meeting and it was far more heated than this suggests.",
    ]

    /// The page of `article` on `origin`, with `relatedTitles` (other headlines of the outlet)
    /// in its related-stories box.
    func render(_ article: NewsCorpus.Article, outlet: String, origin: String, relatedTitles: [String]) -> Data {
        var html: [UInt8] = []
        html.reserveCapacity(padding.sizes.upperBound + 1024)
        func add(_ text: String) { html.append(contentsOf: text.utf8) }
        func escaped(_ text: String) { Self.appendEscaped(text, to: &html) }
        let iso = Self.iso8601(article.published)
        add("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        escaped(article.title); add(" | "); escaped(outlet); add("</title>\n<link rel=\"canonical\" href=\"")
        add(origin); add(article.path); add("\">\n<meta property=\"og:title\" content=\""); escaped(article.title)
        add("\"><meta property=\"og:site_name\" content=\""); escaped(outlet)
        add("\">\n<meta property=\"article:published_time\" content=\"\(iso)\">\n")
        add("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"")
        escaped(article.title)
        add("\",\"datePublished\":\"\(iso)\",\"author\":{\"@type\":\"Person\",\"name\":\"Staff Reporter\"}}</script>\n")
        add("<style>.nav{display:flex}.ad{min-height:250px}.cookie{position:fixed;bottom:0}</style>\n</head><body>\n")
        add("<div class=\"cookie\" id=\"cookie-notice\"><p>We use cookies to improve your experience and show you personalised advertising. Accept all cookies?</p><button>Accept</button></div>\n")
        add("<header><a href=\"/\">"); escaped(outlet); add("</a><nav class=\"nav\"><ul>")
        for section in Self.sections { add("<li><a href=\"/\(section.lowercased())/\">\(section)</a></li>") }
        add("</ul></nav></header>\n<div class=\"ad\">Advertisement</div>\n<main><article><h1>")
        escaped(article.title)
        add("</h1>\n<p class=\"byline\">By Staff Reporter, <time datetime=\"\(iso)\">\(iso)</time></p>\n")
        add("<div class=\"share\">Share on Facebook Share on X Copy link</div>\n")
        add("<figure><img src=\"/img/\(article.index).jpg\" alt=\"\"><figcaption>Image: a file photo from the scene.</figcaption></figure>\n")
        add("<div class=\"article-body\">\n")
        for (number, paragraph) in article.paragraphs.enumerated() {
            add("<p>"); escaped(paragraph); add("</p>\n")
            if number == 2 {
                add("<aside class=\"newsletter\"><h3>Sign up for our daily briefing</h3><p>Get the news you need in your inbox every morning.</p></aside>\n")
            }
        }
        add("</div><section class=\"related\"><h2>Related stories</h2><ul>")
        for k in 1...4 where !relatedTitles.isEmpty {
            let other = (article.index + k) % relatedTitles.count
            add("<li><a href=\"/news/related-\(other)\">"); escaped(relatedTitles[other]); add("</a></li>")
        }
        add("</ul></section></article><section class=\"comments\" id=\"comments\"><h2>Comments</h2>")
        for k in 0..<3 {
            add("<div class=\"comment\"><p>\(Self.comments[(article.index &* 3 &+ k) % Self.comments.count])</p></div>")
        }
        add("</section></main><footer><p>© 2026 "); escaped(outlet)
        add(". All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>\n")
        padding.pad(&html, outlet: article.outlet, index: article.index)
        add("</body></html>\n")
        return Data(html)
    }

    /// Appends `text` with `& < > "` escaped; the common case (none present) is one copy.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// `2026-11-25T09:36:40Z` without a formatter (creating one per page is costly).
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
