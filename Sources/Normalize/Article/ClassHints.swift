/// What an element's `class` and `id` say about it. The vocabulary is the one web authors
/// use everywhere (readability, boilerpipe and trafilatura all lean on the same words); no
/// site's own class names appear here.
struct ClassHints {
    /// Words of content containers.
    static let positive: [String] = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text",
        "blog", "story", "prose", "rich-text", "richtext",
    ]

    /// Words that name furniture outright: removed wherever they appear, unless the element
    /// holds most of the page's prose (a wrapper such as `content has-sidebar`).
    static let furniture: [String] = [
        "comment", "disqus", "share", "sharing", "social", "related", "newsletter", "subscri",
        "cookie", "consent", "gdpr", "advert", "sponsor", "outbrain", "taboola",
        "recommend", "popular", "trending", "most-read", "mostread", "most_read", "sidebar",
        "breadcrumb", "byline", "caption", "signup", "sign-up", "modal", "popup", "toolbar",
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader",
        "read-more", "readmore", "more-stories", "also-read", "read-next", "readnext",
        "recirc", "author-bio", "author-info", "author-box", "authorbox", "post-meta",
        "entry-meta", "article-meta", "postmeta", "postinfo", "post-info", "postdate", "post-date",
        "posted-on", "pubdate", "publish-date", "published-date", "date-published", "article-info", "dateline", "timestamp", "pagination",
        "pager", "jump-link", "skip-link", "tagcloud", "tag-list", "taglist", "post-tags",
        "entry-tags", "article-tags", "keywords", "widget", "banner", "masthead", "navbar",
        "navigation", "menu", "footer", "print-", "-print", "bookmark", "rating", "reaction",
        "follow", "donate", "paywall", "piano", "offer", "enews", "inline-ad", "ad-slot",
        "adslot", "ad-container", "ad-wrapper", "ad-unit", "adunit", "dfp", "gpt-ad",
        "ad-placeholder", "advertis", "crosslink", "breaking-news", 
        "carousel", "slideshow", "gallery", "lightbox", "video-player", "jwplayer",
        "credit", "copyright", "disclaimer", "contact", "login", "register", "search",
        // Readability's unlikely-candidate words not covered above.
        "shoutbox", "skyscraper", "supplement",
    ]

    /// Furniture words that never name an article's wrapper; the only ones a lenient reading
    /// of the page (see `PageAnalysis.Strictness`) honours.
    static let unambiguousFurniture: [String] = [
        "cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "sign-up", "modal",
        "popup", "login", "breadcrumb", "navbar", "navigation", "menu", "footer", "sr-only",
        "visually-hidden", "visuallyhidden", "screen-reader", "sharing", "social", "sidebar",
    ]

    /// Short words that only count as whole tokens (`ad` must not match `header`).
    static let furnitureTokens: [[UInt8]] = [
        "ad", "ads", "nav", "tags", "meta", "share", "aside", "extra",
        "promo", "promos", "topics", "related", "comments", "social", "author", "date", "time",
        "byline", "avatar", "icons", "icon", "tools", "links", "crumb", "crumbs", "teasers",
        // The comment form and thread of blog engines (`id="respond"`, `replies`).
        "respond", "replies",
    ].map { Array($0.utf8) }

    /// Longer words that contain a furniture word but name content: an opinion piece
    /// (`commentary`), a featured story (`node-promoted`), the free part of a paywalled page.
    static let exceptions: [String] = [
        "commentar", "commentator", "promoted", "non-paywall", "no-paywall", "nopaywall",
    ]

    /// Whole classes that hide an element everywhere. Only whole classes count: `hidden-xs`,
    /// `overflow-hidden` or `field-label-hidden` hide nothing, or only on some screens or
    /// only a label.
    static let hidingClasses: [[UInt8]] = ["hidden", "hide", "is-hidden", "d-none"].map { Array($0.utf8) }

    private static let matcher = PatternSet(groups: [positive, furniture, exceptions])
    private static let positiveBit: UInt32 = 1
    private static let furnitureBit: UInt32 = 2
    private static let exceptionBit: UInt32 = 4

    /// The matcher's groups, with furniture words that only occur inside an exception
    /// (`comment` in `commentary`) not counted. Exceptions are rare, so the second look is too.
    private static func groups(_ hint: ArraySlice<UInt8>) -> UInt32 {
        let found = matcher.groups(in: hint)
        guard found & exceptionBit != 0, found & furnitureBit != 0 else { return found }
        let masked = blanking(exceptionWords, in: hint).hint
        return (found & positiveBit) | (matcher.groups(in: masked[...]) & furnitureBit)
    }

    private static let exceptionWords = exceptions.map { Array($0.utf8) }

    /// `hint` with every occurrence of `words` turned into blanks, and whether any occurred.
    private static func blanking(_ words: [[UInt8]], in hint: ArraySlice<UInt8>) -> (hint: [UInt8], found: Bool) {
        var masked = Array(hint)
        var found = false
        for word in words {
            var index = 0
            while index + word.count <= masked.count {
                if masked[index..<index + word.count].elementsEqual(word) {
                    for offset in index..<index + word.count { masked[offset] = 0x20 }
                    index += word.count
                    found = true
                } else {
                    index += 1
                }
            }
        }
        return (masked, found)
    }

    /// Score adjustment from class/id words: positive for content words, negative for furniture.
    static func weight(_ hint: ArraySlice<UInt8>) -> Int {
        guard !hint.isEmpty else { return 0 }
        let found = groups(hint)
        var weight = 0
        if found & positiveBit != 0 { weight += 25 }
        if found & furnitureBit != 0 || hasToken(hint, furnitureTokens) || hasClass(hint, hidingClasses) {
            weight -= 25
        }
        return weight
    }

    private static let unambiguousMatcher = PatternSet(groups: [unambiguousFurniture])

    static func isUnambiguousFurniture(_ hint: ArraySlice<UInt8>) -> Bool {
        guard !hint.isEmpty else { return false }
        return unambiguousMatcher.groups(in: hint) != 0 || hasClass(hint, hidingClasses)
    }

    /// Whether the class or id calls the element a teaser. A teaser is either the article's
    /// own lead (a sentence or two, no links) or a trail to another article (a linked headline
    /// and its summary); `PageAnalysis` tells them apart by the links.
    static func namesTeaser(_ hint: ArraySlice<UInt8>) -> Bool {
        ByteSearch.contains(hint, "teaser")
    }

    /// The hint without blog-engine term classes (`category-newsletter-archiv`, and beside them
    /// with `tags` `tag-latest-news`): a post's wrapper lists the site's own category and tag
    /// names, which say nothing about the element and may contain any furniture word. Copies
    /// only when such a class is present. (Body scoring keeps the tags: its weights were set
    /// with them.)
    static func withoutTermClasses(_ hint: ArraySlice<UInt8>, tags: Bool = false) -> ArraySlice<UInt8> {
        guard ByteSearch.contains(hint, "category-") else { return hint }
        let prefix = Array("category-".utf8)
        let tagPrefix = Array("tag-".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(hint.count)
        var start = hint.startIndex
        while start < hint.endIndex {
            var end = start
            while end < hint.endIndex && hint[end] != 0x20 { end += 1 }
            let word = hint[start..<end]
            if !word.starts(with: prefix) && !(tags && word.starts(with: tagPrefix)) {
                if !kept.isEmpty { kept.append(0x20) }
                kept.append(contentsOf: word)
            }
            start = end + 1
        }
        return kept[...]
    }

    /// A content word with a short furniture token beside it and no furniture word
    /// (`mc-column content-text active-extra-styles`): a style modifier may hold the token, so
    /// the element's fellow blocks decide (`PageAnalysis`).
    static func isContentWithFurnitureToken(_ hint: ArraySlice<UInt8>) -> Bool {
        guard !hint.isEmpty else { return false }
        let found = groups(hint)
        return found & positiveBit != 0 && found & furnitureBit == 0 && hasToken(hint, furnitureTokens)
            && !hasClass(hint, hidingClasses)
    }

    /// Words of a paywall's or a subscriber-only wrapper: the element may hold the article's
    /// own remaining text.
    static let paywallWords: [[UInt8]] = ["paywall", "piano", "subscri"].map { Array($0.utf8) }

    /// Furniture only by a paywall word (`paywall`, `hcf-paywall`, `piano-paywall-hide`,
    /// `subscription-content`):
    /// the same hint with those words blanked is not furniture.
    static func isFurnitureOnlyAsPaywall(_ hint: ArraySlice<UInt8>) -> Bool {
        guard isFurniture(hint) else { return false }
        let (masked, found) = blanking(paywallWords, in: hint)
        return found && !isFurniture(masked[...])
    }

    static func isFurniture(_ hint: ArraySlice<UInt8>) -> Bool {
        guard !hint.isEmpty else { return false }
        return groups(hint) & furnitureBit != 0 || hasToken(hint, furnitureTokens)
            || hasClass(hint, hidingClasses)
    }

    /// Words of text kept for screen readers only.
    static let screenReaderWords: [StaticString] = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader"]

    /// Whether the class hides the element from readers: a hiding class or screen-reader text.
    static func hides(_ hint: ArraySlice<UInt8>) -> Bool {
        guard !hint.isEmpty else { return false }
        return hasClass(hint, hidingClasses) || screenReaderWords.contains { ByteSearch.contains(hint, $0) }
    }

    /// Whether any whole class or id (split on spaces only) equals one of `classes`.
    static func hasClass(_ hint: ArraySlice<UInt8>, _ classes: [[UInt8]]) -> Bool {
        var start = hint.startIndex
        var index = hint.startIndex
        while index <= hint.endIndex {
            if index == hint.endIndex || hint[index] == 0x20 {
                let word = hint[start..<index]
                if !word.isEmpty && classes.contains(where: { word.elementsEqual($0) }) { return true }
                start = index + 1
            }
            index += 1
        }
        return false
    }

    /// Whether any whole token (split on space, `-`, `_`) equals one of `tokens`.
    static func hasToken(_ hint: ArraySlice<UInt8>, _ tokens: [[UInt8]], maximumLength: Int = 8) -> Bool {
        var start = hint.startIndex
        var index = hint.startIndex
        while index <= hint.endIndex {
            let boundary = index == hint.endIndex || hint[index] == 0x20 || hint[index] == 0x2D
                || hint[index] == 0x5F
            if boundary {
                let length = index - start
                if length > 0 && length <= maximumLength {
                    let word = hint[start..<index]
                    if tokens.contains(where: { $0.count == length && word.elementsEqual($0) }) {
                        return true
                    }
                }
                start = index + 1
            }
            index += 1
        }
        return false
    }
}
