/// How the body of an extracted article was obtained and how far to trust it.
public struct QualityFlags: Sendable, Codable, Equatable {
    /// The route that produced the body.
    public enum Method: String, Sendable, Codable {
        /// Density scoring of the DOM, anchored on the best content container.
        case densityScoring
        /// The schema.org `articleBody` text, used when the visible body was missing or short.
        case structuredData
        /// Every reasonable paragraph on the page, when no container stood out.
        case paragraphFallback
        /// Nothing usable was found.
        case none
    }

    /// The route that produced the body.
    public var method: Method
    /// 0…1: how sure the extractor is that the body is the complete article and nothing else.
    public var confidence: Double
    /// The page shows signs of a subscription wall (and the text may be a teaser).
    public var paywall: Bool
    /// The page is a cookie or consent interstitial rather than the article.
    public var consentWall: Bool
    /// The page renders its content with JavaScript; the HTML holds no article text.
    public var scriptOnly: Bool
    /// The body is shorter than a real article.
    public var tooShort: Bool
    /// The input is not text at all (an image, a PDF, compressed bytes served as HTML).
    public var binary: Bool
    /// The charset used to decode the page (an iconv name such as `UTF-8`, `WINDOWS-1252`).
    public var charset: String
    /// Where that charset came from.
    public var charsetSource: CharsetSource

    /// Flags for a record; `ArticleExtractor` sets them from what it saw.
    public init(method: Method = .none, confidence: Double = 0, paywall: Bool = false,
                consentWall: Bool = false, scriptOnly: Bool = false, tooShort: Bool = false,
                binary: Bool = false, charset: String = "UTF-8", charsetSource: CharsetSource = .detected) {
        self.method = method
        self.confidence = confidence
        self.paywall = paywall
        self.consentWall = consentWall
        self.scriptOnly = scriptOnly
        self.tooShort = tooShort
        self.binary = binary
        self.charset = charset
        self.charsetSource = charsetSource
    }
}
