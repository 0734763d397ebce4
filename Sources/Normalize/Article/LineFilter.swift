/// Last pass over body lines: drops lines that are furniture by their words alone — calls to
/// action, "Read more" teasers, image credits, advertisement labels — when they stand as
/// short lines of their own, and headings left dangling at the end of the article.
enum LineFilter {
    /// Whole short lines (compared lower-cased, trailing punctuation removed).
    private static let exactPhrases: Set<String> = [
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content",
        "read more", "read more below", "continue reading", "continue reading below",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "email", "print", "comments", "comment", "related",
        "related articles", "related stories", "related content", "more from", "see also",
        "recommended", "most read", "most popular", "trending", "trending now", "subscribe",
        "sign up", "follow us", "newsletter", "click here", "loading", "loading...",
        "story continues below advertisement", "article continues below advertisement",
        "scroll to continue with content", "skip advertisement", "listen to this article",
        "image", "photo", "video", "watch", "close", "menu", "back to top", "top",
        "view comments", "show comments", "leave a comment", "leave a reply",
    ]

    /// Prefixes of short lines that introduce a link or credit rather than prose.
    private static let prefixes: [String] = [
        "read more:", "read more ›", "read more »", "related:", "see also:", "also read:",
        "read also:", "recommended:", "more:", "watch:", "image:", "photo:", "picture:",
        "photograph:", "credit:", "image credit", "photo credit", "(photo", "[photo",
        "click here to", "sign up for", "subscribe to", "follow us on", "follow @",
        "like us on facebook", "download our app", "get the app", "please use chrome",
        "you must be logged in", "to continue reading", "already a subscriber",
        "this video", "your browser does not support", "please enable javascript",
        "advertisement", "© ", "copyright ©", "all rights reserved",
    ]

    static func filter(_ lines: [BodyWriter.Line], title: String?) -> [String] {
        var kept: [BodyWriter.Line] = []
        let normalizedTitle = title.map(comparable)
        for line in lines {
            let key = comparable(line.text)
            if key.isEmpty { continue }
            if line.text.count <= 60 && exactPhrases.contains(key) { continue }
            if line.text.count <= 160 && prefixes.contains(where: { key.hasPrefix($0) }) { continue }
            if let normalizedTitle, key == normalizedTitle, kept.isEmpty { continue }
            kept.append(line)
        }
        while let last = kept.last, last.isHeading { kept.removeLast() }
        return kept.map(\.text)
    }

    /// Lower-cased with trailing punctuation and arrows removed.
    private static func comparable(_ text: String) -> String {
        var lowered = text.lowercased()
        while let last = lowered.unicodeScalars.last,
              last == ":" || last == "." || last == "!" || last == "»" || last == "›" || last == ">"
                || last == " " || last == "→" || last == "…" {
            lowered.unicodeScalars.removeLast()
        }
        if lowered.hasSuffix("...") { lowered.removeLast(3) }
        return lowered
    }
}
