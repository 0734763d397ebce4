import Foundation
import Testing
@testable import Normalize

/// Parts of an article that sit outside the density winner: a lead beside the body, the text
/// around a long table, the body inside wrappers named like furniture, the standfirst in the
/// article's header or above a microdata body. Each page is hand-written for its case.
@Suite("Article body recall")
struct ArticleBodyRecallTests {
    static let lead = "Two years after the harbour bridge closed, the council has chosen a contractor and a date, and the ferry will keep running until the work is done."
    static let prose = ArticleFixtureLoader.prose + [
        "The contract, worth eleven million pounds, includes new lighting on both approaches, and the work is due to start in September after the summer festival.",
        "Local businesses on the quay, which lost trade during the closure, will be offered reduced rents for the duration of the works, the council added.",
    ]

    static func page(_ body: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        \(body)
        <footer><p>Copyright notice for the test site, all rights reserved.</p></footer>
        </body></html>
        """
    }

    static var paragraphs: String { prose.map { "<p>\($0)</p>" }.joined(separator: "\n") }

    /// An endless page: the next story follows in full under its own `<h1>`, longer than the
    /// page's own and with no class to say it is another article. The title names the first.
    @Test func theTitlesOwnArticleOnAnEndlessPage() {
        let next = (1...4).map { "<p>In the second story, number \($0), the league confirmed that the cup final will move to the national stadium, a decision that supporters of both clubs have criticised for the cost of tickets and travel.</p>" }
        let html = Self.page("""
            <main><div><article><header><h1>Bridge contract awarded</h1></header>\(Self.paragraphs)</article></div>
            <div><article><header><h1>Cup final moves to the national stadium</h1></header>\(next.joined())\(next.joined())</article></div></main>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(Self.prose[0]))
        #expect(!lines.contains { $0.contains("second story") })
        // Without a second headline the longer text is not overruled: the whole page is one article.
        let single = Self.page("<main><article><header><h1>Bridge contract awarded</h1></header>\(Self.paragraphs)\(next.joined())</article></main>")
        #expect(ArticleFixtureLoader.extract(html: single).bodyLines.contains { $0.contains("second story") })
        // A post that titles its sections with `<h1>` inside its text is one article.
        let sections = Self.page("""
            <main><article><header><h1>Bridge contract awarded</h1></header><div class="text"><div>\(Self.paragraphs)</div>
            <h1>Cup final moves</h1><div>\(next.joined())\(next.joined())</div></div></article></main>
            """)
        let whole = ArticleFixtureLoader.extract(html: sections).bodyLines
        #expect(whole.contains(Self.prose[0]) && whole.contains { $0.contains("second story") })
    }

    /// A podcast episode's show notes (short, mostly links) under its headline in an
    /// `<article>`; readers' comments below it, long and plain, and no class names anywhere.
    /// The headline's `<article>` is the story.
    @Test func theHeadlinesArticleOverLongerCommentsWithoutClassNames() {
        let links = (1...8).map { "<a href=\"/wiki/\($0)\">Topic number \($0)</a>" }.joined(separator: " – ")
        let comments = (1...4).map { number in
            "<li><div><b>Reader \(number)</b> sagt:</div><p>Thank you for this episode, number \(number) of many that I have enjoyed. The topics are interesting, there are chapter marks, show notes, an Opus feed and no advertising, which is great. My only criticism is that there was a little too much laughing, but please keep going, and thank you again for all of it.</p></li>"
        }.joined()
        let html = Self.page("""
            <div><main><article><header><h1>Bridge contract awarded</h1></header><div>
            <p><a href="/guest">Ada Lovelace</a> (<a href="/t">Twitter</a>) is an engineer who worked on the harbour bridge for two years and explains how its new deck will be lifted into place.</p>
            <p>She designs the sensors that will watch the deck for cracks, and explains why the old bridge had to close.</p>
            <p>Topics: \(links)</p></div></article>
            <div><h2>4 Kommentare</h2><ol>\(comments)</ol></div></main></div>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains { $0.hasPrefix("Ada Lovelace (Twitter) is an engineer") })
        #expect(!lines.contains { $0.contains("Thank you for this episode") })
        // The comments as plain paragraphs in a block beside the <article>: not joined to it.
        let plain = (1...4).map { "<p>Thank you for this episode, number \($0) of many that I have enjoyed. The topics are interesting, there are chapter marks, show notes and no advertising, which is great, so please keep going.</p>" }.joined()
        let beside = Self.page("""
            <div><article><h1>Bridge contract awarded</h1>
            <p><a href="/guest">Ada Lovelace</a> (<a href="/t">Twitter</a>) is an engineer who worked on the harbour bridge for two years and explains how its new deck will be lifted into place.</p>
            <p>She designs the sensors that will watch the deck for cracks, and explains why the old bridge had to close.</p>
            <p>Topics: \(links)</p></article><div>\(plain)</div></div>
            """)
        let alone = ArticleFixtureLoader.extract(html: beside).bodyLines
        #expect(alone.contains { $0.hasPrefix("Ada Lovelace (Twitter) is an engineer") })
        #expect(!alone.contains { $0.contains("Thank you for this episode") })
    }

    /// A theme that marks each related post card's excerpt `articleBody` (every card its own
    /// `BlogPosting`) and not the post's text: the marks are a list of cards, not the body.
    @Test func excerptsMarkedInSeparateCardsAreNotTheBody() {
        let card = { (number: Int) in
            "<article itemscope itemtype=\"https://schema.org/BlogPosting\"><h2><a href=\"/p\(number)\">Related post \(number)</a></h2><div itemprop=\"articleBody\">What inspires someone to become a developer? Number \(number) of the series looks at how coding culture has changed over the decades.</div></article>"
        }
        let html = Self.page("""
            <main><article itemscope itemtype="https://schema.org/BlogPosting"><h1>Bridge contract awarded</h1>
            <div>\(Self.paragraphs)</div><div><h2>Related</h2>\((1...3).map(card).joined())</div></article></main>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(Self.prose[0]) && lines.contains(Self.prose[4]))
        // One item's text marked in two parts around an ad slot is still the body, whole.
        let split = Self.page("""
            <div itemscope itemtype="https://schema.org/NewsArticle"><h1>Bridge contract awarded</h1>
            <div itemprop="articleBody"><p>\(Self.prose[0])</p></div><div><a href="/ad">Advertisement</a></div>
            <div itemprop="articleBody"><p>\(Self.prose[1])</p></div></div>
            <div><p>\(Self.prose[2])</p><p>\(Self.prose[3])</p><p>\(Self.prose[4])</p></div>
            """)
        let parts = ArticleFixtureLoader.extract(html: split).bodyLines
        #expect(parts == [Self.prose[0], Self.prose[1]])
    }

    /// A forum thread without class names: each post an `<article>` with its author box, its
    /// date links and its reaction links, the text in an inner `<article>` (as forum software
    /// writes it); the longest post a reply in the middle. The thread is the page.
    @Test func aThreadOfPostsIsOneBody() throws {
        let post = { (number: Int, name: String, text: String) in
            "<article><div><div><a href=\"/members/\(name).\(number)/\">\(name)</a><div><a href=\"/members/\">Well-known member</a></div></div></div>"
                + "<div><header><ul><li><a href=\"/threads/x/post-\(number)\">Oct 6, 2020</a></li><li><a href=\"/threads/x/post-\(number)\">#\(number)</a></li></ul></header>"
                + "<div><article><div>\(text)</div></article></div>"
                + "<footer><a href=\"/react/\(number)\">Like</a> <a href=\"/reply/\(number)\">Reply</a></footer></div></article>"
        }
        let reply = "Towards the end of the zone it keeps getting worse. At the back people only fight on auto attack, and at the front others have to take every hit and drink their potions, which is not fair to anyone who joined the event to play together."
        let posts = [
            post(1, "Admin", "Patch notes for the autumn build: the colour of the spawn announcements is now orange, and the event zone closes ten minutes earlier than before."),
            post(2, "Glockenfee", "I agree with all of that, and I have seen the same thing in the last three events, where the zone emptied out long before the end."),
            post(3, "Bibi", [reply, reply, reply].joined(separator: " ")),
            post(4, "Admin", "Thank you for the reports, we will look at the event zone again next week and tell you here what we change before the next build."),
        ]
        let html = Self.page("<div><h1>Patch notes for the autumn build</h1><div>\(posts.joined())</div></div>")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("Patch notes for the autumn build: the colour") == true)
        #expect(!lines.contains { $0.contains("Well-known member") || $0 == "Like Reply" })
        // The same posts, each under its own headline, are stories side by side, not a thread.
        let tree = HTMLParser.parse(utf8: Array(html.utf8))
        let analysis = PageAnalysis(tree: tree)
        let text = try #require(tree.nodes.indices.first { tree.nodes[$0].tag == .text
            && String(decoding: tree.text[Int(tree.nodes[$0].start)..<Int(tree.nodes[$0].end)], as: UTF8.self).hasPrefix("Towards") })
        #expect(PostThread(analysis: analysis).thread(around: tree.nodes[text].parent) != nil)
        let headed = html.replacingOccurrences(of: "<article><div><div>", with: "<article><h2>Report</h2><div><div>")
        let storiesTree = HTMLParser.parse(utf8: Array(headed.utf8))
        let storyText = try #require(storiesTree.nodes.indices.first { storiesTree.nodes[$0].tag == .text
            && String(decoding: storiesTree.text[Int(storiesTree.nodes[$0].start)..<Int(storiesTree.nodes[$0].end)], as: UTF8.self).hasPrefix("Towards") })
        #expect(PostThread(analysis: PageAnalysis(tree: storiesTree)).thread(around: storiesTree.nodes[storyText].parent) == nil)
    }

    /// The lead sits in a sibling of the body's parent, which also holds a reading-time note:
    /// neither the body's siblings nor its parent's pick it up; widening does.
    @Test func leadBesideTheBodyIsJoined() {
        let html = Self.page("""
            <article><h1>Bridge contract awarded</h1>
            <div class="intro-wrap"><div class="inner"><p>\(Self.lead)</p></div></div>
            <div class="layout"><div class="story-text">\(Self.paragraphs)</div><div class="stats">4 min</div></div>
            </article>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.first == Self.lead)
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains("Copyright notice for the test site, all rights reserved."))
    }

    /// Many short table cells out-vote a few long paragraphs; the table is part of the text,
    /// never the whole container.
    @Test func textAroundALongTableIsKept() {
        // Signatories laid out as the cells of one row, as open letters often are.
        let names = (1...60).map { "<td>Signatory number \($0), writer, Millbrook</td>" }
        let html = Self.page("""
            <div class="letter">\(Self.paragraphs)
            <table><tbody><tr><th>Signed</th></tr><tr>\(names.joined())</tr></tbody></table></div>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(Self.prose[0]))
        #expect(lines.contains(Self.prose[4]))
        #expect(lines.last?.hasSuffix("Signatory number 60, writer, Millbrook") == true)
    }

    /// What an ancestor adds must be prose: a teaser list (a headline link and a summary per
    /// item) beside the article stays out.
    @Test func teaserListBesideTheArticleStaysOut() {
        let teasers = (1...5).map {
            "<li><h3><a href=\"/story\($0)\">Harbour story number \($0) in the series</a></h3><p>A summary of story \($0), with the usual details, a quote and a date.</p></li>"
        }
        let html = Self.page("""
            <div class="page"><div class="main"><article><h1>Bridge contract awarded</h1>
            <div class="story-text">\(Self.paragraphs)</div></article></div>
            <div class="more"><h2>More from the harbour</h2><ul>\(teasers.joined())</ul></div></div>
            """)
        let text = ArticleFixtureLoader.extract(html: html).text
        #expect(text.contains(Self.prose[2]))
        #expect(!text.contains("A summary of story 3"))
    }

    /// A sibling block that scores well but is a third links (headline links with summaries)
    /// is not more of the article, however high it scores.
    @Test func scoredTeaserSiblingIsNotJoined() {
        let teasers = (1...6).map {
            "<div class=\"item\"><p><a href=\"/s\($0)\">Harbour story \($0): the ferry and the quay</a></p><p>Summary \($0) of the day, with a quote from the mayor, a place on the quay, a date in June, and a note.</p></div>"
        }
        let html = Self.page("""
            <div class="wrap"><div class="story-text">\(Self.paragraphs)</div>
            <div class="more-block">\(teasers.joined())</div></div>
            """)
        let text = ArticleFixtureLoader.extract(html: html).text
        #expect(text.contains(Self.prose[4]))
        #expect(!text.contains("Summary 3"))
    }

    /// Class words inside longer words or utility classes do not remove the article, even
    /// when the comments below it hold more text than it does.
    @Test(arguments: ["field field-name-body field-label-hidden", "node node-article node-promoted",
                      "article commentary", "section non-paywall", "col hidden-xs overflow-hidden"])
    func wrapperNamedLikeFurnitureKeepsItsText(wrapper: String) {
        let comments = (1...8).map {
            "<li class=\"comment\"><p>Reader \($0) writes: I have crossed that bridge every day for twenty years, and the closure cost me an hour a day, so I am glad.</p></li>"
        }
        let html = Self.page("""
            <div class="\(wrapper)"><div>\(Self.paragraphs)</div></div>
            <ol class="comment-list">\(comments.joined())</ol>
            """)
        let text = ArticleFixtureLoader.extract(html: html).text
        #expect(text.contains(Self.prose[0]))
        #expect(text.contains(Self.prose[4]))
        #expect(!text.contains("Reader 3 writes"))
    }

    @Test func classWordsMatchWholeWordsAndWholeClasses() {
        func furniture(_ hint: String) -> Bool { ClassHints.isFurniture(Array(hint.utf8)[...]) }
        #expect(!furniture("field-label-hidden"))
        #expect(!furniture("node-promoted"))
        #expect(!furniture("news commentary"))
        #expect(!furniture("row non-paywall"))
        #expect(!furniture("hidden-xs"))
        #expect(furniture("hidden"))
        #expect(furniture("comment-list"))
        #expect(furniture("commentary comments"))
        #expect(furniture("promo-box"))
        #expect(furniture("paywall-prompt"))
    }

    /// Each paragraph in its own block whose class pairs a content word with a style modifier
    /// holding a furniture token ("extra"): the blocks together hold the article, so they stay.
    /// A box with the same kind of class beside them, holding little, still goes.
    @Test func paragraphBlocksSharingAContentClassStay() {
        let blocks = Self.prose.map {
            "<div class=\"col content-text active-extra-styles\"><p class=\"content-text__p\">\($0)</p></div>"
        }.joined(separator: "\n")
        let html = Self.page("""
            <article><h1>Bridge contract awarded</h1>
            <div class="col content-media"><p class="caption">The harbour bridge, closed since the storm of two winters ago.</p></div>
            \(blocks)
            <div class="body-extra"><p>Read our coverage of every council meeting this year in one place.</p></div>
            </article>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(Self.prose[0]))
        #expect(lines.contains(Self.prose[4]))
        #expect(!lines.contains("Read our coverage of every council meeting this year in one place."))
    }

    /// The page carries the article's rest inside a paywall's (or subscribers') wrapper, below the free part
    /// (which holds most of the prose): the record keeps it, and is flagged. The paywall's
    /// prompt beside it (short lines, a form) stays out.
    @Test(arguments: ["class=\"paywall\"", "id=\"subscription-content\""])
    func articleTextInsideAPaywallWrapperIsKept(wrapper: String) {
        let rest = [
            "Engineers from the contractor will survey both piers in the first week of the works, and the council said it would publish their report in full before any further spending is approved.",
            "The ferry operator confirmed that the extra evening crossings added during the closure will continue, although the fare rise planned for the spring has been postponed until the autumn.",
            "Opposition councillors welcomed the decision but asked why the contract had taken two years to award, and called for a public review of how the closure had been handled from the start.",
        ]
        // A sign-up box inside the wrapper, between the paragraphs.
        let walled = rest.map { "<p>\($0)</p>" }.joined(separator: "<form><input name=\"email\"><button>Sign up</button></form>")
        let html = Self.page("""
            <article><h1>Bridge contract awarded</h1>
            <div class="article-body"><p>\(Self.lead)</p>\(Self.paragraphs)
            <div \(wrapper)>\(walled)</div>
            <div class="paywall-prompt"><p>Already a subscriber? Log in to keep reading this story.</p>
            <p>Subscribe now for one euro a month and read every story on the site.</p>
            <form action="/login"><input name="email"><button>Continue</button></form></div>
            </div></article>
            """)
        let article = ArticleFixtureLoader.extract(html: html)
        #expect(article.bodyLines.contains(Self.prose[0]))
        #expect(article.bodyLines.contains(rest[0]))
        #expect(article.bodyLines.contains(rest[2]))
        #expect(!article.text.contains("Subscribe now"))
        #expect(article.quality.paywall)
    }

    /// A page whose article has no text (a video story): the site's footer holds nearly all the
    /// page's prose, and is still the footer, not the article.
    @Test func thePageFooterIsNeverTheBody() {
        let html = """
            <!DOCTYPE html><html><head><title>Video: the bridge</title></head><body>
            <div class="article"><h1>Video: the bridge reopens</h1><div class="video-embed"></div></div>
            <footer><div class="copy">
            <p>The site is registered with the press authority under number 77-57534, and all rights to the material published here belong to the editorial office.</p>
            <p>Material from the site may be used only with the written permission of the editorial office, and every use must name the site and link to the original.</p>
            <p>The editorial office is not responsible for the content of advertisements, and readers' comments are their own and not those of the editors.</p>
            </div></footer></body></html>
            """
        #expect(ArticleFixtureLoader.extract(html: html).bodyLines.isEmpty)
    }

    /// An article cut into section wrappers of one class (subheading and paragraphs each, an ad
    /// slot between), with a related-link line in the first and a teaser beside them: every
    /// section is the article's. A one-sentence box with the same layout class is not.
    @Test func sectionsOfOneClassAreOneArticle() {
        let p = Self.prose
        let extra = [
            "Engineers from the contractor will survey both piers in the first week of the works, and the council said it would publish their report in full.",
            "The ferry operator confirmed that the extra evening crossings added during the closure will continue, although the fare rise has been postponed.",
        ]
        func section(_ heading: String?, _ lines: [String]) -> String {
            let title = heading.map { "<h2 class=\"subline\">\($0)</h2>" } ?? ""
            return "<div class=\"paragraph_wrapper left\">\(title)<div class=\"textflow\">"
                + lines.map { "<p>\($0)</p>" }.joined() + "</div></div>"
        }
        let html = Self.page("""
            <article><h1>Bridge contract awarded</h1><div>
            \(section(nil, [p[0], p[1], "Also read: <a href=\"/a\">Every council vote on the harbour bridge since the storm closed it</a>"]))
            <div class="ad-slot"></div>
            \(section("What the contract covers", [p[2], p[3], p[4]]))
            \(section("Next steps", extra))
            <div class="more-links"><a href="/b">More on the bridge</a> <a href="/c">Ferry timetable</a></div>
            <div class="paragraph_wrapper left"><p>Sign up for our free daily newsletter today.</p></div>
            </div></article>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains(p[0]))
        #expect(lines.contains("What the contract covers"))
        #expect(lines.contains(p[4]))
        #expect(lines.contains("Next steps"))
        #expect(lines.contains(extra[1]))
        #expect(!lines.contains("Sign up for our free daily newsletter today."))
    }

    /// An inline element holding only a space still separates the words around it; a hidden
    /// one (an anti-spam decoy inside an address) adds nothing.
    @Test func aSpaceInsideAnInlineElementSeparatesWords() {
        let first = "Campaigners said they would fight the<strong> </strong><a href=\"/p\"><strong>total closure</strong></a> of the bridge, and the council agreed to hear them."
        let second = "Write to the office at<span> </span>press@<span style=\"display:none\">no spam</span>example.org with any questions about the works."
        let html = Self.page("<article><h1>Bridge</h1><p>\(first)</p><p>\(second)</p>\(Self.paragraphs)</article>")
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines.contains("Campaigners said they would fight the total closure of the bridge, and the council agreed to hear them."))
        #expect(lines.contains("Write to the office at press@example.org with any questions about the works."))
    }

    /// A page builder wraps every paragraph in a "widget": the standard reading removes them
    /// all, and the lenient second reading finds the text. Its cookie notice still stays out.
    @Test func articleInsideWidgetsIsFoundByTheLenientReading() {
        let widgets = Self.prose.map {
            "<div class=\"builder-widget builder-widget-text\"><div class=\"builder-widget-container\"><p>\($0)</p></div></div>"
        }
        let html = Self.page("""
            <div class="builder-section">\(widgets.joined(separator: "\n"))</div>
            <div class="cookie-notice"><p>We use cookies to improve your experience of this website, as explained in our policy.</p></div>
            """)
        let article = ArticleFixtureLoader.extract(html: html)
        #expect(article.bodyLines == Self.prose)
        #expect(!article.text.contains("We use cookies"))
    }

    /// The standfirst in the article's <header> is kept; the rest of the header is not.
    @Test func leadInTheArticleHeaderIsKept() {
        let html = Self.page("""
            <article><header><h1>Bridge contract awarded</h1><p class="standfirst">\(Self.lead)</p>
            <div class="byline">By Maria Okafor</div><div class="stamp">11 March 2024</div></header>
            <div class="story-text">\(Self.paragraphs)</div></article>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == [Self.lead] + Self.prose)
    }

    /// A deck set as a long heading in a header beside the article counts as prose (so the
    /// container widens to it), and long lead words (`subheadline`) name it.
    @Test func deckHeadingInAHeaderBesideTheArticleIsKept() {
        let html = Self.page("""
            <section class="page-section"><header class="page-header-wrapper"><div class="page-header">
            <h1>Bridge contract awarded</h1><h2 class="article-subheadline">\(Self.lead)</h2>
            <div class="byline">By Maria Okafor</div></div></header>
            <article><div class="story-text">\(Self.paragraphs)</div></article></section>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == [Self.lead] + Self.prose)
    }

    /// A block named a teaser is a trail to other articles when it carries links (a linked
    /// headline and its summary), even inside the article's container; a teaser without links
    /// is the article's own lead and stays.
    @Test func linkedTeasersGoAndALinkFreeTeaserLeadStays() {
        let trails = (1...3).map {
            "<div class=\"teaser-item\"><a href=\"/story\($0)\">Harbour story \($0) in the series</a><p>A summary of story \($0), with the usual details, a quote from the mayor and a date in June.</p></div>"
        }
        let html = Self.page("""
            <article><h1>Bridge contract awarded</h1><p class="article-teaser">\(Self.lead)</p>
            <div class="story-text">\(Self.paragraphs)
            <div class="teaser-list">\(trails.joined())</div></div></article>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == [Self.lead] + Self.prose)
    }

    /// A lead set apart from the body (beside the title, with a row of links between them that
    /// keeps widening and sibling joining away) is known by the page's own description, which
    /// repeats it word for word; a later teaser of the same article is not taken for it.
    @Test func leadRepeatingThePageDescriptionIsKept() {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge contract awarded</title>
            <meta property="og:description" content="\(Self.lead)"></head>
            <body><div class="top"><h1>Bridge contract awarded</h1><p class="hero-note">\(Self.lead)</p>
            <div class="row"><a href="/a">Bridge works timetable and map</a> <a href="/b">Ferry times during the closure period</a> <a href="/c">Harbour council meeting archive</a></div></div>
            <div class="layout"><div class="story-text">\(Self.paragraphs)</div></div>
            </body></html>
            """
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == [Self.lead] + Self.prose)
        // The same text in a block that is not the page's description stays out.
        let other = html.replacingOccurrences(of: "content=\"\(Self.lead)\"", with: "content=\"A different summary of the council decision on the bridge.\"")
        #expect(ArticleFixtureLoader.extract(html: other).bodyLines == Self.prose)
    }

    /// A microdata body widens to the lead above it, but not to what follows it.
    @Test func markedBodyTakesInTheLeadAboveIt() {
        let disclaimer = "This article was produced with support from the harbour trust, which had no say in its content."
        let html = Self.page("""
            <div class="wrap"><div class="article">
            <div class="teaser-text" itemprop="description"><p>\(Self.lead)</p></div>
            <div class="text-wrap" itemprop="articleBody">\(Self.paragraphs)</div>
            </div><p class="note">\(disclaimer)</p></div>
            """)
        let lines = ArticleFixtureLoader.extract(html: html).bodyLines
        #expect(lines == [Self.lead] + Self.prose)
    }
}

/// Lead-ins to related links and tables of contents are furniture in any language; prose
/// that merely contains the words is not.
@Suite("Body line filter: related-link lead-ins")
struct LineFilterLeadInTests {
    @Test func leadInsAreDropped() {
        let prose = "Die Gemeinde hat am Dienstag beschlossen, den Nachtbus bis in die östlichen Vororte zu verlängern."
        let lines = ["Inhaltsverzeichnis", prose, "Auch interessant:", "Czytaj też: Wyścig trwa",
                     "Le puede interesar: Nuevos casos", "Crédits photos : Agence", "Zum Weiterlesen:",
                     "Das war auch interessant für die Anwohner, die seit Jahren auf eine Verbindung warten."]
            .map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == [
            prose, "Das war auch interessant für die Anwohner, die seit Jahren auf eine Verbindung warten.",
        ])
    }

    /// The same lead-ins in more languages and scripts, alone or before a linked title, and the
    /// line an advertisement slot leaves in the text.
    @Test(arguments: ["Baca juga: Jembatan baru dibuka", "Читайте также: Мост открыт", "Lees ook:",
                      "Διαβάστε επίσης: Η γέφυρα", "اقرأ أيضا: الجسر", "相关阅读：新桥通车", "관련기사", "Läs också",
                      // What an advertisement slot leaves behind in the text.
                      "CONTINUA DEPOIS DA PUBLICIDADE", "Weiter nach der Anzeige", "La suite après la publicité"])
    func leadInsOfMoreLanguagesAreDropped(_ leadIn: String) {
        let prose = "Die Gemeinde hat am Dienstag beschlossen, den Nachtbus bis in die östlichen Vororte zu verlängern."
        let lines = [prose, leadIn, prose + " Mehr folgt."].map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == [prose, prose + " Mehr folgt."])
    }

    /// Datelines, credits and permalinks in other languages go like English bylines when they
    /// stand short at an edge of the body; the same words inside the text stay.
    @Test func datelinesAndCreditsInOtherLanguagesAtTheEdgesAreDropped() {
        let prose = [
            "Die Gemeinde hat am Dienstag beschlossen, den Nachtbus bis in die östlichen Vororte zu verlängern.",
            "Aktualisiert wurde auch der Fahrplan der Tagesbusse, die künftig im Zehn-Minuten-Takt fahren.",
            "Profitieren sollen vor allem Beschäftigte im Schichtdienst, sagte die Sprecherin des Verkehrsausschusses.",
        ]
        let lines = (["Veröffentlicht am 12.03.2024, 14:05 Uhr"] + prose + ["Quelle: Stadtverwaltung",
                                                                        "Permalink: https://example.org/p/123"])
            .map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == prose)
    }

    /// Closing prompts in other languages go like the English ones, at the end only.
    @Test func closingPromptsInOtherLanguagesAreDropped() {
        let prose = [
            "Die Gemeinde hat am Dienstag beschlossen, den Nachtbus bis in die östlichen Vororte zu verlängern.",
            "Nach Angaben der Verwaltung fahren die Busse ab Juni alle dreißig Minuten zwischen Mitternacht und fünf Uhr.",
            "Profitieren sollen vor allem Beschäftigte im Schichtdienst, sagte die Sprecherin des Verkehrsausschusses.",
        ]
        let lines = (prose + ["Möchten Sie den Artikel teilen?",
                              "Puede escribirnos o seguir a la redacción en Facebook e Instagram."])
            .map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == prose)
    }

    /// Membership and support prompts at the end are closing prompts too.
    @Test(arguments: ["If you liked this piece, would you consider supporting our work? Thanks!",
                      "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS", "Werde Mitglied und lies alles.",
                      "Periodismo independiente cada día. Cancela cuando quieras."])
    func supportPromptsAtTheEndAreDropped(_ prompt: String) {
        let prose = ArticleFixtureLoader.prose
        let lines = (prose + [prompt]).map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == prose)
    }

    /// A tag list's label left alone (its tags were links), an empty one ("Keyword: ,,,,") and
    /// a row of share buttons as text are dropped; prose naming a network stays.
    @Test func tagLabelsAndShareButtonRowsAreDropped() {
        let prose = [
            "The council voted on Tuesday to extend the night bus service to the eastern suburbs.",
            "Officials said the new routes would be announced on Facebook and Twitter next week.",
            "Residents who work late shifts are expected to benefit most, the transport committee said.",
        ]
        let lines = (prose + ["Schlagworte:", "Keyword: ,,,,", "FacebookTwitterLinkedinEMail", "Facebook | X | WhatsApp | E-Mail"])
            .map { BodyWriter.Line(text: $0, isHeading: false) }
        #expect(LineFilter.filter(lines, title: nil) == prose)
        #expect(!LineFilter.isShareButtons(Array("facebook said on tuesday".utf8)))
    }
}
