public import Foundation

/// What a one-shot backfill reads.
public struct BackfillOptions: Sendable, Equatable {
    /// A file with one URL per line (`-` for standard input); blank lines and `#` comments ignored.
    public var urlList: String?
    /// A sitemap or sitemap index.
    public var sitemap: URL?
    /// A feed whose RFC 5005 `prev-archive` chain is followed.
    public var feed: URL?
    /// WARC files, plain or gzip-compressed.
    public var warcFiles: [String] = []
    /// Only WARC records whose host matches (`example.com`, `*.example.com`).
    public var hostPattern: String?
    /// Date window: sitemap `lastmod` / `news:publication_date`, feed entry dates, `WARC-Date`.
    public var since: Date?
    public var until: Date?
    /// Label of the records; derived from the input when absent.
    public var source: String?
    /// WARC input: extract URLs that already have a record again, instead of skipping them. The
    /// writer then records a revision where the text changed and nothing where it did not: how
    /// an improved extractor is re-run over an archive of what was collected.
    public var reextract = false
    /// A job name: workers started with the same name share the job's inputs (WARC files,
    /// queued URLs) and its checkpoints. Without it the job is named by its arguments.
    public var jobName: String?

    public init() {}

    /// The label the records carry.
    public var sourceName: String {
        if let source { return source }
        if let sitemap { return "backfill-" + (sitemap.host ?? "sitemap") }
        if let feed { return "backfill-" + (feed.host ?? "feed") }
        if let first = warcFiles.first { return "backfill-" + URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent }
        if let urlList, urlList != "-" { return "backfill-" + URL(fileURLWithPath: urlList).deletingPathExtension().lastPathComponent }
        return "backfill"
    }

    /// A stable key of the job, so that the same command resumes its own checkpoints and two
    /// identical backfills never run at once.
    public var jobKey: String {
        if let jobName { return "job-" + jobName }
        let parts = [urlList ?? "", sitemap?.absoluteString ?? "", feed?.absoluteString ?? "",
                     warcFiles.joined(separator: ","), hostPattern ?? "",
                     since.map { "\($0.timeIntervalSince1970)" } ?? "", until.map { "\($0.timeIntervalSince1970)" } ?? "",
                     sourceName, reextract ? "reextract" : ""]
        return ContentHash.of(parts.joined(separator: "\u{1F}")).prefix(16).description
    }

    /// Whether `date` falls in the window (an unknown date passes).
    func inWindow(_ date: Date?) -> Bool {
        guard let date else { return true }
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }
}
