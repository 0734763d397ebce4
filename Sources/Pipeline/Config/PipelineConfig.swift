import Foundation

/// The whole configuration of a pipeline, as read from `pipeline.json`.
///
/// Every section but `sources` may be left out; its keys then take the documented defaults.
/// Relative paths are resolved against the configuration file's folder by ``ConfigLoader``.
public struct PipelineConfig: Codable, Sendable, Equatable {
    public var output: OutputConfig
    public var state: StateConfig
    public var fetch: FetchConfig
    public var dedupe: DedupeConfig
    public var polling: PollingConfig
    public var metrics: MetricsConfig
    /// The raw-response archive (off unless `archive.directory` is set).
    public var archive: ArchiveConfig
    public var sources: [SourceConfig]
    /// This process as a worker of a cluster sharing one PostgreSQL state database.
    public var worker: WorkerConfig
    /// More source lists, besides inline `sources`: OPML files (`.opml`, `.xml`) or JSON files
    /// holding an array of sources (or an object with `sources`). Relative to the configuration
    /// file; ``ConfigLoader`` reads them and appends their sources to `sources`.
    public var sourceFiles: [String]

    public init(
        output: OutputConfig = .init(),
        state: StateConfig = .init(),
        fetch: FetchConfig = .init(),
        dedupe: DedupeConfig = .init(),
        polling: PollingConfig = .init(),
        metrics: MetricsConfig = .init(),
        archive: ArchiveConfig = .init(),
        sources: [SourceConfig] = [],
        sourceFiles: [String] = [],
        worker: WorkerConfig = .init()
    ) {
        self.output = output
        self.state = state
        self.fetch = fetch
        self.dedupe = dedupe
        self.polling = polling
        self.metrics = metrics
        self.archive = archive
        self.sources = sources
        self.sourceFiles = sourceFiles
        self.worker = worker
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        output = try c.decodeIfPresent(OutputConfig.self, forKey: .output) ?? .init()
        state = try c.decodeIfPresent(StateConfig.self, forKey: .state) ?? .init()
        fetch = try c.decodeIfPresent(FetchConfig.self, forKey: .fetch) ?? .init()
        dedupe = try c.decodeIfPresent(DedupeConfig.self, forKey: .dedupe) ?? .init()
        polling = try c.decodeIfPresent(PollingConfig.self, forKey: .polling) ?? .init()
        metrics = try c.decodeIfPresent(MetricsConfig.self, forKey: .metrics) ?? .init()
        archive = try c.decodeIfPresent(ArchiveConfig.self, forKey: .archive) ?? .init()
        sourceFiles = try c.decodeIfPresent([String].self, forKey: .sourceFiles) ?? []
        worker = try c.decodeIfPresent(WorkerConfig.self, forKey: .worker) ?? .init()
        // With source files, inline sources may be left out.
        sources = sourceFiles.isEmpty ? try c.decode([SourceConfig].self, forKey: .sources)
            : try c.decodeIfPresent([SourceConfig].self, forKey: .sources) ?? []
    }
}

/// Where records go.
public struct OutputConfig: Codable, Sendable, Equatable {
    /// Folder holding one `<YYYY-MM-DD>/` folder per UTC day of ingestion.
    public var directory: String = "data/records"

    public init(directory: String = "data/records") { self.directory = directory }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directory = try c.decodeIfPresent(String.self, forKey: .directory) ?? "data/records"
    }
}

/// Where the state database lives: a SQLite file (`path`, the default) or a PostgreSQL
/// database shared by a cluster of workers (`url`); exactly one of the two.
public struct StateConfig: Codable, Sendable, Equatable {
    /// SQLite database file (WAL mode); created with its folder when missing.
    public var path: String = "data/state.sqlite"
    /// libpq URI of a PostgreSQL database (`postgresql://user@host:port/db?sslmode=…`). Never
    /// with a password: libpq reads `PGPASSWORD`, `PGPASSFILE` or `~/.pgpass`.
    public var url: String? = nil
    /// Whether `path` was written in the file (not the default), so that a file giving both
    /// `path` and `url` is an error rather than a silent choice.
    public var pathIsExplicit = false

    private enum CodingKeys: String, CodingKey { case path, url }

    public init(path: String = "data/state.sqlite") {
        self.path = path
        pathIsExplicit = true
    }

    /// A PostgreSQL state database.
    public init(url: String) {
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let explicitPath = try c.decodeIfPresent(String.self, forKey: .path)
        path = explicitPath ?? "data/state.sqlite"
        pathIsExplicit = explicitPath != nil
        url = try c.decodeIfPresent(String.self, forKey: .url)
    }
}

/// This process as one worker of a cluster (with a PostgreSQL `state.url`).
public struct WorkerConfig: Codable, Sendable, Equatable {
    /// The worker's name in the shared database (its journal entries, runs, records, leases);
    /// unique within the cluster. Defaults to the host name.
    public var name: String
    /// How long a lease this worker takes (on a source, a host, a backfill file) lasts unless
    /// renewed: after a crash, others take the work over once it runs out.
    public var leaseSeconds: Double = 60

    /// `name` nil means the host name.
    public init(name: String? = nil, leaseSeconds: Double = 60) {
        self.name = name ?? ProcessInfo.processInfo.hostName
        self.leaseSeconds = leaseSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ProcessInfo.processInfo.hostName
        leaseSeconds = try c.decodeIfPresent(Double.self, forKey: .leaseSeconds) ?? 60
    }
}

/// HTTP behaviour: politeness, limits and safety.
public struct FetchConfig: Codable, Sendable, Equatable {
    public var userAgent: String = "Copydesk/0.1 (+https://example.org/copydesk)"
    /// Transfers in flight across all hosts.
    public var concurrency: Int = 16
    /// Transfers in flight to one host.
    public var perHostConcurrency: Int = 2
    /// Minimum time between the starts of two requests to one host.
    public var perHostDelayMs: Int = 1000
    /// Overall time limit of one transfer, in seconds.
    public var timeoutSeconds: Double = 30
    /// Time limit for the TCP/TLS connect, in seconds.
    public var connectTimeoutSeconds: Double = 10
    /// A transfer slower than `lowSpeedBytesPerSecond` for this long is abandoned as stalled.
    public var stallTimeoutSeconds: Double = 15
    public var lowSpeedBytesPerSecond: Int = 100
    /// Limit on the decompressed body.
    public var maxBodyBytes: Int = 10_485_760
    public var maxRedirects: Int = 8
    /// Attempts for a retryable failure (the first try included).
    public var maxAttempts: Int = 4
    /// Upper bound on a `Retry-After` the client will wait for, in seconds.
    public var maxRetryAfterSeconds: Double = 120
    public var respectRobotsTxt: Bool = true
    /// Allow URLs whose host resolves to loopback, private, link-local or multicast addresses.
    public var allowPrivateNetworks: Bool = false
    /// Proxy URL; when absent the standard environment variables (`https_proxy`, …) apply.
    public var proxy: String? = nil
    /// PEM file of CA certificates trusted besides the system's (a private CA). Certificate
    /// verification itself cannot be turned off.
    public var caFile: String? = nil

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FetchConfig()
        userAgent = try c.decodeIfPresent(String.self, forKey: .userAgent) ?? d.userAgent
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? d.concurrency
        perHostConcurrency = try c.decodeIfPresent(Int.self, forKey: .perHostConcurrency) ?? d.perHostConcurrency
        perHostDelayMs = try c.decodeIfPresent(Int.self, forKey: .perHostDelayMs) ?? d.perHostDelayMs
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? d.timeoutSeconds
        // A default follows what the user did set: with `timeoutSeconds` below the default
        // connect limit, the connect limit is the overall one (not an error about a key the
        // user never wrote).
        connectTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .connectTimeoutSeconds)
            ?? min(d.connectTimeoutSeconds, timeoutSeconds)
        stallTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .stallTimeoutSeconds) ?? d.stallTimeoutSeconds
        lowSpeedBytesPerSecond = try c.decodeIfPresent(Int.self, forKey: .lowSpeedBytesPerSecond) ?? d.lowSpeedBytesPerSecond
        maxBodyBytes = try c.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? d.maxBodyBytes
        maxRedirects = try c.decodeIfPresent(Int.self, forKey: .maxRedirects) ?? d.maxRedirects
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? d.maxAttempts
        maxRetryAfterSeconds = try c.decodeIfPresent(Double.self, forKey: .maxRetryAfterSeconds) ?? d.maxRetryAfterSeconds
        respectRobotsTxt = try c.decodeIfPresent(Bool.self, forKey: .respectRobotsTxt) ?? d.respectRobotsTxt
        allowPrivateNetworks = try c.decodeIfPresent(Bool.self, forKey: .allowPrivateNetworks) ?? d.allowPrivateNetworks
        proxy = try c.decodeIfPresent(String.self, forKey: .proxy)
        caFile = try c.decodeIfPresent(String.self, forKey: .caFile)
    }
}

/// What to do with a near-duplicate.
public enum DedupePolicy: String, Codable, Sendable, CaseIterable {
    /// Manifest line only, no text file.
    case drop
    /// Manifest line and text file.
    case keep
}

/// Near-duplicate detection settings.
public struct DedupeConfig: Codable, Sendable, Equatable {
    /// Similarity (0…1) at or above which a text is a duplicate of an earlier one.
    public var threshold: Double = 0.4
    /// Days an indexed text stays matchable.
    public var windowDays: Int = 7
    public var policy: DedupePolicy = .drop

    public init(threshold: Double = 0.4, windowDays: Int = 7, policy: DedupePolicy = .drop) {
        self.threshold = threshold
        self.windowDays = windowDays
        self.policy = policy
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? 0.4
        windowDays = try c.decodeIfPresent(Int.self, forKey: .windowDays) ?? 7
        policy = try c.decodeIfPresent(DedupePolicy.self, forKey: .policy) ?? .drop
    }
}

/// Bounds of the adaptive poll interval of each source.
public struct PollingConfig: Codable, Sendable, Equatable {
    public var minIntervalMinutes: Double = 5
    public var maxIntervalMinutes: Double = 360

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minIntervalMinutes = try c.decodeIfPresent(Double.self, forKey: .minIntervalMinutes) ?? 5
        maxIntervalMinutes = try c.decodeIfPresent(Double.self, forKey: .maxIntervalMinutes) ?? 360
    }
}

/// Prometheus textfile-collector output.
public struct MetricsConfig: Codable, Sendable, Equatable {
    /// File written atomically at the end of each run; no metrics file when absent.
    public var path: String? = nil

    public init(path: String? = nil) { self.path = path }
}

/// The kinds of source.
public enum SourceType: String, Codable, Sendable, CaseIterable {
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed (detected from the content).
    case feed
    /// A sitemap or sitemap index, Google News extension understood.
    case sitemap
    /// An HTML section page whose article links are followed.
    case page
}

/// One configured source.
public struct SourceConfig: Codable, Sendable, Equatable {
    /// Unique label, used in records (`source`) and in the state store.
    public var name: String
    public var type: SourceType
    public var url: String
    /// For `page` sources: a regular expression on the URL path choosing article links.
    public var articlePattern: String?
    /// Disabled sources are kept in the file but never polled.
    public var enabled: Bool
    /// Language to assume when neither the page nor the text says.
    public var language: String?
    /// A label for the source (an OPML folder, say); added to the `categories` of its records.
    public var category: String?
    /// Where the source was declared: nil for `pipeline.json` itself, else the source file
    /// (and line, for OPML). Not part of the configuration format.
    public var origin: String?

    private enum CodingKeys: String, CodingKey {
        case name, type, url, articlePattern, enabled, language, category
    }

    public init(name: String, type: SourceType, url: String, articlePattern: String? = nil,
                enabled: Bool = true, language: String? = nil, category: String? = nil, origin: String? = nil) {
        self.name = name
        self.type = type
        self.url = url
        self.articlePattern = articlePattern
        self.enabled = enabled
        self.language = language
        self.category = category
        self.origin = origin
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(SourceType.self, forKey: .type)
        url = try c.decode(String.self, forKey: .url)
        articlePattern = try c.decodeIfPresent(String.self, forKey: .articlePattern)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        language = try c.decodeIfPresent(String.self, forKey: .language)
        category = try c.decodeIfPresent(String.self, forKey: .category)
    }
}
