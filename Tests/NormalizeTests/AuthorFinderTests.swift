import Foundation
import Testing
@testable import Normalize

/// Which author signal of a page wins: JSON-LD persons, then meta tags, then bylines.
@Suite("Author finding")
struct AuthorFinderTests {
    static func authors(head: String = "", body: String = "", url: String? = nil) -> [String] {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Night buses return | Metro Daily</title>
            <meta property="og:site_name" content="Metro Daily">\(head)</head>
            <body><nav><a href="/">Home</a></nav><article><h1>Night buses return</h1>\(body)
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></article>
            <footer><p>Copyright notice for the test site.</p></footer></body></html>
            """
        return ArticleFixtureLoader.extract(html: html, url: url).authors
    }

    static func jsonLD(_ json: String) -> String {
        "<script type=\"application/ld+json\">\(json)</script>"
    }

    @Test func jsonLDPersonObject() {
        let head = Self.jsonLD(#"{"@type":"NewsArticle","author":{"@type":"Person","name":"Maria Okafor"}}"#)
        #expect(Self.authors(head: head) == ["Maria Okafor"])
    }

    @Test func jsonLDArrayOfPersonsAndStrings() {
        let head = Self.jsonLD(#"{"@type":"Article","author":[{"@type":"Person","name":"Maria Okafor"},"Tom Reilly"]}"#)
        #expect(Self.authors(head: head) == ["Maria Okafor", "Tom Reilly"])
    }

    /// Yoast-style graphs keep the Person apart and point at it by `@id`.
    @Test func jsonLDGraphReferenceIsResolved() {
        let head = Self.jsonLD("""
            {"@context":"https://schema.org","@graph":[
              {"@type":"Article","@id":"https://m.example/a#article","author":{"@id":"https://m.example/#/person/7"}},
              {"@type":"WebSite","@id":"https://m.example/#website","name":"Metro Daily"},
              {"@type":"Person","@id":"https://m.example/#/person/7","name":"Lena Vogt"}]}
            """)
        #expect(Self.authors(head: head) == ["Lena Vogt"])
    }

    /// A publisher declared as author is the site: the byline names the writer.
    @Test func publisherOrganizationGivesWayToTheByline() {
        let head = Self.jsonLD(#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"Metro Daily"}}"#)
        #expect(Self.authors(head: head, body: "<div class=\"byline\">By Dana Kerr</div>") == ["Dana Kerr"])
        #expect(Self.authors(head: head) == ["Metro Daily"])
    }

    /// An organization other than the publisher is a deliberate declaration.
    @Test func otherOrganizationIsKept() {
        let head = Self.jsonLD(#"{"@type":"NewsArticle","author":{"@type":"Organization","name":"Harbour Trust"}}"#)
        #expect(Self.authors(head: head, body: "<div class=\"byline\">By Dana Kerr</div>") == ["Harbour Trust"])
    }

    @Test func systemAccountInJSONLDGivesWayToTheByline() {
        let head = Self.jsonLD(#"{"@type":"BlogPosting","author":{"@type":"Person","name":"admin"}}"#)
        #expect(Self.authors(head: head, body: "<span class=\"entry-author\">Von Tobias Lang</span>") == ["Tobias Lang"])
    }

    /// Templates break their JSON-LD (an unescaped quote in the headline, raw HTML in the
    /// body); the block's author is still read.
    @Test func authorOfABrokenJSONLDBlock() {
        let quote = #"{"@type":"NewsArticle","headline":"Mayor says "no" to tram","author":{"@type":"Person","name":"Lea Stein"}}"#
        #expect(Self.authors(head: Self.jsonLD(quote)) == ["Lea Stein"])
        let array = #"{"@type":"NewsArticle","datePublished":"2024-05-02".,"author":[{"@type":"Person","name":"Lea Stein"},"Omar Haddad"]}"#
        #expect(Self.authors(head: Self.jsonLD(array)) == ["Lea Stein", "Omar Haddad"])
        let plain = #"{"@type":"BlogPosting","articleBody":"<p class="lead">Text</p>","author":"Priya Natarajan"}"#
        #expect(Self.authors(head: Self.jsonLD(#"{"headline":"A "b" c","author":{"@type":"Person","name":"Jos\u00e9 Ram\u00edrez"}}"#))
            == ["José Ramírez"])
        #expect(Self.authors(head: Self.jsonLD(plain)) == ["Priya Natarajan"])
        let graph = #"{"@graph":[{"@type":"Article","headline":"A "quoted" word","author":{"@id":"https://m.example/#/p/9"}},"#
            + #"{"@type":"Person","@id":"https://m.example/#/p/9","name":"Omar Haddad"}]}"#
        #expect(Self.authors(head: Self.jsonLD(graph)) == ["Omar Haddad"])
        // The publisher declared as author in a broken block gives way to the byline, as in a valid one.
        let publisher = #"{"@type":"NewsArticle","headline":"A "quoted" word","author":{"@type":"Organization","name":"Metro Daily"}}"#
        #expect(Self.authors(head: Self.jsonLD(publisher), body: "<div class=\"byline\">By Dana Kerr</div>") == ["Dana Kerr"])
        // Links a CMS left unescaped inside the name: the quotes of the markup are not the
        // string's end, which is the quote a comma, brace or bracket follows.
        let linked = #"{"@type":"NewsArticle","author":{"@type":"Person","name":"By <a href="/people/lea-stein">Lea Stein</a>, "#
            + #"Omar Haddad and <a href="/people/ina-holt">Ina Holt</a>"},"publisher":{"@type":"Organization","name":"Metro Daily"}}"#
        #expect(Self.authors(head: Self.jsonLD(linked)) == ["Lea Stein", "Omar Haddad", "Ina Holt"])
        let linkedString = #"{"@type":"NewsArticle","author":"<a href="/people/tom-reilly">Tom Reilly</a>","headline":"x"}"#
        #expect(Self.authors(head: Self.jsonLD(linkedString)) == ["Tom Reilly"])
        // A valid block's author wins over a broken one's.
        #expect(Self.authors(head: Self.jsonLD(quote) + Self.jsonLD(#"{"@type":"NewsArticle","author":"Tom Reilly"}"#)) == ["Tom Reilly"])
    }

    @Test func jsonLDNameShapes() {
        let parts = #"{"@type":"Article","author":{"@type":"Person","givenName":"Maria","additionalName":"Adaeze","familyName":"Okafor"}}"#
        #expect(Self.authors(head: Self.jsonLD(parts)) == ["Maria Adaeze Okafor"])
        let nested = #"{"@type":"Article","author":{"@type":"Person","name":{"@type":"Person","name":"Maria Okafor"}}}"#
        #expect(Self.authors(head: Self.jsonLD(nested)) == ["Maria Okafor"])
        let list = #"{"@type":"Article","author":{"@type":"Person","name":["Maria Okafor","Tom Reilly"]}}"#
        #expect(Self.authors(head: Self.jsonLD(list)) == ["Maria Okafor", "Tom Reilly"])
        let markup = #"{"@type":"Article","author":{"@type":"Person","name":["\u003Ca href=\u0022/p/mo\u0022\u003EMaria Okafor\u003C/a\u003E","\u003Ca href=\u0022/p/tr\u0022\u003ETom Reilly\u003C/a\u003E"]}}"#
        #expect(Self.authors(head: Self.jsonLD(markup)) == ["Maria Okafor", "Tom Reilly"])
    }

    /// A page that names each author in a tag of its own.
    @Test func repeatedAuthorMetaTagsGiveEveryName() {
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Priya Natarajan\"><meta name=\"author\" content=\"Omar Haddad\">")
            == ["Priya Natarajan", "Omar Haddad"])
        #expect(Self.authors(head: "<meta name=\"citation_author\" content=\"Haddad, Omar\">"
            + "<meta name=\"citation_author\" content=\"Stein, Lea\">") == ["Haddad, Omar", "Stein, Lea"])
        #expect(Self.authors(head: "<meta property=\"author\" content=\"Priya Natarajan\"><meta property=\"author\" content=\"Priya Natarajan\">")
            == ["Priya Natarajan"])
        // The site's legal owner among them gives way to the people.
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Metro Media GmbH\"><meta name=\"author\" content=\"Omar Haddad\">")
            == ["Omar Haddad"])
    }

    /// A CMS that leaves its byline markup, escaped, in the meta value.
    @Test func markupInsideAMetaAuthorIsRemoved() {
        let value = "By &lt;a href=&quot;/profiles/lea-stein&quot;&gt;Lea Stein&lt;/a&gt;, Omar Haddad and "
            + "&lt;a href=&quot;/profiles/priya&quot;&gt;Priya Natarajan&lt;/a&gt;"
        #expect(Self.authors(head: "<meta property=\"og:author\" content=\"\(value)\">") == ["Lea Stein", "Omar Haddad", "Priya Natarajan"])
        #expect(AuthorText.withoutMarkup("Ann <b>Lee</b>") == "Ann Lee")
        #expect(AuthorText.withoutMarkup("Ann<br>Lee") == "Ann Lee")
        #expect(AuthorText.withoutMarkup("Ann < Lee") == "Ann < Lee")
        #expect(AuthorText.withoutMarkup("<p><strong>One.</strong></p><p>Two</p>") == "One. Two")
    }

    @Test func metaAuthorAndItsKin() {
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Priya Natarajan\">") == ["Priya Natarajan"])
        #expect(Self.authors(head: "<meta name=\"parsely-author\" content=\"Omar Haddad\">") == ["Omar Haddad"])
        #expect(Self.authors(head: "<meta name=\"dc.creator\" content=\"Omar Haddad\">") == ["Omar Haddad"])
        #expect(Self.authors(head: "<meta name=\"citation_author\" content=\"Haddad, Omar\">") == ["Haddad, Omar"])
        #expect(Self.authors(head: "<meta name=\"authors\" content=\"Omar Haddad, Lea Stein\">") == ["Omar Haddad", "Lea Stein"])
        #expect(Self.authors(head: "<meta name=\"cxenseparse:author\" content=\"Omar Haddad\">") == ["Omar Haddad"])
        #expect(Self.authors(head: "<meta name=\"twitter:label1\" content=\"Written by\">"
            + "<meta name=\"twitter:data1\" content=\"Omar Haddad\">") == ["Omar Haddad"])
        #expect(Self.authors(head: "<meta name=\"twitter:label1\" content=\"Est. reading time\">"
            + "<meta name=\"twitter:data1\" content=\"4 minutes\">").isEmpty)
        #expect(Self.authors(head: "<meta property=\"article:author\" content=\"https://facebook.com/someone\">"
            + "<meta name=\"byl\" content=\"By Omar Haddad\">") == ["Omar Haddad"])
    }

    /// A meta author that is the site's name is not a person; the byline is.
    @Test func metaAuthorThatIsTheSiteGivesWayToTheByline() {
        let head = "<meta name=\"author\" content=\"Metro Daily\">"
        #expect(Self.authors(head: head, body: "<p class=\"article-author\">Von Karl Weber</p>") == ["Karl Weber"])
        #expect(Self.authors(head: head) == ["Metro Daily"])
        let host = "<meta name=\"author\" content=\"metrodaily.example\">"
        #expect(Self.authors(head: host, body: "<p class=\"article-author\">Karl Weber</p>",
                             url: "https://www.metrodaily.example/news/1") == ["Karl Weber"])
    }

    /// A company's meta author with its seat ("… GmbH, Munich, Germany") is the site's owner, not
    /// three authors: the byline wins, and without one the company alone is kept.
    @Test func metaAuthorCompanyWithItsSeat() {
        let head = "<meta name=\"author\" content=\"Metro Verlag GmbH, Munich, Germany\">"
        #expect(Self.authors(head: head, body: "<p class=\"article-author\">Von Karl Weber</p>") == ["Karl Weber"])
        #expect(Self.authors(head: head) == ["Metro Verlag GmbH"])
        // A person listed before a company is still a person.
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Karl Weber, Metro Verlag GmbH\">").contains("Karl Weber"))
    }

    /// Forms (log-in, sign-up, comment boxes) hold labels, not bylines.
    @Test func formsHoldNoBylines() {
        let login = "<form action=\"/login\"><div class=\"session_username\"><label>Usuario</label><input name=\"u\"></div>"
            + "<div class=\"user-name\"><label>Correo electrónico</label></div></form>"
        #expect(Self.authors(body: login).isEmpty)
        #expect(Self.authors(body: login + "<div class=\"byline\">Por Lucía Ortega</div>") == ["Lucía Ortega"])
    }

    /// "correspondent" holds "respond" — a role, not a comment form.
    @Test func correspondentBlockIsNotACommentZone() {
        let body = "<div class=\"correspondent\"><a rel=\"author\" href=\"/by/ina\"><span class=\"name\">Ina Holt</span></a></div>"
        #expect(Self.authors(body: body) == ["Ina Holt"])
    }

    @Test func relAuthorLink() {
        #expect(Self.authors(body: "<p>Posted by <a rel=\"author\" href=\"/u/ines\">Ines Duarte</a></p>") == ["Ines Duarte"])
    }

    @Test func itempropAuthorWithNestedName() {
        let body = """
            <div itemprop="author" itemscope itemtype="https://schema.org/Person">
            <img src="/a.jpg" alt=""><span>Written by</span> <span itemprop="name">Jana Becker</span>
            <span itemprop="jobTitle">Science desk</span></div>
            """
        #expect(Self.authors(body: body) == ["Jana Becker"])
    }

    @Test func bylineWithTwoAuthors() {
        #expect(Self.authors(body: "<div class=\"byline\">By Ann Lee and Bo Chan</div>") == ["Ann Lee", "Bo Chan"])
        let spans = "<div class=\"byline\">By <span class=\"author\">Ann Lee</span> and <span class=\"author\">Bo Chan</span>"
            + " <span class=\"date\">March 3, 2024</span></div>"
        #expect(Self.authors(body: spans) == ["Ann Lee", "Bo Chan"])
    }

    /// Author elements inside a byline that hold only fragments give way to the whole byline.
    @Test func bylineWhoseInnerAuthorElementsAreFragments() {
        let body = "<div class=\"recipe-contributor\"><span class=\"contributor-label\">By</span> "
            + "<a href=\"/k\"><span>Metro Test Kitchens</span></a></div>"
        #expect(Self.authors(body: body) == ["Metro Test Kitchens"])
    }

    @Test func bylineWithDateAndTimeAttached() {
        let body = "<div class=\"byline\">METRO LEDGER STAFF NOVEMBER 20, 2019 10:43</div>"
        #expect(Self.authors(body: body) == ["METRO LEDGER STAFF"])
    }

    /// A logo `h1` is not the headline: the `h2` showing the title is, and the byline next to it
    /// wins over an author box near the logo.
    @Test func headlineIsTheHeadingThatShowsTheTitle() {
        let html = """
            <html><head><title>Night buses return</title><meta property="og:title" content="Night buses return">
            </head><body><h1>Metro Daily</h1><div class="author-box"><span class="author-name">Logo Person</span></div>
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p>
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p>
            <article><h2>Night buses return</h2><p class="author-name">Rhea Solberg</p>
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></article></body></html>
            """
        #expect(ArticleFixtureLoader.extract(html: html).authors == ["Rhea Solberg"])
    }

    /// Comment authors and related-story bylines belong to other items.
    @Test func commentsAndRelatedListsAreIgnored() {
        let others = """
            <section class="comments"><div class="comment-author">Troll Nummer Eins</div></section>
            <ul class="related-posts"><li><span class="author">Nora Quinn</span></li></ul>
            """
        func page(_ byline: String) -> String {
            "<html><head><title>Night buses return</title></head><body><article><h1>Night buses return</h1>"
                + byline + "<p>" + ArticleFixtureLoader.prose.joined(separator: "</p><p>") + "</p></article>"
                + others + "</body></html>"
        }
        let withByline = page("<div class=\"byline\"><span class=\"author vcard\">Mira Holt</span></div>")
        #expect(ArticleFixtureLoader.extract(html: withByline).authors == ["Mira Holt"])
        #expect(ArticleFixtureLoader.extract(html: page("")).authors.isEmpty)
        // A comment thread right under the headline is still a comment thread.
        #expect(Self.authors(body: "<ol class=\"comment-list\"><li><cite class=\"fn\">Troll Nummer Eins</cite>"
            + "<span class=\"author\">Troll Nummer Eins</span></li></ol>").isEmpty)
    }

    /// A wrapper around the article's own column is not a sidebar, whatever its class says.
    @Test func columnWrapperNamedSidebarHoldsTheArticle() {
        let html = """
            <html><head><title>Night buses return</title></head><body><div class="sticky-sidebar-column">
            <article><h1>Night buses return</h1><p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p>
            <span class="author vcard">Ela Marin</span></article></div>
            <div class="sidebar"><span class="author">Sidebar Person</span></div>
            <footer>\((1...60).map { "<a href=\"/p/\($0)\">Link \($0)</a>" }.joined())</footer></body></html>
            """
        #expect(ArticleFixtureLoader.extract(html: html).authors == ["Ela Marin"])
        let signed = html.replacingOccurrences(of: "<span class=\"author vcard\">Ela Marin</span>",
                                               with: "<p>Von Ela Marin</p>")
            .replacingOccurrences(of: "<span class=\"author\">Sidebar Person</span>", with: "")
        #expect(ArticleFixtureLoader.extract(html: signed).authors == ["Ela Marin"])
    }

    /// The byline next to the headline beats an author box further down.
    @Test func bylineNearestTheHeadlineWins() {
        let html = """
            <html><head><title>Night buses return</title></head><body>
            <div class="top-authors"><span class="author-name">Someone Else</span></div>
            <p>\(ArticleFixtureLoader.prose[0])</p><p>\(ArticleFixtureLoader.prose[1])</p>
            <article><h1>Night buses return</h1><p class="author-name">Rhea Solberg</p>
            <p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></article></body></html>
            """
        #expect(ArticleFixtureLoader.extract(html: html).authors == ["Rhea Solberg"])
    }

    @Test func rolesMailAndSiteNameAroundTheByline() {
        #expect(Self.authors(body: "<div class=\"byline\">Jane Roe | Senior Editor</div>") == ["Jane Roe"])
        #expect(Self.authors(body: "<div class=\"byline\">By Jane Roe (jane@example.com)</div>") == ["Jane Roe"])
        #expect(Self.authors(body: "<div class=\"byline\">By Rob Vance, Metro Daily</div>") == ["Rob Vance"])
    }

    /// Without byline markup, a short line that signs the article in plain text.
    @Test func plainTextSignatureLine() {
        // The meta author is the publisher ("Harbour Press (harbourpress.example)").
        let head = "<meta name=\"publisher\" content=\"Harbour Press (harbourpress.example)\">"
            + "<meta name=\"author\" content=\"Harbour Press\">"
        #expect(Self.authors(head: head, body: "<p>Auteur : Kofi Mensah</p>") == ["Kofi Mensah"])
        #expect(Self.authors(body: "<p>Von Claudia Brandt</p>") == ["Claudia Brandt"])
        // A teaser's signature belongs to the teased story.
        #expect(Self.authors(body: "<div class=\"teaser-list\"><div class=\"teaser\"><p>Von Claudia Brandt</p></div></div>").isEmpty)
        // A sentence that happens to start with a lead-in is not a signature.
        #expect(Self.authors(body: "<p>By Train to the coast we went.</p>").isEmpty)
    }

    /// A first name alone (meta, JSON-LD) gives way to the full name the byline spells.
    @Test func firstNameIsCompletedFromTheByline() {
        let body = "<div class=\"byline\">Von <span class=\"author-name\">Jonas Ekberg</span></div>"
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Jonas\">", body: body) == ["Jonas Ekberg"])
        let person = Self.jsonLD(#"{"@type":"BlogPosting","author":{"@type":"Person","name":"jonas"}}"#)
        #expect(Self.authors(head: person, body: body) == ["Jonas Ekberg"])
        // Another person in the byline does not replace the declared one.
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Jonas\">",
                             body: "<div class=\"byline\">Von Mira Holm</div>") == ["Jonas"])
    }

    /// The poster's user name on a community page is its author; a logged-out user box is not.
    @Test func userNameElements() {
        #expect(Self.authors(body: "<div class=\"post-meta\">von <span class=\"user-name\">Gartenfee71</span></div>") == ["Gartenfee71"])
        #expect(Self.authors(body: "<div class=\"profile-name\">Lotte Krüger</div>") == ["Lotte Krüger"])
        #expect(Self.authors(body: "<div id=\"username\"><a>Login</a></div>").isEmpty)
        // A profile box's greeting, the name left for a signed-in reader, gives way to the byline.
        let greeting = "<div class=\"profile-name\">Welcome, </div>"
        #expect(Self.authors(body: greeting + "<div class=\"byline\">By <a href=\"/t\">Dana Kerr</a></div>") == ["Dana Kerr"])
    }

    /// Signature lines in capitals, with a label of another language, or after a date and a dash.
    @Test func signatureLineVariants() {
        #expect(Self.authors(body: "<p>BY CLAUDIA BRANDT</p>").map { $0.lowercased() } == ["claudia brandt"])
        #expect(Self.authors(body: "<p>Redaktion: Petra Lind</p>") == ["Petra Lind"])
        #expect(Self.authors(body: "<p>Tekst: Sanne de Vries</p>") == ["Sanne de Vries"])
        #expect(Self.authors(body: "<div class=\"news-meta\">12.03.2021 <span>- Redaktion: Petra Lind (Pressestelle)</span></div>")
            == ["Petra Lind"])
        #expect(Self.authors(body: "<p>Av Lars Berg</p>") == ["Lars Berg"])
    }

    /// A lead-in in its own text node, the name in the next element.
    @Test func signatureLineWithTheNameInALink() {
        #expect(Self.authors(body: "<p>By <a>Claudia Brandt</a></p>") == ["Claudia Brandt"])
        #expect(Self.authors(body: "<div><span>Von</span> <a>Claudia Brandt</a> | 12.03.2021</div>") == ["Claudia Brandt"])
        #expect(Self.authors(body: "<div><span>By</span></div><p>Claudia Brandt went home.</p>").isEmpty)
    }

    /// An `address` element in the article's header names its author; one in the footer does not.
    @Test func addressInTheHeader() {
        #expect(Self.authors(body: "<address>Ilse Nordmann, 4 May 2021</address>") == ["Ilse Nordmann"])
        let footer = "<div><p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p></div><address>Kai Brenner, Hafenweg 3</address>"
        #expect(Self.authors(body: footer).isEmpty)
    }

    /// Microdata authors of cited works do not outrank the page's own metadata; the article's own counts.
    @Test func microdataMetaAuthors() {
        let citations = "<ol class=\"references\"><li itemprop=\"citation\" itemscope><meta itemprop=\"author\" content=\"A. Roe, B. Lin, \">Study one.</li></ol>"
        #expect(Self.authors(head: "<meta name=\"dc.creator\" content=\"Nadia Haddad\">", body: citations) == ["Nadia Haddad"])
        #expect(Self.authors(body: "<div><meta itemprop=\"author\" content=\"Nadia Haddad\"></div>") == ["Nadia Haddad"])
    }

    /// A person declared by first name only whose biography opens with the full name.
    @Test func jsonLDFirstNameIsCompletedFromTheBiography() {
        func head(_ description: String) -> String {
            Self.jsonLD("""
                {"@graph":[{"@type":"BlogPosting","author":{"@id":"#p"}},
                {"@type":"Person","@id":"#p","name":"Jonas","description":"\(description)"}]}
                """)
        }
        #expect(Self.authors(head: head("Jonas van Dijk ist freier Autor und Fotograf.")) == ["Jonas van Dijk"])
        #expect(Self.authors(head: head("Jonas Ekberg, born in Malmö, writes about trains.")) == ["Jonas Ekberg"])
        // A biography that does not open with the name, or follows it with a role, leaves it alone.
        #expect(Self.authors(head: head("Writes about trains since 2004.")) == ["Jonas"])
        #expect(Self.authors(head: head("Jonas Redakteur seit 2004.")) == ["Jonas"])
    }

    /// Reference cycles, huge bylines and junk never crash and never produce a name.
    @Test func hostileAuthorData() {
        let cycle = Self.jsonLD("""
            {"@graph":[{"@type":"Article","author":{"@id":"#a"}},{"@id":"#a","author":{"@id":"#a"}}]}
            """)
        #expect(Self.authors(head: cycle).isEmpty)
        let long = String(repeating: "By Ann Lee and ", count: 5_000)
        #expect(Self.authors(body: "<div class=\"byline\">\(long)</div>").isEmpty)
        #expect(Self.authors(head: "<meta name=\"author\" content=\"&#xD800;&#99999999; ( [ @ ://\">").isEmpty)
    }
}
