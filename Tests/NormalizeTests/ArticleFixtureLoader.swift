import Foundation
@testable import Normalize

/// Loads the hand-written pages in `Fixtures/articles` and runs the extractor on them.
enum ArticleFixtureLoader {
    static func data(_ name: String) throws -> Data {
        guard let base = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: base.appendingPathComponent("Fixtures/articles/\(name).html"))
    }

    static func extract(_ name: String, url: String? = nil, contentType: String? = nil,
                        contentLanguage: String? = nil) throws -> ExtractedArticle {
        let input = ArticleInput(html: try data(name), url: url.flatMap(URL.init(string:)),
                                 contentType: contentType, contentLanguage: contentLanguage)
        return ArticleExtractor().extract(input)
    }

    static func extract(html: String, url: String? = nil, contentType: String? = nil) -> ExtractedArticle {
        ArticleExtractor().extract(ArticleInput(html: Data(html.utf8), url: url.flatMap(URL.init(string:)),
                                                contentType: contentType))
    }

    /// A page wrapping `body` paragraphs in an article, for tests that vary one element.
    static func page(paragraphs: [String], extra: String = "", head: String = "") -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Test page</title>\(head)</head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Test page</h1><div class="article-body">
            \(body)
            \(extra)
            </div></article>
            <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
            </body></html>
            """
    }

    /// Three ordinary news paragraphs.
    static let prose = [
        "The council voted on Tuesday to extend the night bus service to the eastern suburbs, a change that campaigners had sought for more than five years.",
        "Officials said the new routes would run every thirty minutes between midnight and five in the morning, starting in the first week of June.",
        "Residents who work late shifts at the hospital and the distribution centres are expected to benefit most, according to the transport committee.",
    ]
}
