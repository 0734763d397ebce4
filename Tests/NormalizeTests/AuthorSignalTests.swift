import Testing
@testable import Normalize

/// Author signals beyond class names and metadata: non-standard byline elements, figures and
/// quotations that credit someone else, multi-word signature lead-ins, and which name wins
/// when metadata holds only an account name.
@Suite("Author signals")
struct AuthorSignalTests {
    static func authors(head: String = "", body: String = "") -> [String] {
        AuthorFinderTests.authors(head: head, body: body)
    }

    /// `<byline>` and `<author>` elements hold the byline even without a class.
    @Test func nonStandardBylineElements() {
        let siteAuthor = "<meta name=\"author\" content=\"Metro Daily\">"
        #expect(Self.authors(head: siteAuthor, body: "<byline>Von David Roemer, dpa</byline>") == ["David Roemer"])
        #expect(Self.authors(body: "<p>Story by <author>Ines Walther</author></p>") == ["Ines Walther"])
    }

    /// Byline classes in the publisher's language: Indonesian, Turkish, Spanish and Italian.
    @Test(arguments: ["penulis", "yazar-adi", "nombre-periodista", "giornalista", "redattore-nome"])
    func bylineClassesOfMoreLanguages(_ name: String) {
        let body = "<h1>Story</h1><div class=\"\(name)\">Budi Santoso</div><p>\(ArticleFixtureLoader.prose[0])</p>"
        #expect(Self.authors(body: body) == ["Budi Santoso"])
    }

    /// A photo credit in a figure and a quoted person's name in a quotation are not the byline,
    /// however near the headline.
    @Test func figuresAndQuotationsCreditOthers() {
        let figure = "<figure><img src=\"a.jpg\"><figcaption><span class=\"author\">Max Bildner</span></figcaption></figure>"
        let quote = "<blockquote><p>We will run all night.</p><span class=\"author\">Greta Lind</span></blockquote>"
        let byline = "<p>\(ArticleFixtureLoader.prose[0])</p><div class=\"byline\">By Dana Kerr</div>"
        #expect(Self.authors(body: figure + byline) == ["Dana Kerr"])
        #expect(Self.authors(body: quote + byline) == ["Dana Kerr"])
    }

    /// A post wrapper's category and tag classes name the site's sections, not the element:
    /// "category-reader-comments" does not make the post a comment thread.
    @Test func categoryClassesOfThePostAreNotZones() {
        let post = """
            <article class="post type-post category-reader-comments tag-popular"><h1>Story</h1>
            <div class="byline">By Dana Kerr</div><p>\(ArticleFixtureLoader.prose[0])</p></article>
            """
        #expect(Self.authors(body: post) == ["Dana Kerr"])
    }

    /// A lead-in of several words in its own element, the name in the next one.
    @Test func multiWordLeadInBeforeTheName() {
        #expect(Self.authors(body: "<p><span>Verfasst von:</span> <strong>Tobias Lang</strong> | 3. Mai 2020</p>") == ["Tobias Lang"])
        #expect(Self.authors(body: "<p><em>Written by</em> <a href=\"/t\">Nora Quist</a></p>") == ["Nora Quist"])
        #expect(Self.authors(body: "<div class=\"text-author\">Artikel von <span>Alma von Hagen</span></div>") == ["Alma von Hagen"])
    }

    /// The label and the name in two elements with nothing between them: two words, as shown.
    @Test func labelGluedToTheNameByMarkup() {
        let byline = "<div class=\"contributor-name\"><span class=\"credit-label\">Geschrieben von</span><a href=\"/a/e\">Eva Marin</a></div>"
        #expect(Self.authors(body: "<h1>Story</h1>" + byline) == ["Eva Marin"])
        // Inside one element a capital after a lower-case letter stays glued ("McKay").
        let tree = HTMLParser.parse(utf8: Array("<p>Ann <b>McKay</b></p>".utf8))
        #expect(tree.textContent(0, wordsAtElements: true) == "Ann McKay")
    }

    /// A link to the writer's page names the writer, with no class or `rel` to say so.
    @Test func linkToTheWritersPage() {
        let header = """
            <h1>Story</h1><div class="bottom"><h6><a href="/autor/ariel-mora_7617"><strong>Ariel Mora</strong></a></h6></div>
            <p>\(ArticleFixtureLoader.prose[0])</p>
            """
        #expect(Self.authors(body: header) == ["Ariel Mora"])
        #expect(AuthorPageLink.matches(Array("https://news.example.com/journalist/ana_roe".utf8)[...]))
        #expect(AuthorPageLink.matches(Array("/author/ana-roe/?ref=top".utf8)[...]))
        // The list of all writers, or a host named like one, is no writer's page.
        #expect(!AuthorPageLink.matches(Array("/authors/".utf8)[...]))
        #expect(!AuthorPageLink.matches(Array("https://author.example.com/story".utf8)[...]))
    }

    /// The theme's credit in the site's copyright line is no byline, `rel=author` or not.
    @Test func themeCreditInTheCopyrightLine() {
        let byline = "<span class=\"author vcard\"><a class=\"url fn n\">Ines Roll</a></span>"
        let credit = "<div class=\"copyright\">Theme: Colors von <a href=\"https://themes.example\" rel=\"author\">ThemeMaker</a></div>"
        #expect(Self.authors(body: byline + credit) == ["Ines Roll"])
    }

    /// An author box's links to the writer's profiles and article list are not names.
    @Test func profileLinksInAnAuthorBoxAreNotNames() {
        let box = """
            <h1>Story</h1>
            <div class="autor" itemprop="author"><span class="autor-nombre">Nuria Blanco</span>
            <div class="autor-perfiles"><a href="https://social.example/nb">Twitter</a></div></div>
            """
        #expect(Self.authors(body: box) == ["Nuria Blanco"])
        let list = "<h1>Story</h1><div class=\"author-profile-links\"><a href=\"/author/fh/\">Alle Artikel</a></div>"
        #expect(Self.authors(body: list).isEmpty)
    }

    /// A label and the name right after it, inside a longer line of labels and tags.
    @Test func labelledNameInsideALongerLine() {
        let tags = (1...6).map { "<a href=\"/tag/\($0)\">tag\($0)</a>" }.joined(separator: ", ")
        let line = "<p><strong>Autor:</strong> <a href=\"/profil/7\">Henrike Olsberg</a><br><strong>Tags:</strong> \(tags)</p>"
        #expect(Self.authors(body: "<p>\(ArticleFixtureLoader.prose[0])</p>" + line) == ["Henrike Olsberg"])
    }

    /// A last paragraph holding only a full name, right after the prose, signs the article when
    /// nothing else names anyone; a closing line that is not a name does not.
    @Test func closingParagraphSignsTheArticle() {
        let prose = "<p>\(ArticleFixtureLoader.prose[0]) \(ArticleFixtureLoader.prose[1])</p>"
        #expect(Self.authors(body: "<div>\(prose)<p><b><i>Tamara Quellweg</i></b></p></div>") == ["Tamara Quellweg"])
        #expect(Self.authors(body: "<div>\(prose)<p>Renate Vollbrecht<br>Vorsitzende</p></div>") == ["Renate Vollbrecht"])
        #expect(Self.authors(body: "<div>\(prose)<p>Mehr dazu lesen Sie morgen</p></div>").isEmpty)
        // Short closing lines between the prose and the name.
        let closing = "<p>Frohe Festtage.</p><p>Renate Vollbrecht<br>Vorsitzende</p>"
        #expect(Self.authors(body: "<div>\(prose)\(closing)</div>") == ["Renate Vollbrecht"])
    }

    /// Page builders write paragraphs as divs: a div holding only text and inline elements is a
    /// paragraph, for the prose before the name, the name and the paragraphs after it; an empty
    /// div (a float clearer) after the name is none, and a div holding blocks is none.
    @Test func closingDivParagraphSignsTheArticle() {
        let prose = "<div>\(ArticleFixtureLoader.prose[0]) \(ArticleFixtureLoader.prose[1])</div>"
        #expect(Self.authors(body: "<div>\(prose)<div><b><i>Tamara Quellweg</i></b></div><div class=\"clear\"></div></div>")
            == ["Tamara Quellweg"])
        #expect(Self.authors(body: "<div>\(prose)<div>Renate Vollbrecht<br>Vorsitzende</div></div>") == ["Renate Vollbrecht"])
        // More paragraphs follow: the name is not the closing one.
        #expect(Self.authors(body: "<div>\(prose)<div>Renate Vollbrecht</div><div>\(ArticleFixtureLoader.prose[2])</div></div>").isEmpty)
        #expect(Self.authors(body: "<div>\(prose)<div><p>Renate Vollbrecht</p><p>Vorsitzende</p></div></div>").isEmpty)
    }

    /// An embedded post's signature ("— Harbour Office (@harbouroffice) March 3, 2020") and a
    /// figure's credit line close their quotation or figure, not the article.
    @Test func quotationsAndFiguresDoNotSignTheArticle() {
        let prose = "<p>\(ArticleFixtureLoader.prose[0]) \(ArticleFixtureLoader.prose[1])</p>"
        let tweet = "<blockquote class=\"twitter-tweet\"><p>\(ArticleFixtureLoader.prose[2]) \(ArticleFixtureLoader.prose[0])</p><p>— Harbour Office (@harbouroffice) <a href=\"/status/1\">March 3, 2020</a></p></blockquote>"
        #expect(Self.authors(body: "<div>\(prose)\(tweet)</div>").isEmpty)
        let figure = "<figure><figcaption><p>\(ArticleFixtureLoader.prose[2]) \(ArticleFixtureLoader.prose[0])</p><p>Tamara Quellweg</p></figcaption></figure>"
        #expect(Self.authors(body: "<div>\(prose)\(figure)</div>").isEmpty)
        // The same lines outside them still sign it.
        #expect(Self.authors(body: "<div>\(prose)<p>Tamara Quellweg</p></div>") == ["Tamara Quellweg"])
    }

    /// The site's navigation and account bars name menu entries and the signed-in reader, not
    /// the writer, whatever their inner class says (`username`, `author`).
    @Test(arguments: ["orb-nav-pri", "site-navbar", "menu-item", "account-statusbar"])
    func navigationBarsNameNoAuthor(_ bar: String) {
        let body = "<div class=\"\(bar)\"><a href=\"/account\"><span class=\"username\">Reader Account</span></a> <a href=\"/who\"><span class=\"author-name\">Dana Kerr</span></a></div>"
        #expect(Self.authors(body: body).isEmpty)
        #expect(Self.authors(body: "<div class=\"profile\"><span class=\"username\">Dana Kerr</span></div>") == ["Dana Kerr"])
    }

    /// A company or association named by its legal form in the author meta tag is the site's
    /// owner or maker: a person named on the page wins, and it stays only when no one else is named.
    @Test func companyInMetadataGivesWayToAPerson() {
        let company = "<meta name=\"author\" content=\"Pixelwerk Studio GmbH www.pixelwerk.example\">"
        let association = "<meta name=\"author\" content=\"Verein für Heimatpflege e.V.\">"
        let byline = "<div class=\"byline\">Von Mira Holm</div>"
        #expect(Self.authors(head: company, body: byline) == ["Mira Holm"])
        #expect(Self.authors(head: association, body: byline) == ["Mira Holm"])
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Pixelwerk Studio GmbH\">") == ["Pixelwerk Studio GmbH"])
    }

    /// A signature line with a single word (a blogger's handle) is the author when nothing else
    /// names anyone; a full name elsewhere still wins.
    @Test func singleWordSignatureIsTheLastResort() {
        #expect(Self.authors(body: "<p>Verfasst von: <strong>wanderkatze</strong></p>") == ["wanderkatze"])
        let both = "<p>Verfasst von: <strong>wanderkatze</strong></p><div class=\"byline\">By Dana Kerr</div>"
        #expect(Self.authors(body: both) == ["Dana Kerr"])
    }

    /// Metadata naming only an account ("jroe") gives way to the full name in the byline; a
    /// full name in metadata is kept.
    @Test func accountNameInMetadataGivesWayToTheBylinesFullName() {
        let byline = "<div class=\"byline\">By Jane Roewer</div>"
        #expect(Self.authors(head: "<meta name=\"author\" content=\"jroe\">", body: byline) == ["Jane Roewer"])
        #expect(Self.authors(head: "<meta name=\"author\" content=\"Ann Lee\">", body: byline) == ["Ann Lee"])
        #expect(Self.authors(head: "<meta name=\"author\" content=\"jroe\">") == ["jroe"])
    }

    /// A declared author element (`rel=author`, `itemprop=author`) outranks a nearer element
    /// found only by its class name.
    @Test func declaredAuthorElementOutranksClassNames() {
        let prose = "<p>\(ArticleFixtureLoader.prose[0])</p>"
        let rel = "<div class=\"byline\">By Pia Sommer</div>\(prose)<p>By <a rel=\"author\" href=\"/u/lv\">Lena Vogt</a></p>"
        #expect(Self.authors(body: rel) == ["Lena Vogt"])
        let itemprop = "<span class=\"writer\">Pia Sommer</span>\(prose)<p><span itemprop=\"author\">Lena Vogt</span></p>"
        #expect(Self.authors(body: itemprop) == ["Lena Vogt"])
    }

    /// Microdata typing the author as an organization (the newsroom) ranks after a person's
    /// byline found by class name; alone it still names the author.
    @Test func organizationMicrodataGivesWayToAPersonsByline() {
        let prose = "<p>\(ArticleFixtureLoader.prose[0])</p>"
        func declared(_ type: String) -> String {
            "<div itemprop=\"author\" itemscope itemtype=\"https://schema.org/\(type)\">"
                + "<meta itemprop=\"name\" content=\"Abendkurier Verlag\"></div>"
        }
        let newsroom = declared("NewsMediaOrganization")
        let byline = "<div class=\"article-info\"><span class=\"author\">Vera Kolbinger</span></div>"
        #expect(Self.authors(body: byline + prose + newsroom) == ["Vera Kolbinger"])
        #expect(Self.authors(body: prose + newsroom) == ["Abendkurier Verlag"])
        // Typed as a person, the declared element still outranks the class name.
        #expect(Self.authors(body: byline + prose + declared("Person")) == ["Abendkurier Verlag"])
    }

    /// A byline naming the organization the JSON-LD declares as author ("Par AFP") is the
    /// article's author: people named in bylines further on (opinion teaser cards) are not.
    @Test func bylineConfirmingTheDeclaredOrganizationEndsTheSearch() {
        let declared = AuthorFinderTests.jsonLD(#"{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "AFP"}}"#)
        let byline = "<div class=\"article__author\"><span>Par <span>AFP</span></span></div>"
        let teasers = (["Sylvie Marchand", "Paul Mercier"].map {
            "<div class=\"card\"><a href=\"/o\">Opinion piece</a><div class=\"card__author\">Par \($0)</div></div>"
        }).joined()
        #expect(Self.authors(head: declared, body: byline + teasers) == ["AFP"])
        // Without the byline naming it, the teaser's people still win over the agency.
        #expect(Self.authors(head: declared, body: teasers) == ["Sylvie Marchand", "Paul Mercier"])
    }

    /// A line beside the headline giving the date, the time and the writer between separators,
    /// with no lead-in or byline markup, names the writer; a subtitle heading does not, nor a
    /// dateline without a full name.
    @Test func datelineBesideTheHeadlineNamesTheWriter() {
        func page(_ before: String, _ after: String = "") -> [String] {
            let html = """
                <!DOCTYPE html><html><head><title>Pilot year begins</title></head><body><div class="contentBlock">
                \(before)<h1>Pilot year begins</h1>\(after)<p>\(ArticleFixtureLoader.prose.joined(separator: "</p><p>"))</p>
                </div></body></html>
                """
            return ArticleFixtureLoader.extract(html: html).authors
        }
        #expect(page("<small>04.02.2022 | 13:10 Uhr | Ulla Hellweg</small>") == ["Ulla Hellweg"])
        #expect(page("", "<p>Ana Ruiz · 3. Mai 2021</p>") == ["Ana Ruiz"])
        #expect(page("", "<h2>Ausstellung Palais Nord <br>9-23 Feb 2017 | Mo-Fr 9–16</h2>").isEmpty)
        #expect(page("<small>04.02.2022 | 13:10 Uhr | Sport</small>").isEmpty)
    }

    /// A JSON-LD "person" that is a collective ("Auswärtige Autoren (AA)", "Guest Authors") is
    /// a placeholder: the writers named in the meta tag win; alone it stays.
    @Test func collectiveDeclaredAsPersonGivesWayToNamedWriters() {
        let declared = AuthorFinderTests.jsonLD(#"{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Auswärtige Autoren (AA)"}]}"#)
        let meta = "<meta name=\"author\" content=\"Rolf Steinmann/Carla Nuss\">"
        #expect(Self.authors(head: declared + meta) == ["Rolf Steinmann", "Carla Nuss"])
        #expect(Self.authors(head: declared) == ["Auswärtige Autoren"])
    }
}
