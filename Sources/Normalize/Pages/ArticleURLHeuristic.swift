public import Foundation

/// Decides whether a link on a section page looks like an article, when the source gives no
/// `articlePattern`. A link is an article when it is on the same site as the page (same
/// registrable domain, subdomains allowed), is not an asset or a utility page, and its path
/// shows at least one article signal:
///
/// - **a date**: `/2024/03/15/`, `/2024/03/`, `/2024-03-15/`, or an 8-digit `20240315` in a segment;
/// - **a long slug**: a segment of at least 4 hyphen-separated words and 20 characters
///   (`city-council-approves-new-budget`), with or without `.html`;
/// - **a numeric id**: a segment of 5 or more digits, a slug ending in `-12345` or `.12345`, an id
///   like `a-1234567`, or a `?p=`, `?id=` or `?article=` query with digits.
///
/// Never articles: the page itself, the site root, assets (images, scripts, styles, documents,
/// media, feeds by extension), and any path with a segment naming a listing or utility page:
/// tag(s), topic(s), category/categories, section(s), author(s), user(s), profile, page (pagination),
/// search, login/signin/logout/register/signup, subscribe/subscription, account, newsletter(s),
/// about, contact, privacy, terms, cookies, help, faq, careers, jobs, advertise, feed, rss, static,
/// assets, wp-admin, wp-content, wp-json, cdn-cgi.
public enum ArticleURLHeuristic {
    static let excludedSegments: Set<String> = [
        "tag", "tags", "topic", "topics", "category", "categories", "section", "sections", "author", "authors", "user",
        "users", "profile", "page", "search", "login", "log-in", "signin", "sign-in", "logout", "register", "signup",
        "sign-up", "subscribe", "subscription", "subscriptions", "account", "newsletter", "newsletters", "about",
        "about-us", "contact", "contact-us", "privacy", "privacy-policy", "terms", "terms-of-service",
        "terms-of-use", "cookies", "cookie-policy", "help", "faq", "careers", "jobs", "advertise", "feed", "feeds",
        "rss", "static", "assets", "wp-admin", "wp-content", "wp-includes", "wp-json", "cdn-cgi", "wp-login.php",
    ]

    static let assetExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "avif", "css", "js", "mjs", "json", "xml", "rss",
        "atom", "pdf", "zip", "gz", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "mp3", "mp4", "m4a", "webm", "mov",
        "avi", "ogg", "wav", "woff", "woff2", "ttf", "eot", "txt", "csv", "apk", "exe", "dmg",
    ]

    /// Whether `url`, linked from a page at `pageURL`, looks like an article.
    public static func looksLikeArticle(_ url: URL, onPage pageURL: URL) -> Bool {
        guard let host = url.host, let pageHost = pageURL.host, RegistrableDomain.sameSite(host, pageHost) else {
            return false
        }
        let segments = url.path.split(separator: "/").map { $0.lowercased() }
        guard !segments.isEmpty || url.query != nil else { return false }
        if let last = segments.last, let dot = last.lastIndex(of: ".") {
            let fileExtension = String(last[last.index(after: dot)...])
            if assetExtensions.contains(fileExtension) { return false }
        }
        if segments.contains(where: { excludedSegments.contains($0) }) { return false }
        return hasDate(segments) || hasSlug(segments) || hasNumericID(segments, query: url.query)
    }

    private static func hasDate(_ segments: [String]) -> Bool {
        for (index, segment) in segments.enumerated() {
            if segment.count == 4, let year = Int(segment), (1990...2100).contains(year), index + 1 < segments.count,
                let month = Int(segments[index + 1]), (1...12).contains(month), segments[index + 1].count <= 2
            {
                return true
            }
            // 2024-03-15 as a segment, or at the start of one.
            let digits = segment.prefix(10)
            if digits.count == 10, FeedDate.parse(String(digits)) != nil, digits.dropFirst(4).first == "-" { return true }
            // 20240315 as a run of exactly eight digits somewhere in a segment.
            for run in segment.split(whereSeparator: { !($0.isASCII && $0.isNumber) }) where run.count == 8 {
                let text = String(run)
                let dashed = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
                if let year = Int(text.prefix(4)), (1990...2100).contains(year), FeedDate.parse(dashed) != nil {
                    return true
                }
            }
        }
        return false
    }

    private static func hasSlug(_ segments: [String]) -> Bool {
        segments.contains { segment in
            let name = segment.split(separator: ".").first.map(String.init) ?? segment
            let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" }).filter { !$0.isEmpty }
            return words.count >= 4 && name.count >= 20
        }
    }

    private static func hasNumericID(_ segments: [String], query: String?) -> Bool {
        for segment in segments {
            let name = segment.split(separator: ".").first.map(String.init) ?? segment
            if name.count >= 5 && name.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
            let trailingDigits = name.reversed().prefix(while: { $0.isASCII && $0.isNumber }).count
            if trailingDigits >= 5 { return true }
            let afterDot = segment.split(separator: ".").last.map(String.init) ?? ""
            if segment.contains("."), afterDot.count >= 5, afterDot.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        }
        if let query {
            for parameter in query.split(separator: "&") {
                let parts = parameter.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, ["p", "id", "article", "story", "articleid", "story_id", "article_id"].contains(parts[0].lowercased())
                else { continue }
                if parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
            }
        }
        return false
    }
}
