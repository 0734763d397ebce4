public import Foundation

/// A deterministic generator of news sites for tests, the demo and benchmarks: outlets with
/// article pages wrapped in realistic furniture (navigation, cookie banner, ads, share bars,
/// related links, newsletter box, comments, inline scripts), an RSS feed and a news sitemap per
/// outlet, and a share of wire stories reprinted across outlets with small edits.
///
/// The same seed always gives the same corpus, so tests can compute what must come out.
public struct NewsCorpus: Sendable {
    /// One generated article.
    public struct Article: Sendable, Equatable {
        public var outlet: Int
        public var index: Int
        public var path: String
        public var title: String
        public var paragraphs: [String]
        public var published: Date
        /// For a reprint: the (outlet, index) of the wire original.
        public var reprintOf: (outlet: Int, index: Int)?

        public static func == (a: Article, b: Article) -> Bool {
            a.outlet == b.outlet && a.index == b.index && a.path == b.path && a.paragraphs == b.paragraphs
        }
    }

    public let outlets: Int
    public let articlesPerOutlet: Int
    /// Target page size in bytes (pages are padded with furniture to about this size).
    public let pageBytes: ClosedRange<Int>
    /// Share of articles (after the first outlet) that reprint a wire story of outlet 0.
    public let reprintShare: Double
    public let seed: UInt64
    public let baseDate: Date

    public init(outlets: Int, articlesPerOutlet: Int, pageBytes: ClosedRange<Int> = 8_000...16_000,
                reprintShare: Double = 0, seed: UInt64 = 1, baseDate: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        self.outlets = outlets
        self.articlesPerOutlet = articlesPerOutlet
        self.pageBytes = pageBytes
        self.reprintShare = reprintShare
        self.seed = seed
        self.baseDate = baseDate
    }

    /// The articles of one outlet, in publication order.
    public func articles(outlet: Int) -> [Article] {
        (0..<articlesPerOutlet).map { article(outlet: outlet, index: $0) }
    }

    public func article(outlet: Int, index: Int) -> Article {
        var random = SplitMix(seed: seed &+ UInt64(outlet) &* 1_000_003 &+ UInt64(index) &* 7_919)
        let path = "/news/2026/\(String(format: "%03d", index))-\(Self.slugWords(&random))"
        let published = baseDate.addingTimeInterval(Double(index) * 600 + Double(outlet) * 7)
        if outlet > 0, random.unit() < reprintShare {
            let originalIndex = Int(random.next() % UInt64(articlesPerOutlet))
            var original = article(outlet: 0, index: originalIndex)
            // A reprint: new headline, trimmed ending, light edits, a credit line.
            let keep = max(3, Int(Double(original.paragraphs.count) * (0.6 + 0.4 * random.unit())))
            var paragraphs = Array(original.paragraphs.prefix(keep))
            paragraphs[0] = paragraphs[0].replacingOccurrences(of: " said ", with: " told reporters ")
            paragraphs.append("Reporting by Wire staff; editing by the \(Self.outletName(outlet)) desk.")
            original.outlet = outlet
            original.index = index
            original.path = path
            original.title = "WIRE: " + original.title
            original.paragraphs = paragraphs
            original.published = published
            original.reprintOf = (0, originalIndex)
            return original
        }
        let count = 5 + Int(random.next() % 8)
        let paragraphs = (0..<count).map { _ in Self.paragraph(&random) }
        return Article(outlet: outlet, index: index, path: path, title: Self.headline(&random),
                       paragraphs: paragraphs, published: published, reprintOf: nil)
    }

    // MARK: Documents

    /// The article page, `origin` being the outlet's `http://host:port`.
    public func page(_ article: Article, origin: String) -> String {
        var random = SplitMix(seed: seed ^ UInt64(article.outlet &* 31 &+ article.index))
        let name = Self.outletName(article.outlet)
        let iso = ISO8601DateFormatter().string(from: article.published)
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(escape(article.title)) | \(name)</title>
        <link rel="canonical" href="\(origin)\(article.path)">
        <meta property="og:title" content="\(escape(article.title))"><meta property="og:site_name" content="\(name)">
        <meta property="article:published_time" content="\(iso)">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(escape(article.title))","datePublished":"\(iso)","author":{"@type":"Person","name":"Staff Reporter"}}</script>
        <style>.nav{display:flex}.ad{min-height:250px}.cookie{position:fixed;bottom:0}</style>
        </head><body>
        <div class="cookie" id="cookie-notice"><p>We use cookies to improve your experience and show you personalised advertising. Accept all cookies?</p><button>Accept</button></div>
        <header><a href="/">\(name)</a><nav class="nav"><ul>
        """
        for section in ["World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Video"] {
            html += "<li><a href=\"/\(section.lowercased())/\">\(section)</a></li>"
        }
        html += """
        </ul></nav></header>
        <div class="ad">Advertisement</div>
        <main><article><h1>\(escape(article.title))</h1>
        <p class="byline">By Staff Reporter, <time datetime="\(iso)">\(iso)</time></p>
        <div class="share">Share on Facebook Share on X Copy link</div>
        <figure><img src="/img/\(article.index).jpg" alt=""><figcaption>Image: a file photo from the scene.</figcaption></figure>
        <div class="article-body">
        """
        for (i, paragraph) in article.paragraphs.enumerated() {
            html += "<p>\(escape(paragraph))</p>\n"
            if i == 2 {
                html += "<aside class=\"newsletter\"><h3>Sign up for our daily briefing</h3><p>Get the news you need in your inbox every morning.</p></aside>\n"
            }
        }
        html += "</div><section class=\"related\"><h2>Related stories</h2><ul>"
        for k in 1...4 {
            let other = (article.index + k) % max(1, articlesPerOutlet)
            html += "<li><a href=\"/news/related-\(other)\">\(escape(Self.headline(&random)))</a></li>"
        }
        html += "</ul></section></article>"
        html += "<section class=\"comments\" id=\"comments\"><h2>Comments</h2>"
        for _ in 0..<3 {
            html += "<div class=\"comment\"><p>\(escape(Self.sentence(&random)))</p></div>"
        }
        html += "</section></main><footer><p>© 2026 \(name). All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>\n"
        // Pad to the target size with what bloats real pages: inline scripts and tracking JSON.
        let target = pageBytes.lowerBound + Int(random.next() % UInt64(max(1, pageBytes.count)))
        var padding = "<script>window.__STATE__={\"items\":["
        while html.utf8.count + padding.utf8.count < target - 40 {
            padding += "{\"id\":\(random.next() % 100_000),\"k\":\"\(Self.slugWords(&random))\"},"
        }
        padding += "{}]};</script>"
        html += padding + "\n</body></html>\n"
        return html
    }

    /// An RSS 2.0 feed listing the outlet's articles, newest first.
    public func feed(outlet: Int, origin: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(Self.outletName(outlet))</title><link>\(origin)/</link><ttl>15</ttl>

        """
        for article in articles(outlet: outlet).reversed() {
            xml += "<item><title>\(escape(article.title))</title><link>\(origin)\(article.path)?utm_source=rss</link>"
            xml += "<guid isPermaLink=\"false\">\(outlet)-\(article.index)</guid><pubDate>\(formatter.string(from: article.published))</pubDate></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    /// Fills `site` with one outlet: `/rss.xml`, `/robots.txt` and every article page. The site
    /// is usually already served, since pages carry absolute links to its origin.
    public func fill(_ site: LoopbackSite, outlet: Int, origin: String) {
        site.set("/rss.xml", LoopbackPage(contentType: "application/rss+xml", feed(outlet: outlet, origin: origin)))
        site.set("/robots.txt", LoopbackPage(contentType: "text/plain", "User-agent: *\nDisallow: /private/\n"))
        for article in articles(outlet: outlet) {
            site.set(article.path, LoopbackPage(page(article, origin: origin)))
        }
    }

    public static func outletName(_ outlet: Int) -> String {
        let names = ["The Morning Wire", "Harbor Times", "Valley Courier", "Northern Ledger", "City Dispatch", "Coast Herald"]
        return outlet < names.count ? names[outlet] : "Outlet \(outlet)"
    }

    // MARK: Text

    private static let subjects = ["The minister", "City officials", "A spokeswoman for the agency", "Local residents", "The company",
                                   "Researchers at the university", "The central bank", "Union leaders", "The regional council",
                                   "Emergency crews", "Prosecutors", "The opposition party", "Shipping firms", "Farmers in the valley",
                                   "Health authorities", "The coach", "Investors", "Teachers", "The mayor", "Border police"]
    private static let verbs = ["announced", "rejected", "defended", "postponed", "approved", "criticised", "unveiled", "questioned",
                                "expanded", "suspended", "welcomed", "investigated", "promised", "warned about", "reviewed", "cut"]
    private static let objects = ["a plan to rebuild the northern bridge", "new limits on night flights", "the budget for next year",
                                  "a deal with the port operator", "the report on water quality", "an inquiry into the fire",
                                  "plans for a new rail line", "the rise in energy prices", "a shortage of nurses",
                                  "the merger of two regional banks", "changes to the school calendar", "the harvest forecast",
                                  "a scheme to plant forty thousand trees", "the closure of the coal plant", "a tax on second homes",
                                  "the trial of the former director", "a vaccine campaign for the winter", "the stadium renovation"]
    private static let tails = ["on Tuesday", "after weeks of talks", "despite protests outside the building", "late on Friday",
                                "in a statement", "according to documents seen by reporters", "for the second time this year",
                                "amid growing pressure", "without giving details", "ahead of the elections", "at a news conference",
                                "following heavy rain", "as costs continued to rise", "in the capital"]
    private static let words = ["river", "harbour", "council", "budget", "storm", "market", "bridge", "school", "hospital", "court",
                                "election", "festival", "factory", "railway", "airport", "forest", "museum", "vaccine", "strike", "treaty"]

    /// A broad vocabulary, so that two generated stories share few word triples, as two real
    /// stories do.
    private static let vocabulary: [String] = """
        account action address agency agreement airport allies analysis announcement answer appeal approach area \
        army arrest artist assembly attack attempt audience authority average balance bank barrier battle beach \
        benefit bill board border bottle branch bread bridge budget building cabinet campaign candidate capital \
        captain career cargo carrier case cathedral cause ceasefire census centre century ceremony chairman chance \
        channel chapter charge charity chemical chief child choice church circle citizen claim class climate clinic \
        coach coalition coast collection college colony column comment commission committee community company \
        complaint concert conference conflict congress contract convoy copper corner cotton council country county \
        course court crew crisis critic crop crowd culture currency customer cycle damage dam danger deal debate \
        debt decade decision defence deficit delegation demand deposit deputy desert design detail diesel diplomat \
        director disaster discovery disease dispute district doctor document drought economy edition editor \
        election electricity embassy emergency empire energy engine engineer envoy equipment estate evidence \
        exchange exhibition expert export factory failure family farm fashion feature federation ferry festival \
        figure film finance fishery flight flood forecast forest fortune frontier fuel fund furniture gallery \
        garden garrison gas generation glacier governor grain grant ground group growth guard harbour harvest \
        headquarters health hearing heritage highway hospital hotel household housing hunger income industry \
        inflation inquiry institute insurance interest interview investment island journal judge jury justice \
        kingdom kitchen label labour laboratory landlord language lawyer leader league lease legislation lender \
        library licence lighthouse loan lobby machine magazine majority manager manifesto market meadow measure \
        medicine meeting member memorial merchant method migrant mill mine minister minority mission model \
        monastery monument mortgage motion motorway mountain movement museum nation network newspaper novel \
        nurse observer ocean office officer operation opinion orchard orchestra order organisation outbreak \
        painting palace panel parliament partner passenger patient payment pension pilot pipeline plant platform \
        police policy port poverty power president price prison producer profit programme project province \
        publisher quarry railway rally reactor reform refugee region regulator report republic reservoir resident \
        resort restaurant retailer revenue review river road route ruling salary satellite scheme scholar school \
        season senate sentence settlement shelter shipyard shortage signal society soldier spokesman stadium \
        station statue steel storm strategy strike student subsidy suburb summit supplier surgeon survey tariff \
        teacher technology temple tenant terminal territory theatre timber tourism tower trade tradition traffic \
        trail treaty tribunal troops tunnel union university valley vehicle verdict veteran victim village vineyard \
        voter wage warehouse warning water weather welfare wheat witness worker workshop
        """.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }

    static func word(_ random: inout SplitMix) -> String {
        vocabulary[Int(random.next() % UInt64(vocabulary.count))]
    }

    static func sentence(_ random: inout SplitMix) -> String {
        let s = subjects[Int(random.next() % UInt64(subjects.count))]
        let v = verbs[Int(random.next() % UInt64(verbs.count))]
        let t = tails[Int(random.next() % UInt64(tails.count))]
        let n = 2 + random.next() % 997
        let a = word(&random), b = word(&random), c = word(&random), d = word(&random), e = word(&random), f = word(&random)
        return "\(s) \(v) the \(a) \(b) plan for the \(c) \(t), and the \(d) \(e) said \(n) \(f) cases were affected."
    }

    static func paragraph(_ random: inout SplitMix) -> String {
        (0..<(2 + Int(random.next() % 3))).map { _ in sentence(&random) }.joined(separator: " ")
    }

    static func headline(_ random: inout SplitMix) -> String {
        let s = sentence(&random)
        return String(s.prefix(while: { $0 != "," }))
    }

    static func slugWords(_ random: inout SplitMix) -> String {
        (0..<4).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: "-") + "-\(random.next() % 10_000)"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// SplitMix64: a tiny deterministic generator, so corpora are reproducible across platforms.
public struct SplitMix: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
