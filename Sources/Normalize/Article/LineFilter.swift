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
        "continua depois da publicidade", "continua después de la publicidad", "continúa después de la publicidad",
        "la suite après la publicité", "la suite après cette publicité", "weiter nach der anzeige",
        "lesen sie nach der anzeige weiter", "weiterlesen nach der anzeige", "continua dopo la pubblicità",
        "dalsza część artykułu pod reklamą", "artikel gaat verder onder de advertentie",
        "image", "photo", "video", "watch", "close", "menu", "back to top", "top",
        "view comments", "show comments", "leave a comment", "leave a reply", "reply",
        "caption", "updated", "back to gallery", "view gallery", "open gallery", "sharing is caring",
        "no comments", "expand", "collapse", "previous", "next", "enlarge this image", "toggle caption",
        // Lead-ins to related links and tables of contents, in the most common web languages.
        "you may also like", "you might also like", "more on this story", "more on this topic",
        "table of contents", "contents", "auch interessant", "lesen sie auch", "zum weiterlesen",
        "mehr zum thema", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "das thema könnte dich auch interessieren", "inhaltsverzeichnis", "kommentare schreiben",
        "keine kommentare", "lire aussi", "à lire aussi", "lea también", "lee también",
        "le puede interesar", "te puede interesar", "leggi anche", "leia também", "czytaj też",
        "czytaj także", "zobacz też", "zobacz także",
        // Labels of a tag list, left alone when the tags are links the writer skipped.
        "tags", "tag", "tagged", "tagged with", "filed under", "keywords", "keyword", "schlagworte",
        "schlagwörter", "stichworte", "stichwörter", "mots-clés", "mots clés", "etiquetas", "palabras clave",
        "parole chiave", "palavras-chave", "tagi", "słowa kluczowe", "trefwoorden", "теги", "ключевые слова",
        // The advertisement label in the most common web languages.
        "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade",
        "reklama", "reklam", "iklan", "реклама", "advertentie", "annonse", "mainos",
        "annons", "hirdetés", "quảng cáo", "广告", "広告", "광고", "إعلان",
    ]

    /// Openings of bylines and datelines; such a line is dropped when it is short and sits
    /// at either edge of the body, where templates put them.
    private static let bylineOpenings: [String] = [
        "by ", "posted on", "posted by", "published", "updated", "last updated", "written by",
        "von ", "par ", "por ", "di ", "door ", "av ", "oleh ",
        // Datelines, credits and permalinks in the common web languages.
        "aktualisiert", "veröffentlicht", "geschrieben von", "mis à jour", "publié le", "actualizado",
        "publicado", "aggiornato", "pubblicato", "autor:", "autorin:", "quelle:", "source:", "fuente:",
        "permalink", "permalien", "short-url", "kurz-url",
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
        "please use a modern browser", "to watch this video", "javascript is disabled",
        "advertisement", "© ", "copyright ©", "all rights reserved",
        "lesen sie auch:", "auch interessant:", "mehr zum thema", "keine kommentare", "lire aussi :",
        "à lire aussi", "lea también:", "lee también:", "le puede interesar:", "te puede interesar:",
        "leggi anche:", "leia também:", "czytaj też:", "czytaj także:", "zobacz też:", "zobacz także:",
        "crédits photos", "crédit photo", "image illustrative", "bild:", "foto:", "abbildung:",
        "beitragsbild:",
    ]

    /// Lead-ins to related links in more languages: a whole line alone, and a prefix with a
    /// colon (ASCII or full-width) before the linked title ("Baca juga: …", "相关阅读：…").
    private static let moreLeadIns: [String] = [
        "lees ook", "lees meer", "läs också", "läs mer", "læs også", "læs mere", "les også", "lue myös",
        "čtěte také", "přečtěte si také", "čítajte aj", "pročitajte još", "pročitajte i",
        "прочитајте још", "читайте также", "читайте також", "citește și", "citeste si",
        "ilgili haberler", "διαβάστε επίσης", "διαβάστε ακόμη", "baca juga", "xem thêm", "veja também",
        "اقرأ أيضا", "اقرأ أيضاً", "بیشتر بخوانید", "קראו גם", "相关阅读", "延伸阅读", "相關新聞", "延伸閱讀",
        "関連記事", "관련기사",
    ]

    /// The phrase lists as UTF-8 bytes: lines are compared as bytes, without building strings.
    private static let exactPhraseBytes = Set((Array(exactPhrases) + moreLeadIns).map { Array($0.utf8) })
    private static let prefixBytes = (prefixes + moreLeadIns.flatMap { [$0 + ":", $0 + "："] }).map { Array($0.utf8) }

    static func filter(_ lines: [BodyWriter.Line], title: String?) -> [String] {
        var kept: [BodyWriter.Line] = []
        let normalizedTitle = title.map(comparableBytes)
        for line in dropCommentSection(lines) {
            // Long lines are prose; only short ones can be furniture or the title, so the
            // comparisons below run on few lines.
            let bytes = line.text.utf8.count
            if bytes > 480 || (bytes > 240 && !kept.isEmpty) {
                kept.append(line)
                continue
            }
            let length = line.text.unicodeScalars.count
            if length > 160 && !kept.isEmpty {
                // No phrase, prefix, title, duration or counter test applies to a line this long
                // once the title position is past; only an all-punctuation line is dropped.
                if isOnlyTrailingPunctuation(line.text) { continue }
                kept.append(line)
                continue
            }
            var key = comparableBytes(line.text)
            if key.isEmpty { continue }
            // "Keyword: ,,,,": a label whose list came out empty is the label alone.
            if let colon = key.firstIndex(of: 0x3A),
               key[(colon + 1)...].allSatisfy({ $0 == 0x20 || $0 == 0x2C || $0 == 0x3B || $0 == 0x7C || $0 == 0x2E }) {
                key = Array(key[..<colon])
            }
            if length <= 80 && isShareButtons(key) { continue }
            if length <= 60 && (exactPhraseBytes.contains(key) || exactPhraseBytes.contains(withoutFraming(key))) { continue }
            if length <= 160 && prefixBytes.contains(where: { key.starts(with: $0) }) { continue }
            if let normalizedTitle, key == normalizedTitle, kept.isEmpty { continue }
            if isDuration(key) || (key.count <= 24 && isCounter(String(decoding: key, as: UTF8.self))) { continue }
            kept.append(line)
        }
        kept = dropRepeats(kept)
        kept = dropEdgeBylines(kept)
        kept = dropClosingPrompts(kept)
        while let last = kept.last, last.isHeading { kept.removeLast() }
        return kept.map(\.text)
    }

    /// A label set between dashes or brackets ("- Anzeige -", "[ Advertisement ]", "*** Werbung ***").
    private static func withoutFraming(_ key: [UInt8]) -> [UInt8] {
        let marks: Set<UInt8> = [0x20, 0x2D, 0x2A, 0x5B, 0x5D, 0x28, 0x29, 0x7C, 0x3D, 0x5F]
        guard let first = key.firstIndex(where: { !marks.contains($0) }),
              let last = key.lastIndex(where: { !marks.contains($0) }) else { return [] }
        return Array(key[first...last])
    }

    /// A line repeated within a few lines of itself is template repetition (a gallery
    /// caption shown as slide and as lightbox, a prompt above and below a widget); the first
    /// copy stays. Repeats far apart are content (interview questions asked of every
    /// guest), and so are short ones (two embedded posts signed the same day, table headers).
    private static func dropRepeats(_ lines: [BodyWriter.Line]) -> [BodyWriter.Line] {
        var kept: [BodyWriter.Line] = []
        for line in lines {
            let long = line.text.utf8.count >= 60
            if long && kept.suffix(4).contains(where: { $0.text == line.text }) { continue }
            kept.append(line)
        }
        return kept
    }

    /// Removes short byline/dateline lines among the first and last two lines.
    private static func dropEdgeBylines(_ lines: [BodyWriter.Line]) -> [BodyWriter.Line] {
        guard lines.count > 3 else { return lines }
        let edges: Set<Int> = [0, 1, lines.count - 2, lines.count - 1]
        return lines.enumerated()
            .filter { !(edges.contains($0.offset) && (isByline($0.element.text) || isPostMeta($0.element.text))) }
            .map(\.element)
    }

    private static let socialNetworks = ["facebook", "twitter", "instagram", "youtube", "whatsapp",
                                         "telegram", "linkedin", "tiktok", "threads", "bluesky", "newsletter"]
    private static let callsToAction = ["follow", "like us", "share", "subscribe", "join", "sign up", "listen",
                                        // The same calls in the common web languages.
                                        "teilen", "folgen", "abonn", "compart", "suscrib", "seguir", "partag",
                                        "suivez", "condividi", "segui", "inscri"]
    private static let closingPhrases = ["contributed to this report", "contributed reporting",
                                         "share it with a friend", "share this story", "tell us what you think",
                                         "have a news tip", "got a story", "send us your", "share this article",
                                         "sign up here", "letter to the editor", "hear what you think",
                                         "to your inbox", "in your inbox", "artikel teilen", "beitrag teilen",
                                         "in deinen posteingang", "in ihren posteingang", "partager cet article",
                                         "compartir este artículo", "compartir esta nota",
                                         // Membership and support prompts.
                                         "supporting our work", "support our work", "support our journalism",
                                         "support independent journalism", "unterstütze unsere arbeit",
                                         "unterstützen sie unsere arbeit", "become a member", "werde mitglied",
                                         "hazte miembro", "hazte socio", "devenez membre", "cancel anytime",
                                         "cancela cuando quieras", "jederzeit kündbar", "stay up-to-date", "stay up to date"]

    /// The last lines of a page are where templates put their prompts ("Follow us on
    /// Instagram and Twitter", "Like this story? Share it with a friend!", "X contributed
    /// to this report"). Short lines there that read as such are dropped.
    private static func dropClosingPrompts(_ lines: [BodyWriter.Line]) -> [BodyWriter.Line] {
        guard lines.count > 3 else { return lines }
        var result = lines
        var index = result.count - 1
        while index >= max(0, lines.count - 3) {
            let line = result[index].text
            if line.utf8.count <= 480 && line.unicodeScalars.count <= 160 && isClosingPrompt(line) {
                result.remove(at: index)
            }
            index -= 1
        }
        return result
    }

    private static let promptWords = PatternSet(groups: [closingPhrases, socialNetworks, callsToAction])

    static func isClosingPrompt(_ line: String) -> Bool {
        let lowered = line.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let found = promptWords.groups(in: lowered[...])
        return found & 1 != 0 || (found & 2 != 0 && found & 4 != 0)
    }

    /// A row of share buttons as text: network names and mail/print labels and nothing else
    /// ("FacebookTwitterLinkedinEMail", "Facebook | X | WhatsApp | E-Mail").
    static func isShareButtons(_ key: [UInt8]) -> Bool {
        var rest = key[...]
        var names = 0
        while let first = rest.first {
            if !((first >= 0x61 && first <= 0x7A) || first >= 0x80) {
                rest = rest.dropFirst()
                continue
            }
            guard let name = shareButtonNames.first(where: { rest.starts(with: $0) }) else { return false }
            rest = rest.dropFirst(name.count)
            names += 1
        }
        return names >= 2
    }

    private static let shareButtonNames: [[UInt8]] = [
        "facebook", "twitter", "instagram", "linkedin", "whatsapp", "telegram", "pinterest", "reddit", "xing",
        "tumblr", "flipboard", "messenger", "threads", "bluesky", "mastodon", "email", "e-mail", "mail", "print",
        "drucken", "imprimer", "imprimir", "copy link", "link kopieren", "x",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    /// Gallery and comment counters: "Image 1 of 8", "1 / 8", "3 comments".
    static func isCounter(_ key: String) -> Bool {
        guard key.utf8.count <= 24 else { return false }
        let words = key.split(separator: " ")
        let numbers = words.filter { $0.allSatisfy(\.isNumber) }.count
        let others = words.filter { !$0.allSatisfy(\.isNumber) }
        let allowed: Set<Substring> = ["image", "photo", "picture", "slide", "of", "/", "comment", "comments"]
        guard numbers >= 1, others.allSatisfy({ allowed.contains($0) }) else { return false }
        return numbers == 2 || others.contains(where: { $0.hasPrefix("comment") })
    }

    /// A video length or clock time standing alone ("2:18", "1:02:45"): player furniture.
    static func isDuration(_ key: String) -> Bool { isDuration(Array(key.utf8)) }

    static func isDuration(_ bytes: [UInt8]) -> Bool {
        guard (3...8).contains(bytes.count), bytes.contains(0x3A) else { return false }
        return bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A }
    }

    static func isByline(_ text: String) -> Bool {
        guard text.utf8.count <= 320, text.unicodeScalars.count <= 80 else { return false }
        let lowered = text.lowercased()
        guard bylineOpenings.contains(where: { lowered.hasPrefix($0) }) else { return false }
        // A byline is a name or a date, not a sentence: no full stop inside.
        let body = lowered.dropLast(lowered.hasSuffix(".") ? 1 : 0)
        return !body.contains(". ")
    }

    /// Whether `comparable` would strip `text` to nothing: every scalar is one of the trailing
    /// punctuation marks it removes.
    static func isOnlyTrailingPunctuation(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar == ":" || scalar == "." || scalar == "!" || scalar == ">" || scalar == " " || scalar == "»"
                || scalar == "›" || scalar == "→" || scalar == "…"
        }
    }

    /// Lower-cased with trailing punctuation and arrows removed. ASCII lines (most short
    /// lines) are folded byte by byte; only others pay for Unicode case mapping.
    static func comparable(_ text: String) -> String {
        String(decoding: comparableBytes(text), as: UTF8.self)
    }

    /// `comparable` as UTF-8 bytes.
    static func comparableBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        var ascii = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 {
                ascii = false
            } else if byte >= 0x41 && byte <= 0x5A {
                bytes[index] = byte | 0x20
            }
        }
        while let last = bytes.last, last == 0x3A || last == 0x2E || last == 0x21 || last == 0x3E || last == 0x20 {
            bytes.removeLast()
        }
        if ascii { return bytes }
        var result = LowercaseText.of(String(decoding: bytes, as: UTF8.self))
        while let last = result.unicodeScalars.last,
              last == ":" || last == "." || last == "!" || last == "»" || last == "›" || last == ">"
                || last == " " || last == "→" || last == "…" {
            result.unicodeScalars.removeLast()
        }
        // Composed, so that byte equality is canonical equivalence, as it is for strings.
        return Array(TextNormalizer.nfc(result).utf8)
    }
}
