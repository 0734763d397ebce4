import Foundation
import Logging
import Normalize

/// The decide-and-write step for a group of extracted articles: which URL each is, whether it
/// is new, a revision, unchanged, or a duplicate, and the records that follow, committed as one
/// group. Runs on the writer stage only (one group at a time), so the dedupe index and the
/// state never see two decisions race.
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

    /// A page that becomes a record (new, or a revision), before the dedupe decision.
    private struct Candidate {
        var index: Int
        var analysed: ExtractedPage.Analysis
        var canonical: String
        var id: String
        var metadata: EntryMetadata
        var revision: Int
        var supersedes: String?
    }

    /// A record about to be written, with what the index needs once it is journalled.
    private struct Pending {
        var index: Int
        var id: String
        var revision: Int
        var fingerprint: DedupeFingerprint
        var decision: DedupeDecision
        var signature: Data
    }

    /// Decides and commits `pages` as one group, exclusively among the processes sharing the
    /// state (see ``StateStore/exclusively(_:)``).
    func commit(_ pages: [ExtractedPage], now: Date) throws -> [Outcome] {
        try context.store.exclusively { release in try decideAndCommit(pages, now: now, release: release) }
    }

    /// `release` ends the exclusion once the group's decisions are journalled and indexed: the
    /// renames, manifest flush and final rows that follow concern this worker's records only.
    private func decideAndCommit(_ pages: [ExtractedPage], now: Date, release: () -> Void) throws -> [Outcome] {
        var outcomes = [Outcome](repeating: .empty, count: pages.count)
        var pending: [Pending] = []
        var records: [PreparedRecord] = []
        var canonicalInGroup = Set<String>()
        // Every URL row the group needs, in one query rather than one per page.
        let canonicals = pages.map { $0.analysis == nil ? nil : canonicalURL(for: $0) }
        var lookups = Set<String>()
        for (page, canonical) in zip(pages, canonicals) {
            guard let canonical else { continue }
            lookups.insert(canonical)
            lookups.insert(page.item.canonicalURL)
        }
        let knownURLs = try context.store.knownURLs(Array(lookups))
        // First which URL each page is, and whether it is new, a revision or unchanged; then
        // the new texts are checked against the index together, on one view of it.
        var candidates: [Candidate] = []
        for (index, page) in pages.enumerated() {
            guard let analysed = page.analysis, let canonical = canonicals[index] else { continue }  // nothing to record
            let item = page.item
            guard canonicalInGroup.insert(canonical).inserted else {
                // The same article reached twice in one group (two feeds, or a redirect).
                outcomes[index] = .unchanged
                continue
            }
            let id = RecordID(value: RecordID.hash(canonical)).hex
            let metadata = EntryMetadata.from(json: item.entryJSON)
            let known = knownURLs[canonical] ?? (canonical == item.canonicalURL ? nil : knownURLs[item.canonicalURL])
            var revision = 1
            var supersedes: String?
            if let known {
                if known.contentHash == analysed.contentHash || context.dedupe.isSameVersion(analysed.fingerprint, known.signature) {
                    try context.store.markUnchanged(known.canonicalURL, entryUpdatedAt: metadata.updated, at: now)
                    if known.canonicalURL != item.canonicalURL { try context.store.dequeue([item.canonicalURL]) }
                    outcomes[index] = .unchanged
                    continue
                }
                revision = known.revision + 1
                supersedes = known.lastFile
            }
            candidates.append(Candidate(index: index, analysed: analysed, canonical: canonical, id: id,
                                        metadata: metadata, revision: revision, supersedes: supersedes))
        }
        let checked = context.dedupe.check(candidates.map { ($0.id, $0.analysed.fingerprint) }, at: now)
        for (candidate, checkedDecision) in zip(candidates, checked) {
            let (index, analysed, id) = (candidate.index, candidate.analysed, candidate.id)
            let signature = context.dedupe.signature(analysed.fingerprint)
            var decision = checkedDecision
            if decision == .unique {
                // The index does not hold this group's earlier records yet: compare with them.
                for earlier in pending where earlier.decision == .unique {
                    if let similarity = context.dedupe.similarity(analysed.fingerprint, toEarlier: earlier.fingerprint,
                                                                  atLeast: context.config.dedupe.threshold) {
                        decision = .duplicate(of: earlier.id, similarity: (similarity * 1000).rounded() / 1000)
                        break
                    }
                }
            }
            records.append(record(for: pages[index], analysed: analysed, canonical: candidate.canonical, id: id,
                                  metadata: candidate.metadata, revision: candidate.revision,
                                  supersedes: candidate.supersedes, decision: decision, signature: signature))
            pending.append(Pending(index: index, id: id, revision: candidate.revision, fingerprint: analysed.fingerprint,
                                   decision: decision, signature: signature))
        }
        // Index once the journal holds the records: recovery will finish any of them, so the
        // index never names a record that will not exist.
        var accepted = Set<String>()
        _ = try context.writer.commit(records, at: now) { entries in
            accepted = Set(entries.map(\.id))
            context.dedupe.insert(pending.filter { accepted.contains($0.id) }.map { ($0.id, $0.fingerprint, $0.decision) }, at: now)
            release()
        }
        let redirected = zip(records, pending).compactMap { record, item in
            accepted.contains(item.id) && record.canonicalURL != pages[item.index].item.canonicalURL ? pages[item.index].item.canonicalURL : nil
        }
        try context.store.dequeue(redirected)
        for item in pending {
            guard accepted.contains(item.id) else {
                // Another worker sharing the state recorded this URL first; it is its record.
                context.logger.debug("recorded by another worker", metadata: ["record.id": "\(item.id)"])
                outcomes[item.index] = .unchanged
                continue
            }
            if let first = item.decision.duplicateOf {
                outcomes[item.index] = .duplicate(id: item.id, of: first)
            } else {
                outcomes[item.index] = .recorded(id: item.id, revision: item.revision)
            }
        }
        return outcomes
    }

    private func record(for page: ExtractedPage, analysed: ExtractedPage.Analysis, canonical: String, id: String,
                        metadata: EntryMetadata, revision: Int, supersedes: String?, decision: DedupeDecision,
                        signature: Data) -> PreparedRecord {
        let extracted = page.article
        var manifest = ManifestRecord(id: id, url: page.finalURL, canonicalURL: canonical, source: page.item.source,
                                      fetchedAt: page.fetchedAt, wordCount: analysed.wordCount,
                                      contentHash: analysed.contentHash, revision: revision)
        manifest.worker = context.manifestWorker
        manifest.title = extracted.title ?? metadata.title
        // The page's own date, unless it is only a guess and the feed or sitemap dated the entry.
        let pagePublished = extracted.publishedIsGuess && metadata.published != nil ? nil : extracted.published
        manifest.published = pagePublished ?? metadata.published
        manifest.publishedOffset = pagePublished == nil ? nil : extracted.publishedOffset
        manifest.modified = extracted.modified ?? metadata.updated
        manifest.modifiedOffset = extracted.modified == nil ? nil : extracted.modifiedOffset
        manifest.authors = extracted.authors.isEmpty ? metadata.authors : extracted.authors
        manifest.categories = metadata.categories
        if let category = context.sourceCategory(page.item.source), !manifest.categories.contains(category) {
            manifest.categories.append(category)
        }
        manifest.language = extracted.language ?? metadata.language ?? context.sourceLanguage(page.item.source)
        manifest.description = extracted.description
        manifest.siteName = extracted.siteName
        manifest.imageURL = extracted.imageURL
        manifest.supersedes = supersedes
        manifest.extraction = ExtractionSummary(method: extracted.quality.method.rawValue,
                                                confidence: extracted.quality.confidence,
                                                flags: Self.flagNames(extracted.quality))
        if case .duplicate(let first, let similarity) = decision {
            manifest.duplicateOf = first
            manifest.similarity = similarity
        }
        let keepText = decision.duplicateOf == nil || context.config.dedupe.policy == .keep
        return PreparedRecord(id: id, canonicalURL: canonical, source: page.item.source, contentHash: analysed.contentHash,
                              revision: revision, duplicateOf: decision.duplicateOf, body: keepText ? analysed.text : nil,
                              manifest: manifest, entryUpdatedAt: metadata.updated, signature: signature)
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
}
