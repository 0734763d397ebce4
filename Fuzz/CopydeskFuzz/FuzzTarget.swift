import Foundation

/// The parsers of outside input that have a fuzz target, by the name `make fuzz` uses for the
/// corpus (`fuzz/corpus/<name>`), the dictionary and the findings directory.
enum FuzzTarget: String, CaseIterable {
    case feed, sitemap, article, warc, robots, charset, url, http, config, opml

    /// The target named by `COPYDESK_FUZZ_TARGET`; exits with a list of names otherwise.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["COPYDESK_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: " ")
            FileHandle.standardError.write(Data("COPYDESK_FUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Feeds one input to the parser. Results are consumed so the optimiser keeps the work;
    /// thrown errors are the expected outcome for most inputs.
    func run(_ data: Data) {
        switch self {
        case .feed: FeedFuzz.run(data)
        case .sitemap: SitemapFuzz.run(data)
        case .article: ArticleFuzz.run(data)
        case .warc: WARCFuzz.run(data)
        case .robots: RobotsFuzz.run(data)
        case .charset: CharsetFuzz.run(data)
        case .url: URLFuzz.run(data)
        case .http: HTTPFuzz.run(data)
        case .config: ConfigFuzz.run(data)
        case .opml: OPMLFuzz.run(data)
        }
    }
}

/// Keeps a value alive past the optimiser without printing it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
