/// Fetch outcomes of one source during one pass.
public struct SourceFetchCounts: Sendable, Equatable {
    /// The source's configured name (`sources[].name`).
    public var source: String
    /// 2xx responses with a body.
    public var fetched: Int
    /// 304 responses.
    public var notModified: Int
    /// Failed fetches by error class; ``failed`` is their sum, so the two cannot disagree.
    public var errorsByClass: [String: Int]

    /// Counts for `source`, zero unless given.
    public init(source: String, fetched: Int = 0, notModified: Int = 0, errorsByClass: [String: Int] = [:]) {
        self.source = source
        self.fetched = fetched
        self.notModified = notModified
        self.errorsByClass = errorsByClass
    }

    /// Failed fetches of any class.
    public var failed: Int { errorsByClass.values.reduce(0, +) }

    /// Share of 304s among the responses that arrived (`fetched + notModified`); `nil` when none did.
    public var notModifiedRatio: Double? {
        let responses = fetched + notModified
        return responses == 0 ? nil : Double(notModified) / Double(responses)
    }

    /// Counts one fetch.
    public mutating func record(_ outcome: FetchOutcome) {
        switch outcome {
        case .fetched: fetched += 1
        case .notModified: notModified += 1
        case .failed(let errorClass): errorsByClass[errorClass, default: 0] += 1
        }
    }
}
