/// Namespace URIs of the feed formats and the extension modules the parser reads.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dcTerms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// Apple's podcast module, common in news and radio feeds (`itunes:author`).
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
}
