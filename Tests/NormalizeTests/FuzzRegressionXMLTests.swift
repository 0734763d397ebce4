import Foundation
import Normalize
import Testing

/// Inputs the `feed`/`sitemap`/`opml` fuzz targets found (docs/reliability.md, "Fuzzing").
///
/// An internal DTD subset with entity declarations makes libxml2 build a document to hold them
/// even in a SAX-only parse; `XMLReader` did not free it (LeakSanitizer: `xmlNewDoc`,
/// `xmlNewDtd`, `xmlHashCreateDict` from `xmlParseEntityDecl`). A leak does not fail a plain
/// test; these fail under `make test-sanitizers`, whose AddressSanitizer run of NormalizeTests
/// has leak detection on.
@Suite("Fuzz regressions: XML documents with a DTD")
struct FuzzRegressionXMLTests {
    private static let doctype = """
        <?xml version="1.0"?>
        <!DOCTYPE root [
          <!ENTITY site "Harbour Gazette">
          <!ENTITY more "&site; &site;">
          <!ELEMENT item ANY>
        ]>
        """

    // One entity nested in another is refused as a possible entity bomb; what these check is
    // that the refusal is the parser's typed error, every time, with nothing left behind.
    @Test func feedWithEntityDeclarationsIsRefused() {
        let xml = Self.doctype + """
            <rss version="2.0"><channel><title>News</title>
            <item><title>Tide tables</title><link>https://news.example/tides</link></item>
            </channel></rss>
            """
        for _ in 0..<3 {
            #expect(throws: FeedError.self) {
                try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://news.example/feed")!)
            }
        }
    }

    @Test func sitemapWithEntityDeclarationsIsRefused() {
        let xml = Self.doctype + """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/a</loc></url></urlset>
            """
        #expect(throws: SitemapError.self) {
            try SitemapParser.parse(Data(xml.utf8), url: URL(string: "https://news.example/sitemap.xml")!)
        }
    }

    @Test func opmlWithEntityDeclarationsIsRefused() {
        let xml = Self.doctype + """
            <opml version="2.0"><body><outline text="a" xmlUrl="https://news.example/feed"/></body></opml>
            """
        #expect(throws: OPMLError.self) { try OPMLReader.read(Data(xml.utf8)) }
    }
}
