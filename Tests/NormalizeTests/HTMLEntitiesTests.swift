import Testing
@testable import Normalize

/// Character references left in text escaped twice are decoded once; named ones come from
/// libxml2's HTML entity table.
@Suite("HTML entities")
struct HTMLEntitiesTests {
    @Test func referencesAreDecodedOnce() {
        #expect(HTMLEntities.decode("Here&#8217;s &quot;why&quot; &ndash; Caf&eacute; &#x2014; &amp;amp;") == "Here’s \"why\" – Café — &amp;")
        // Not references: no semicolon, an unknown name, a zero code point, a lone ampersand.
        #expect(HTMLEntities.decode("AT&T & Co &nosuch; &#0; R&D&") == "AT&T & Co &nosuch; &#0; R&D&")
        #expect(HTMLEntities.character(named: "Eacute") == "É")
        #expect(HTMLEntities.character(named: "eacute") == "é")
    }

    /// A title, description and author name escaped twice by the CMS read as text; markup left
    /// in the description goes.
    @Test func metadataEscapedTwiceReadsAsText() {
        let html = """
            <html><head><title>x</title>
            <meta property="og:title" content="Here&amp;#8217;s why the bridge &amp;ndash; finally &amp;quot;opens&amp;quot;">
            <meta name="description" content="&lt;p&gt;The council&amp;#039;s vote.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;Next&lt;/strong&gt; week&lt;/p&gt;">
            <meta name="author" content="Fran&amp;ccedil;ois L&amp;#xE9;ger">
            </head><body><article><h1>Here’s why</h1>\(ArticleBodyRecallTests.paragraphs)</article></body></html>
            """
        let article = ArticleFixtureLoader.extract(html: html)
        #expect(article.title == "Here’s why the bridge – finally \"opens\"")
        #expect(article.description == "The council's vote. Next week")
        #expect(article.authors == ["François Léger"])
    }
}
