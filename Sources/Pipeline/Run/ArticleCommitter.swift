import Foundation
import Logging
import Normalize

/// The decide-and-write step for one extracted article: which URL it is, whether it is new,
/// a revision, unchanged, or a duplicate, and the record that follows. Runs on the writer
/// stage only (one at a time), so the dedupe index and the state never see two decisions race.
final class ArticleCommitter: Sendable {
    private let context: PipelineContext

    init(context: PipelineContext) {
        self.context = context
    }

    /// What became of an article.
    enum Outcome: Equatable {
        case recorded(id: String, revision: Int)
        case duplicate(id: String, of: String)
        case unchanged
        case empty
    }

    func commit(_ page: ExtractedPage, now: Date) throws -> Outcome {
        let item = page.item
        let extracted = page.article
        let text = extracted.text
        guard !extracted.bodyLines.isEmpty else {
            // Nothing to record: counted as an extraction failure by the caller.
            return .empty
        }
        let canonical = canonicalURL(for: page)
        let id = RecordID(value: RecordID.hash(canonical)).hex
        let contentHash = ContentHash.of(text)
        let known = try context.store.knownURL(canonical) ?? (canonical == item.canonicalURL ? nil : try context.store.knownURL(item.canonicalURL))
        let fingerprint = context.dedupe.fingerprint(text)
        let metadata = EntryMetadata.from(json: item.entryJSON)

        var revision = 1
        var supersedes: String?
        if let known {
            if known.contentHash == contentHash || context.dedupe.isSameVersion(fingerprint, known.signature) {
                try context.store.markUnchanged(known.canonicalURL, entryUpdatedAt: metadata.updated, at: now)
                if known.canonicalURL != item.canonicalURL { try context.store.dequeue([item.canonicalURL]) }
                return .unchanged
            }
            revision = known.revision + 1
            supersedes = known.lastFile
        }

        let decision = context.dedupe.check(id: id, fingerprint: fingerprint, at: now)
        var manifest = ManifestRecord(id: id, url: page.finalURL, canonicalURL: canonical, source: item.source,
                                      fetchedAt: page.fetchedAt, wordCount: Self.wordCount(extracted.bodyLines),
                                      contentHash: contentHash, revision: revision)
        manifest.title = extracted.title ?? metadata.title
        manifest.published = extracted.published ?? metadata.published
        manifest.modified = extracted.modified ?? metadata.updated
        manifest.authors = extracted.authors.isEmpty ? metadata.authors : extracted.authors
        manifest.categories = metadata.categories
        manifest.language = extracted.language ?? metadata.language ?? context.sourceLanguage(item.source)
        manifest.description = extracted.description
        manifest.siteName = extracted.siteName
        manifest.imageURL = extracted.imageURL
        manifest.supersedes = supersedes
        manifest.extraction = ExtractionSummary(method: extracted.quality.method.rawValue,
                                                confidence: extracted.quality.confidence,
                                                flags: Self.flagNames(extracted.quality))
        var duplicateOf: String?
        if case .duplicate(let of, let similarity) = decision {
            duplicateOf = of
            manifest.duplicateOf = of
            manifest.similarity = similarity
        }
        let keepText = duplicateOf == nil || context.config.dedupe.policy == .keep
        let record = PreparedRecord(id: id, canonicalURL: canonical, source: item.source, contentHash: contentHash,
                                    revision: revision, duplicateOf: duplicateOf, body: keepText ? text : nil,
                                    manifest: manifest, entryUpdatedAt: metadata.updated,
                                    signature: context.dedupe.signature(fingerprint))
        _ = try context.writer.commit([record], at: now)
        if canonical != item.canonicalURL { try context.store.dequeue([item.canonicalURL]) }
        // Check, write, then index: a kill in between leaves a record that is not indexed
        // (a later reprint is kept), never an index entry without its record.
        context.dedupe.insert(id: id, fingerprint: fingerprint, at: now, decision: decision)
        if let duplicateOf {
            return .duplicate(id: id, of: duplicateOf)
        }
        return .recorded(id: id, revision: revision)
    }

    /// The page's own same-site canonical URL wins over the feed's link.
    private func canonicalURL(for page: ExtractedPage) -> String {
        if let declared = page.article.canonicalURL,
           let declaredURL = URL(string: declared), let finalURL = URL(string: page.finalURL),
           let declaredHost = declaredURL.host, let finalHost = finalURL.host,
           RegistrableDomain.sameSite(declaredHost, finalHost),
           let canonical = CanonicalURL(declaredURL) {
            return canonical.string
        }
        return page.item.canonicalURL
    }

    static func flagNames(_ quality: QualityFlags) -> [String] {
        var names: [String] = []
        if quality.paywall { names.append("paywall") }
        if quality.consentWall { names.append("consent_wall") }
        if quality.scriptOnly { names.append("script_only") }
        if quality.tooShort { names.append("too_short") }
        return names
    }

    static func wordCount(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + $1.split(whereSeparator: { $0 == " " }).count }
    }
}
