public import Foundation

/// Finds the article links on a section page (a source of `type: "page"`).
public enum PageLinkExtractor {
    /// Article links of `html` (a page fetched from `baseURL`, the final URL after redirects), in
    /// page order, each once (compared by ``CanonicalURL``, fragments dropped).
    ///
    /// With `pattern`, a link is kept when it is on the same site as the page (same registrable
    /// domain) and the regular expression matches somewhere in its path (percent-encoded, e.g.
    /// `^/news/\d{4}/`). Without it, ``ArticleURLHeuristic`` decides.
    public static func articleLinks(html: Data, baseURL: URL, pattern: String?) throws(PageLinkError) -> [URL] {
        var expression: NSRegularExpression?
        if let pattern {
            do {
                expression = try CompiledPatterns.expression(pattern)
            } catch {
                throw .invalidPattern(pattern)
            }
        }
        let scan = HTMLLinkScanner.scan(html)
        let base = scan.baseHref.flatMap { FeedLink.resolve($0, base: baseURL) } ?? baseURL
        let pageCanonical = CanonicalURL(baseURL)?.string
        var seen = Set<String>()
        var links: [URL] = []
        for anchor in scan.anchors {
            guard var url = FeedLink.resolve(anchor.href, base: base) else { continue }
            url = withoutFragment(url)
            guard let canonical = CanonicalURL(url)?.string, canonical != pageCanonical else { continue }
            let keep: Bool
            if let expression {
                guard let host = url.host, let pageHost = baseURL.host, RegistrableDomain.sameSite(host, pageHost) else {
                    continue
                }
                let path = url.path(percentEncoded: true)
                keep = expression.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            } else {
                keep = ArticleURLHeuristic.looksLikeArticle(url, onPage: baseURL)
            }
            if keep && seen.insert(canonical).inserted { links.append(url) }
        }
        return links
    }

    private static func withoutFragment(_ url: URL) -> URL {
        guard url.fragment != nil, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return url
        }
        components.fragment = nil
        return components.url ?? url
    }
}

/// A section-page option was unusable.
public enum PageLinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `articlePattern` is not a valid regular expression.
    case invalidPattern(String)

    public var description: String {
        switch self {
        case .invalidPattern(let pattern): "articlePattern is not a valid regular expression: \(pattern)"
        }
    }
}
