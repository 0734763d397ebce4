import Testing
@testable import Normalize

/// Blog engines list a post's categories as classes on its wrapper (`category-newsletter`);
/// a site's own category names must not make the article look like furniture. Hand-written
/// pages: a post filed under a category named like furniture, above a long comment thread.
@Suite("Article term classes")
struct ArticleTermClassTests {
    static let comments = [
        "I baked this on Sunday for my neighbours and it was gone within the hour, thank you so much for sharing the recipe with all of us.",
        "Could I use a smaller tin for this, and would the baking time change much if I did? I only have a loaf tin at home at the moment.",
        "Mine came out a little dry at the edges, so next time I will take it out of the oven five minutes earlier and cover it with foil.",
        "We made it twice this month already, once with lemons and once with oranges, and both versions were eaten before the evening.",
        "My daughter asked for it for her birthday instead of the usual chocolate cake, which says a lot about how good it is, honestly.",
    ]

    static func page(articleClass: String) -> String {
        let body = ArticleFixtureLoader.prose.map { "<p>\($0)</p>" }.joined()
        let thread = comments.map { "<div class=\"comment-body\"><p>\($0)</p></div>" }.joined()
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Night buses</title></head><body>
            <main class="site"><article class="\(articleClass)"><h1>Night buses</h1>
            <div class="entry-content">\(body)</div></article>
            <div id="comments" class="comments-area">\(thread)</div></main></body></html>
            """
    }

    /// The post's wrapper names a category `newsletter-archive`: it is still the article.
    @Test func categoryClassNamedLikeFurnitureKeepsThePost() {
        let html = Self.page(articleClass: "post type-post status-publish category-newsletter-archive entry")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(ArticleFixtureLoader.prose[0]))
        #expect(lines.contains(ArticleFixtureLoader.prose[2]))
        #expect(!lines.contains(Self.comments[0]))
    }

    /// Only category classes are set aside: a wrapper named furniture outright still goes.
    @Test func furnitureClassStillRemoves() {
        let html = Self.page(articleClass: "post newsletter-signup")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(!lines.contains(ArticleFixtureLoader.prose[0]))
    }

    @Test func termClassesAreDroppedFromTheHint() {
        let hint = Array("post category-social-media entry".utf8)[...]
        #expect(Array(ClassHints.withoutTermClasses(hint)) == Array("post entry".utf8))
        let plain = Array("post entry".utf8)[...]
        #expect(Array(ClassHints.withoutTermClasses(plain)) == Array(plain))
    }
}
