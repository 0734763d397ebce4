import Foundation
import Testing
@testable import Normalize

/// Why a page gave no text is reported, most specific reason first; a page with text has none.
@Suite("Article: reason for no text")
struct ArticleNoTextReasonTests {
    private func extract(_ html: String) -> ExtractedArticle {
        ArticleExtractor().extract(ArticleInput(html: Data(html.utf8)))
    }

    @Test func binaryBytesAreReportedAsBinary() {
        var bytes = [UInt8](repeating: 0, count: 512)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 37 &+ 3) % 9 }
        let article = ArticleExtractor().extract(ArticleInput(html: Data(bytes)))
        #expect(article.bodyLines.isEmpty)
        #expect(article.noTextReason == .binary)
    }

    @Test func javascriptShellIsReportedAsScriptOnly() {
        let article = extract(#"<html><head><title>App</title><script src="/a.js"></script></head><body><div id="root"></div></body></html>"#)
        #expect(article.noTextReason == .scriptOnly)
    }

    @Test func consentInterstitialIsReportedAsConsentWall() {
        let article = extract("""
            <html><head><title>Before you continue</title></head><body>
            <div class="consent-banner"><a href="/accept">Accept all</a> <a href="/settings">Settings</a></div>
            </body></html>
            """)
        #expect(article.bodyLines.isEmpty)
        #expect(article.noTextReason == .consentWall)
    }

    @Test func pageWithABodyHasNoReason() {
        let paragraph = "<p>The council approved the new budget on Monday after a long debate about road repairs and school buildings in the district.</p>"
        let article = extract("<html><body><article>\(String(repeating: paragraph, count: 3))</article></body></html>")
        #expect(!article.bodyLines.isEmpty)
        #expect(article.noTextReason == nil)
    }

    @Test func reasonsKeepTheirWireNames() {
        #expect(NoTextReason.allCases.map(\.rawValue) == ["binary", "script_only", "consent_wall", "paywall", "no_text"])
    }
}
