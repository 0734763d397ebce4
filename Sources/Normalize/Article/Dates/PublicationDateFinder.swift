import Foundation

/// Decides when an article was first published (and last modified) from every signal a page
/// carries: JSON-LD, OpenGraph and CMS meta names, `<time>`/`itemprop` markup, the URL path and
/// visible datelines in many languages.
///
/// Signals are trusted in `DateCandidate.Source` order, the most specific structured one
/// first, with two corrections that generalize across sites:
/// - a UTC timestamp is moved to the publisher's own calendar day when the URL or the page
///   names a day within the time-zone span of it (a story published at 21:00 in New York is
///   dated the 8th, not the UTC 9th);
/// - dates after the reference time (plus a day) or before 1995 are not publication dates.
/// The result is the date as the publisher writes it (wall clock, labelled UTC).
struct PublicationDateFinder {
    let tree: HTMLTree
    /// Lower-cased meta keys (`property`, `name`, `itemprop`) to the first `content`.
    let meta: [String: String]
    let structured: StructuredData
    /// Canonical, `og:url` and the page URL, in that order; any may be missing.
    let urls: [String?]
    let language: String?
    let reference: Date
    /// The page as fetched, for `RawTimestamp` when nothing else dates it.
    var rawHTML: Data? = nil
    /// Whether `reference` is when the page was fetched: without that, "3 hours ago" names no day.
    var relativeDates = true

    struct Result {
        var published: WrittenDate?
        var modified: WrittenDate?
        /// `published` is only a fallback (an update date, the first date on the page, a
        /// timestamp in the raw markup, the date the raw markup repeats most): a source's own
        /// date (a feed entry's) is better.
        var publishedIsGuess = false
    }

    func find() -> Result {
        let dayFirst = DateConvention.dayFirst(language: language, urls: urls)
        var published: [DateCandidate] = []
        var modified: [DateCandidate] = []
        func add(_ value: String?, _ source: DateCandidate.Source, to list: inout [DateCandidate], position: Int32 = -1) {
            guard let value, let date = MetadataDateText.parse(value, dayFirst: dayFirst) else { return }
            list.append(DateCandidate(date: date, source: source, position: position))
        }
        for entry in structured.dateEntries {
            add(entry.published, entry.isArticle ? .articleJSONLD : .otherJSONLD, to: &published)
            add(entry.modified, entry.isArticle ? .articleJSONLD : .otherJSONLD, to: &modified)
        }
        for key in MetaDateNames.published { add(meta[key], .publishedMeta, to: &published) }
        for key in MetaDateNames.other { add(meta[key], .otherMeta, to: &published) }
        for key in MetaDateNames.modified { add(meta[key], .otherMeta, to: &modified) }
        let markup = MarkupDates(tree: tree, dayFirst: dayFirst, reference: reference)
        // Markup inside comments or sidebars dates another item: only when the page labels none.
        var awayMarkup: [DateCandidate] = []
        for item in markup.found where (relativeDates || !item.relative) && item.label != .unrelated {
            let source: DateCandidate.Source = item.relative ? .relative : item.structured
                ? (item.near ? .headerMarkup : .farMarkup) : (item.near ? .dateline : .farDateline)
            let strength = (item.label == .published ? 4 : 0) + (item.afterHeadline ? 2 : 0)
                + (item.hinted && !item.structured ? 1 : 0)
            let candidate = DateCandidate(date: item.date, source: source, position: item.position, strength: strength)
            if item.label == .modified { modified.append(candidate) } else if item.structured && item.away && !item.near {
                awayMarkup.append(candidate)
            } else if item.structured || item.near || item.hinted {
                published.append(candidate)
            }
        }
        let urlDate = urls.lazy.compactMap { $0.flatMap(URLDate.find) }.first
        if let urlDate, let day = urlDate.day, let date = WrittenDate(year: urlDate.year, month: urlDate.month, day: day) {
            published.append(DateCandidate(date: date, source: .url))
        }
        published = published.filter(plausible)
        modified = modified.filter(plausible)
        awayMarkup = awayMarkup.filter(plausible)
        let lastModified = modified.min { $0.precedes($1) }?.date
        let labelledOnly = awayMarkup.isEmpty ? nil : PageWideDates.find(tree: tree, dayFirst: dayFirst) {
            plausible(DateCandidate(date: $0, source: .farDateline))
        }.labelled
        if let labelledOnly, !published.contains(where: { $0.source <= .farMarkup }) {
            return Result(published: labelledOnly, modified: lastModified)
        }
        published += awayMarkup
        if let chosen = choose(published, url: urlDate) { return Result(published: chosen, modified: lastModified) }
        // Nothing specific: meta keys whose words name a publication, then the whole page.
        var byWords: [DateCandidate] = []
        for key in meta.keys.filter(MetaDateNames.soundsPublished).sorted() { add(meta[key], .otherMeta, to: &byWords) }
        if let chosen = choose(byWords.filter(plausible), url: urlDate) { return Result(published: chosen, modified: lastModified) }
        // The page's own script state ("publishedAt" in a framework's JSON).
        if let state = rawHTML.flatMap({ ScriptStateDates.first(in: $0, dayFirst: dayFirst) { plausible(DateCandidate(date: $0, source: .otherMeta)) } }) {
            return Result(published: state, modified: lastModified)
        }
        // A publication date labelled anywhere on the page; then an "updated" or "Stand:" date (the
        // page was at least published by then); then the first date on the page.
        let pageWide = PageWideDates.find(tree: tree, dayFirst: dayFirst) { plausible(DateCandidate(date: $0, source: .farDateline)) }
        // Last, a timestamp that only the raw markup keeps (scripts, attributes).
        let raw = pageWide.labelled ?? lastModified ?? pageWide.first == nil
            ? rawHTML.flatMap { RawTimestamp.first(in: $0) { plausible(DateCandidate(date: $0, source: .farMarkup)) } } : nil
        if let labelled = pageWide.labelled { return Result(published: labelled, modified: lastModified) }
        // The day and month under the headline without a year ("[06月24日 11時30分]") are the
        // page's own: the guess only lends its year.
        let ownDay = { (guess: WrittenDate) -> WrittenDate? in
            markup.yearless.flatMap { YearlessDate.complete($0, near: guess) }
                .flatMap { self.plausible(DateCandidate(date: $0, source: .dateline)) ? $0 : nil }
        }
        // An update date, the first date anywhere or a timestamp in the raw markup only bound
        // or guess the publication: a source's own date is better.
        if let found = lastModified ?? pageWide.first ?? raw {
            return Result(published: ownDay(found) ?? found, modified: lastModified, publishedIsGuess: true)
        }
        // Nothing at all: the full date the raw markup repeats most (its links, ids, file names).
        let repeated = rawHTML.flatMap { PageDatePatterns.find(in: $0, dayFirst: dayFirst) { plausible(DateCandidate(date: $0, source: .farMarkup)) } }
        // Not even that: when the page was fetched just now, a day and month under the headline
        // are the latest such day by then.
        let lastSuch = repeated == nil && relativeDates ? markup.yearless.flatMap { YearlessDate.latest($0, by: reference) } : nil
        let guess = repeated.map { ownDay($0) ?? $0 } ?? lastSuch
        return Result(published: guess, modified: nil, publishedIsGuess: guess != nil)
    }

    private func plausible(_ candidate: DateCandidate) -> Bool {
        let latest = Int((reference.timeIntervalSince1970 / 86400).rounded(.down)) + 1
        return candidate.date.year >= 1995 && candidate.date.dayNumber <= latest
    }

    private func choose(_ candidates: [DateCandidate], url: URLDate.Found?) -> WrittenDate? {
        guard var best = candidates.min(by: { $0.precedes($1) }) else { return nil }
        // A UTC timestamp: the publisher's day may be the one before or after. The permalink
        // says which when it has a day; otherwise the page's own local signals.
        if best.date.offset == 0, best.date.time != nil, let instant = best.date.instant {
            let urlDay = url.flatMap { found in found.day.flatMap { WrittenDate(year: found.year, month: found.month, day: $0) } }
            let local = urlDay.map { DateCandidate(date: $0, source: .url) } ?? candidates.first { other in
                Self.namesLocalDay(other) && other.date.offset != 0
            }
            if let local, abs(local.date.dayNumber - best.date.dayNumber) == 1,
               Self.dayMayHold(local.date.dayNumber, instant) {
                best = DateCandidate(date: WrittenDate.fromDayNumber(local.date.dayNumber) ?? best.date, source: best.source)
            }
        }
        // The permalink's day is when the story first went up; a later structured date is a
        // re-publication or an edit.
        if let url, let day = url.day, best.source != .url,
           let urlDate = WrittenDate(year: url.year, month: url.month, day: day),
           best.date.dayNumber - urlDate.dayNumber > 1 {
            return urlDate
        }
        return best.date
    }

    /// Signals that speak for the publisher's own calendar: the permalink, the page's own
    /// header and datelines, and metadata that states a zone.
    private static func namesLocalDay(_ candidate: DateCandidate) -> Bool {
        switch candidate.source {
        case .url, .dateline, .headerMarkup: return true
        case .articleJSONLD, .publishedMeta, .otherMeta: return candidate.date.offset != nil
        case .otherJSONLD, .farMarkup, .farDateline, .relative: return false
        }
    }

    /// Whether a zone between UTC-10 and UTC+10 (where nearly all news is written) puts
    /// `instant` on day `day`.
    private static func dayMayHold(_ day: Int, _ instant: Date) -> Bool {
        let seconds = Int(instant.timeIntervalSince1970)
        return seconds >= day * 86400 - 10 * 3600 && seconds < (day + 1) * 86400 + 10 * 3600
    }
}
