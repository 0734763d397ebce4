import Testing
@testable import Normalize

/// A crumb trail (`entry-crumbs`, `crumb-container`) inside the article's wrapper is
/// navigation, whatever the theme calls it short of `breadcrumb`. Hand-written page.
@Suite("Article crumb trail")
struct ArticleCrumbTrailTests {
    static let title = "Night buses extended to the eastern suburbs"

    static func page(crumbClass: String) -> String {
        let body = ArticleFixtureLoader.prose.map { "<p>\($0)</p>" }.joined()
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head><body>
            <article class="post"><div class="\(crumbClass)"><span><a href="/">Home</a></span>
            <span><a href="/transport">Transport</a></span> <span>\(title)</span></div>
            \(body)</article></body></html>
            """
    }

    @Test func crumbTrailIsLeftOut() {
        let lines = ArticleFixtureLoader.extract(html: Self.page(crumbClass: "entry-crumbs")).bodyLines
        #expect(lines.contains(ArticleFixtureLoader.prose[0]))
        #expect(!lines.contains { $0.contains("Home") })
    }

    /// Whole tokens only: a recipe's `apple-crumble` box is not a crumb trail.
    @Test func crumbleIsNotACrumbTrail() {
        #expect(ClassHints.isFurniture(Array("entry-crumbs".utf8)[...]))
        #expect(ClassHints.isFurniture(Array("td-crumb-container".utf8)[...]))
        #expect(!ClassHints.isFurniture(Array("apple-crumble".utf8)[...]))
    }
}
