import Foundation
import Testing
@testable import Normalize

/// The byte-level shortcuts of feed parsing give exactly what the general code gives.
@Suite("Feed parsing fast paths")
struct FeedFastPathTests {
    /// Random ASCII made of the pieces that steer plain-text conversion: tags, references,
    /// stray `<` and `&`, runs of white space.
    @Test func asciiPlainTextMatchesTheScalarPath() {
        let pieces = ["<", ">", "&", ";", "#", "x", "#x41", "#8217", "amp", "lt", "nbsp", "b", "/", "br", "p", "!",
                      " ", "  ", "\t", "\n", "\u{0B}", "a", "Story", "1", "<b>", "</p>", "&amp;", "&#39;", "& ",
                      "<3", "< b", "&bogusreferencename;", "div"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let fast = FeedText.plainASCII(text).flatMap { $0.isEmpty ? nil : $0 }
            #expect(fast == FeedText.plainScalars(text), "\(text.debugDescription)")
        }
    }

    /// Text already collapsed is returned as it is; the check agrees with splitting and joining
    /// on random mixes of words, spaces, tabs, line breaks and combining marks.
    @Test func collapsedTextShortcutMatchesSplitAndJoin() {
        let pieces = [" ", "  ", "\t", "\n", "\r\n", "a", "Story", "1", "é", "\u{301}", " \u{301}", "日本"]
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 10)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" })
            let expected = words.isEmpty ? nil : words.joined(separator: " ")
            #expect(FeedText.collapsedText(text) == expected, "\(text.debugDescription)")
            if FeedText.isCollapsed(text) { #expect(expected == text, "\(text.debugDescription)") }
        }
        #expect(FeedText.isCollapsed("Story number 0"))
        #expect(!FeedText.isCollapsed("Story  number") && !FeedText.isCollapsed(" Story") && !FeedText.isCollapsed(""))
    }

    @Test func nonASCIITextTakesTheScalarPath() {
        #expect(FeedText.plainASCII("café &amp; crème") == nil)
        #expect(FeedText.plain("café &amp; <b>crème</b>") == "café & crème")
    }

    @Test(arguments: [
        "https://news.example/2024/03/01/a-story?utm_source=rss", "HTTP://News.Example/A", "https://x.example",
        "https://x.example/a/../b/./c", "https://x.example/a b", "  https://x.example/spaced  ", "https:/x.example/one-slash",
        "http://", "/relative/path", "story.html", "mailto:desk@news.example", "javascript:void(0)", "HTTPS://x.example:8443/p#f",
    ])
    func absoluteLinksResolveAsThroughTheBase(_ raw: String) {
        let base = URL(string: "https://feeds.example/section/feed.xml")!
        let expected: URL? = {
            // The general rule: resolve against the base, keep http(s) with a host.
            guard let trimmed = FeedText.trimmed(raw),
                  let absolute = (URL(string: trimmed, relativeTo: base)
                    ?? URL(string: trimmed.replacingOccurrences(of: " ", with: "%20"), relativeTo: base))?.absoluteURL,
                  let scheme = absolute.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  absolute.host != nil else { return nil }
            return absolute
        }()
        let resolved = FeedLink.resolve(raw, base: base)
        #expect(resolved?.absoluteString == expected?.absoluteString)
    }

    @Test(arguments: [
        "Fri, 01 Mar 2024 00:00:00 +0000", "fri, 01 mar 2024 10:04:05 GMT", "TUE, 02 JAN 2024 23:59:60 -0830",
        "Mon, 29 Feb 2023 10:00:00 +0000", "Mon, 31 Apr 2024 10:00:00 +0000", "Sun, 07 Jul 2024 24:00:00 +1400",
        "Sun, 07 Jul 2024 10:00:00 +1500", "Sun, 07 Jul 2024 10:00:00 +0160", "Xyz, 07 Jul 2024 10:00:00 +0000",
        "Sun, 07 Jux 2024 10:00:00 +0000", "Sun, 07 Jul 2024 10:00:00 EST", "Sun,  7 Jul 2024 10:00:00 +0000",
        "Sun, 07 Jul 24 10:00:00 +000000", "Sun, 0a Jul 2024 10:00:00 +0000", "Sun, 07 Jul 2024 10-00-00 +0000",
    ])
    func fixedLayoutDatesMatchTheGeneralParser(_ text: String) {
        #expect(FeedDate.parse(text) == RFC822DateParser.parse(Array(text.utf8)))
    }

    @Test func schemeSeparatorIsFoundOnBytes() {
        for text in ["https://x", "a:/://b", "tag:x,2024:1", "urn:uuid:1", "::/ /", "://", "x:/", ""] {
            #expect(FeedText.containsSchemeSeparator(text) == text.contains("://"), "\(text)")
        }
    }
}
