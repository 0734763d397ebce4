import Fetch
import Foundation
import Logging
import Normalize

/// An article link a source announced, with what the source said about it.
struct DiscoveredLink: Sendable {
    var url: URL
    var metadata: EntryMetadata
}

/// Polls one source: conditional GET with the stored validators (unless the source has been
/// caught lying about them), parse, keep the links not seen before (or updated since), queue
/// them, and only then store the new validators and the next poll time.
///
/// "Nothing promised before it is kept": the queue rows are committed before the validators
/// that would turn the next poll into a 304, so a kill between the two costs one re-parse,
/// never an article.
struct SourcePoller {
    let context: PipelineContext

    /// Sitemap entries older than this are history (use `backfill --sitemap` for them).
    static let sitemapMaxAge: TimeInterval = 3 * 86_400
    /// Child sitemaps followed from one index, and links taken from one source per poll.
    static let maxChildSitemaps = 50
    static let maxLinksPerPoll = 2_000

    private var schedule: PollSchedule {
        PollSchedule(minIntervalMinutes: Int(context.config.polling.minIntervalMinutes.rounded()),
                     maxIntervalMinutes: Int(context.config.polling.maxIntervalMinutes.rounded()))
    }

    func poll(_ source: SourceConfig, now: Date) async {
        var record = ((try? context.store.source(named: source.name)) ?? nil) ?? SourceRecord(name: source.name, url: source.url)
        if record.url != source.url {
            // The configured URL changed: old validators and history say nothing about the new one.
            record = SourceRecord(name: source.name, url: source.url)
        }
        guard let url = URL(string: source.url) else { return }
        var state = Self.decodeState(record.scheduleJSON)
        context.stats.update(source.name) { $0.polled += 1 }
        record.polls += 1
        record.lastPollAt = now

        let validators = state.trustsValidators ? Validators(etag: record.etag, lastModified: record.lastModified) : nil
        let useValidators = validators.map { !$0.isEmpty } ?? false
        do {
            let response = try await context.client.fetch(
                FetchRequest(url: url, conditional: useValidators, validators: useValidators ? validators : nil, isDiscovered: false))
            let hints = PollHints(feed: nil, cacheControl: response.headers["Cache-Control"], expires: response.headers["Expires"])
            if response.isNotModified {
                context.stats.fetched(source.name, outcome: "not_modified")
                context.stats.update(source.name) { $0.unchanged += 1 }
                record.notModified += 1
                let observation = PollObservation(at: now, status: 304, newItems: 0)
                record.nextPollAt = schedule.record(observation, hints: hints, into: &state)
                succeed(&record, state: state)
                return
            }
            context.stats.fetched(source.name, outcome: "ok")
            let discovery = try await discover(source, response: response, now: now)
            let allHints = discovery.feed.map { PollHints(feed: $0, cacheControl: response.headers["Cache-Control"], expires: response.headers["Expires"]) } ?? hints
            let contentHash = discovery.contentHash
            if contentHash == state.lastContentHash {
                // Same entries as last time: nothing new, whatever the validators said.
                context.stats.update(source.name) { $0.unchanged += 1 }
                record.notModified += 1
            }
            let fresh = contentHash == state.lastContentHash ? [] : try newLinks(discovery.links, source: source.name)
            try context.store.enqueue(fresh.map { link in
                QueuedURL(canonicalURL: link.canonical, url: link.link.url.absoluteString, source: source.name,
                          entryJSON: link.link.metadata.json(), nextAttemptAt: now)
            })
            context.stats.update(source.name) { $0.newEntries += fresh.count }
            let observation = PollObservation(at: now, status: response.status, newItems: fresh.count,
                                              etag: response.validators.etag, lastModified: response.validators.lastModified,
                                              contentHash: contentHash)
            record.nextPollAt = schedule.record(observation, hints: allHints, into: &state)
            // Only now, with the new entries durably queued, may the validators move on.
            record.etag = response.validators.etag
            record.lastModified = response.validators.lastModified
            record.contentHash = String(contentHash, radix: 16)
            succeed(&record, state: state)
            context.logger.info("polled", metadata: ["source": "\(source.name)", "entries": "\(discovery.links.count)", "new": "\(fresh.count)"])
        } catch {
            let (errorClass, message) = Self.describe(error)
            context.stats.fetched(source.name, outcome: errorClass)
            context.stats.failed(source.name, errorClass: errorClass, message: message)
            context.logger.warning("source failed", metadata: ["source": "\(source.name)", "url": "\(source.url)", "error.class": "\(errorClass)", "error": "\(message)"])
            record.consecutiveFailures += 1
            record.lastError = "\(errorClass): \(message)"
            // Back off from a failing source: min interval doubled per failure, up to the max.
            let backoff = min(schedule.maxInterval, max(schedule.minInterval, 60) * pow(2, Double(min(record.consecutiveFailures - 1, 16))))
            record.nextPollAt = now.addingTimeInterval(backoff)
            save(record, state: state)
        }
    }

    private func succeed(_ record: inout SourceRecord, state: SourcePollState) {
        record.lastSuccessAt = record.lastPollAt
        record.consecutiveFailures = 0
        record.lastError = nil
        save(record, state: state)
    }

    private func save(_ record: SourceRecord, state: SourcePollState) {
        var record = record
        record.scheduleJSON = (try? JSONEncoder().encode(state)).map { String(decoding: $0, as: UTF8.self) }
        do {
            try context.store.saveSource(record)
        } catch {
            context.logger.error("could not save source state", metadata: ["source": "\(record.name)", "error": "\(error)"])
        }
    }

    static func decodeState(_ json: String?) -> SourcePollState {
        guard let json, let state = try? JSONDecoder().decode(SourcePollState.self, from: Data(json.utf8)) else {
            return SourcePollState()
        }
        return state
    }

    /// Canonicalises links and keeps those not known yet, or whose entry was updated since.
    private func newLinks(_ links: [DiscoveredLink], source: String) throws -> [(canonical: String, link: DiscoveredLink)] {
        var seen = Set<String>()
        var candidates: [(canonical: String, link: DiscoveredLink)] = []
        for link in links.prefix(Self.maxLinksPerPoll) {
            guard let canonical = CanonicalURL(link.url)?.string, seen.insert(canonical).inserted else { continue }
            candidates.append((canonical, link))
        }
        let known = try context.store.knownURLs(candidates.map(\.canonical))
        return candidates.filter { candidate in
            guard let existing = known[candidate.canonical] else { return true }
            guard let updated = candidate.link.metadata.updated, let recorded = existing.entryUpdatedAt else { return false }
            return updated > recorded
        }
    }

    static func describe(_ error: any Error) -> (errorClass: String, message: String) {
        if let error = error as? FetchError { return (error.errorClass, "\(error)") }
        if let error = error as? FeedError { return ("parse", "\(error)") }
        if let error = error as? SitemapError { return ("parse", "\(error)") }
        if let error = error as? PageLinkError { return ("parse", "\(error)") }
        return ("internal", "\(error)")
    }
}
