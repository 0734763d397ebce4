import Testing
@testable import Normalize

/// The classic blog theme closes a post with a `postmetadata` paragraph (when it was posted,
/// where it was filed, how to follow the replies): metadata, not text. Hand-written page.
@Suite("Article post metadata")
struct ArticlePostMetadataTests {
    static let footnote = "This entry was posted on Wednesday, the fourth of May, and is filed under Transport. You can follow any responses to this entry through the feed."

    @Test func postMetadataParagraphIsLeftOut() {
        let body = ArticleFixtureLoader.prose.map { "<p>\($0)</p>" }.joined()
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Night buses</title></head><body>
            <div class="post"><h2>Night buses</h2><div class="entry">\(body)
            <p class="postmetadata alt">\(Self.footnote)</p></div></div></body></html>
            """
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(ArticleFixtureLoader.prose[2]))
        #expect(!lines.contains(Self.footnote))
    }
}
