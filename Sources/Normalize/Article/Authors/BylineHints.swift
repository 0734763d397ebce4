/// What an element's class and id say about bylines: words of author elements, of byline
/// containers, of parts that are not the name (avatar, bio, date), and of page zones whose
/// authors are someone else's (comments, related stories, teasers, sidebars).
enum BylineHints {
    /// Author name elements: `author`, `autor`, `auteur`, `writer`, `verfasser`.
    static let author = [
        "author", "autor", "auteur", "writer", "verfasser", "journalist", "reporter", "creator",
        "contributor", "firma", "username", "user-name", "profile-name", "penulis", "yazar", "periodista",
        "giornalista", "redattore",
    ]
    /// Containers that hold a byline with other things (date, role).
    static let byline = ["byline", "by-line", "by_line", "posted-by", "postedby", "submitted"]
    /// Parts of an author block that are not the name.
    static let notName = [
        "avatar", "image", "img", "photo", "picture", "foto", "bio", "desc", "social", "twitter",
        "facebook", "mail", "follow", "icon", "position", "job", "role", "count",
        "more", "about", "all-", "posts", "title",
    ]
    /// Date parts, dropped unless the hint also names an author.
    static let date = ["date", "time", "category", "comments-link", "reading"]
    /// Zones whose bylines belong to other items.
    static let zone = [
        "related", "widget_", "widget-area", "widgetcontainer", "widgets", "teaser", "recommend",
        "popular", "trending", "slider", "carousel", "-card", "card-", "card_", "cards", "promo-",
        "promos", "newsletter", "more-", "also", "-tile", "tile-",
    ]
    /// Zones never part of the article's header, however close: comments, sidebars, and the
    /// site's copyright line ("Theme: ColorMag by <a rel=author>ThemeGrill</a>").
    static let hardZone = ["comment", "reply", "discussion", "sidebar", "copyright", "colophon", "site-info"]

    /// Whole class tokens of the site's navigation and account bars (`orb-nav-pri`, `navbar`,
    /// `menu-item`, `statusbar`): a name there is a menu entry or the signed-in reader's.
    static let navigationTokens: [[UInt8]] = ["nav", "navbar", "navigation", "menu", "statusbar", "topbar"].map { Array($0.utf8) }

    static let matcher = PatternSet(groups: [author, byline, notName, date, zone, hardZone])
    static let authorBit: UInt32 = 1
    static let bylineBit: UInt32 = 2
    static let notNameBit: UInt32 = 4
    static let dateBit: UInt32 = 8
    static let zoneBit: UInt32 = 16
    static let hardZoneBit: UInt32 = 32

    /// Case-insensitive whole-value check for `itemprop` / `rel` tokens.
    static func hasToken(_ value: ArraySlice<UInt8>, _ token: String) -> Bool {
        let target = Array(token.utf8)
        var start = value.startIndex
        while start < value.endIndex {
            var end = start
            while end < value.endIndex && value[end] != 0x20 { end += 1 }
            if end - start == target.count {
                var same = true
                for offset in 0..<target.count where (value[start + offset] | 0x20) != target[offset] {
                    same = false
                    break
                }
                if same { return true }
            }
            start = end + 1
        }
        return false
    }
}
