/// Why a page gave no article text. A page that yields no record is never dropped silently:
/// the pipeline counts it under this reason in the run summary, the metrics and
/// `copydesk status`, and logs it with its URL.
public enum NoTextReason: String, Sendable, Codable, CaseIterable {
    /// The response was not text (an image, a PDF, compressed bytes served as HTML).
    case binary
    /// The page renders its content with JavaScript; the HTML holds no article text.
    case scriptOnly = "script_only"
    /// A cookie or consent interstitial stood in for the article.
    case consentWall = "consent_wall"
    /// A subscription wall hid the whole article (a teaser, when there is one, is kept as the body).
    case paywall
    /// The page holds no paragraph of text at all (an index page, an empty template).
    case noText = "no_text"
}

extension ExtractedArticle {
    /// Nil when the article has a body; otherwise the most specific reason the page showed.
    public var noTextReason: NoTextReason? {
        guard bodyLines.isEmpty else { return nil }
        if quality.binary { return .binary }
        if quality.consentWall { return .consentWall }
        if quality.paywall { return .paywall }
        if quality.scriptOnly { return .scriptOnly }
        return .noText
    }
}
