import Foundation

/// One date a page offers for its publication (or modification), with where it came from.
struct DateCandidate: Sendable {
    /// Where the date was found, most specific first: the order in which signals are trusted.
    enum Source: Int, Comparable, Sendable {
        /// `article:published_time` and its OpenGraph spellings: set when the story goes live,
        /// where an SEO plugin's JSON-LD may carry the draft's date (read first, as htmldate does).
        case publishedMeta
        /// `datePublished` of an Article-family JSON-LD object.
        case articleJSONLD
        /// `itemprop="datePublished"` or `<time>` in the article header or next to the headline.
        case headerMarkup
        /// A visible dateline next to the headline or in a byline-like element.
        case dateline
        /// Other publisher and CMS meta names (`dc.date`, `pubdate`, `sailthru.date`, …).
        case otherMeta
        /// The date in the URL path.
        case url
        /// `datePublished` of a non-article JSON-LD object (`WebPage`, `VideoObject`, …).
        case otherJSONLD
        /// `itemprop`/`<time>` anywhere else on the page.
        case farMarkup
        /// Visible text under a date-ish class name, away from the headline.
        case farDateline
        /// "3 hours ago": only as good as the reference time, which a stored page lacks.
        case relative

        static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var date: WrittenDate
    var source: Source
    /// Node index for markup and datelines (document order), -1 otherwise.
    var position: Int32 = -1
    /// Within one source: 4 for a "Published" label, 2 for a place right under the headline,
    /// 1 for a date-ish class, added.
    var strength = 0

    /// Whether `self` is trusted before `other`: source first, then strength, then page order.
    func precedes(_ other: DateCandidate) -> Bool {
        if source != other.source { return source < other.source }
        return strength > other.strength
    }
}
