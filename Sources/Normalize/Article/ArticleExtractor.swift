import Foundation

/// Extracts the article body and metadata from an HTML page.
///
/// One parse (libxml2 SAX into a compact tree), a few linear passes of statistics, density
/// scoring to find the article container, and a walk of that container that leaves the
/// furniture out. Structured data (JSON-LD `articleBody`) backs the visible text up when the
/// markup fails. Never throws: garbage yields an empty body and flags that say why.
public struct ArticleExtractor: Sendable {
    /// Bodies shorter than this many characters are flagged `tooShort`.
    public var minimumBodyCharacters: Int

    /// An extractor; it holds no state and can be shared by any number of tasks.
    public init(minimumBodyCharacters: Int = 250) {
        self.minimumBodyCharacters = minimumBodyCharacters
    }

    /// The article in `input`: body lines, metadata and quality flags.
    public func extract(_ input: ArticleInput) -> ExtractedArticle {
        // Read in place: a page is often 100 KB or more, and clean UTF-8 (nearly every page)
        // needs no converted copy before the prefilter writes its own.
        let front = input.html.withUnsafeBytes { raw in
            Self.prepare(raw.bindMemory(to: UInt8.self), contentType: input.contentType)
        }
        guard let stripped = front.stripped else {
            return ExtractedArticle(quality: QualityFlags(tooShort: true, binary: true, charset: front.charset,
                                                          charsetSource: front.source))
        }
        let tree = HTMLParser.parse(utf8: stripped.bytes, hints: stripped.hints)
        var article = extract(tree: tree, input: input)
        article.quality.charset = front.charset
        article.quality.charsetSource = front.source
        return article
    }

    /// The page's charset and, unless it is binary, its bytes as UTF-8 after the prefilter.
    private static func prepare(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?)
        -> (charset: String, source: CharsetSource, stripped: (bytes: [UInt8], hints: HintStash?)?) {
        let (charset, source) = CharsetDetector.detect(bytes, contentType: contentType)
        if !charset.hasPrefix("UTF-16") && looksBinary(bytes) { return (charset, source, nil) }
        // Script, style and SVG bodies are most of a page's bytes and none of its text.
        if charset == "UTF-8", source != .byteOrderMark, UTF8Repair.isClean(bytes) {
            return (charset, source, MarkupPrefilter.strip(bytes, liftingHints: true))
        }
        let utf8 = CharsetDecoder.toUTF8(Array(bytes), charset: charset)
        return (charset, source, MarkupPrefilter.strip(utf8, liftingHints: true))
    }

    /// Text, even in a broken encoding, has few control characters; images, PDFs and
    /// compressed streams are full of them. Judged on the first 4 KiB.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(bytes.count, 4096)
        guard count >= 64, let base = bytes.baseAddress else { return false }
        // Without branches: it runs on every page.
        var controls = 0
        for index in 0..<count {
            let byte = base[index]
            // Below tab, 0x0E ... 0x1F (not the blanks between), or DEL.
            controls &+= (byte < 0x09 ? 1 : 0) | (byte &- 0x0E < 0x12 ? 1 : 0) | (byte == 0x7F ? 1 : 0)
        }
        return controls * 10 > count
    }

    func extract(tree: HTMLTree, input: ArticleInput) -> ExtractedArticle {
        let metadata = MetadataReader(tree: tree, pageURL: input.url, referenceTime: input.fetchedAt,
                                      rawHTML: input.html).read()
        let analysis = PageAnalysis(tree: tree)
        var body = BodySelection(analysis: analysis, metadata: metadata).select()
        body.lines = body.lines.map(TextNormalizer.nfc)

        var article = ExtractedArticle(
            bodyLines: body.lines, title: metadata.title, published: metadata.published,
            modified: metadata.modified, authors: metadata.authors, language: nil,
            description: metadata.description, canonicalURL: metadata.canonicalURL,
            siteName: metadata.siteName, imageURL: metadata.imageURL)
        article.publishedOffset = metadata.publishedOffset
        article.publishedIsGuess = metadata.publishedIsGuess
        article.modifiedOffset = metadata.modifiedOffset
        article.language = language(declared: metadata.declaredLanguage,
                                    header: input.contentLanguage, body: body.lines)
        article.quality = QualityAssessor(minimumBodyCharacters: minimumBodyCharacters)
            .assess(body: body, analysis: analysis, metadata: metadata)
        return article
    }

    /// The text decides when it is long enough to be sure; otherwise the page's own
    /// declaration (which is often a template default), then the HTTP header.
    private func language(declared: String?, header: String?, body: [String]) -> String? {
        let declaredTag = LanguageDetector.primaryTag(declared) ?? LanguageDetector.primaryTag(header)
        var sample = ""
        for line in body {
            sample += line
            sample += "\n"
            if sample.utf8.count > LanguageDetector.sampleBytes { break }
        }
        if let detected = LanguageDetector.detect(sample) {
            return detected
        }
        return declaredTag
    }
}
