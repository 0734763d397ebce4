import ArgumentParser
import Fetch
import Foundation
import Normalize
import Pipeline

struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "List the feeds and sitemaps a site offers.",
        discussion: """
            Reads the page's <link rel="alternate"> feeds, robots.txt's Sitemap: lines, and probes \
            the common feed and sitemap locations. Prints source entries ready to paste into the \
            "sources" array of pipeline.json.
            """
    )

    @Argument(help: "A page of the site (usually its home page).")
    var url: String

    @Option(name: .shortAndLong, help: "Configuration whose fetch settings are used.")
    var config: String?

    @Flag(help: "Skip probing the common feed and sitemap locations.")
    var noProbe = false

    @Flag(help: "Print the feeds found as an OPML 2.0 document instead of source entries.")
    var opml = false

    func validate() throws {
        guard isWebAddress(url), URL(string: url)?.host != nil else {
            throw ValidationError("expected an http(s) URL, got \"\(url)\"")
        }
    }

    func run() async throws {
        let address = URL(string: url)!
        let page = try await RemoteDocument.fetch(address, configPath: config, command: "discover")
        var found: [(type: String, url: URL, note: String)] = []
        var seen = Set<String>()
        func add(_ type: String, _ url: URL, _ note: String) {
            if seen.insert(url.absoluteString).inserted { found.append((type, url, note)) }
        }
        for feed in FeedDiscovery.feeds(inHTML: page.body, baseURL: page.finalURL) {
            add("feed", feed.url, feed.title ?? feed.kind.rawValue)
        }
        for sitemap in try await RemoteDocument.robotsSitemaps(page.finalURL, configPath: config) {
            add("sitemap", sitemap, "robots.txt")
        }
        if !noProbe {
            let fetchConfig = try config.map { try loadConfig($0).fetch } ?? FetchConfig()
            let client = HTTPClient(configuration: fetchConfig.httpClientConfiguration())
            let probes = FeedDiscovery.probeURLs(for: page.finalURL)
            for (type, candidates) in [("feed", probes.feeds), ("sitemap", probes.sitemaps)] {
                for candidate in candidates where !seen.contains(candidate.absoluteString) {
                    guard let response = try? await client.fetch(FetchRequest(url: candidate, isDiscovered: false)) else { continue }
                    if type == "feed", (try? FeedParser.parse(response.body, url: response.finalURL)) != nil {
                        add("feed", response.finalURL, "common location")
                    } else if type == "sitemap", (try? SitemapParser.parse(response.body, url: response.finalURL)) != nil {
                        add("sitemap", response.finalURL, "common location")
                    }
                }
            }
            await client.shutdown()
        }
        guard !found.isEmpty else {
            printError("copydesk discover: no feed or sitemap found for \(page.finalURL.absoluteString)")
            throw ExitCode(1)
        }
        if opml {
            let feeds = found.filter { $0.type == "feed" }.map { OPMLDocument.Feed(title: $0.note, url: $0.url.absoluteString,
                                                                                   siteURL: page.finalURL.absoluteString) }
            for item in found where item.type != "feed" { printError("left out of the OPML: sitemap \(item.url.absoluteString)") }
            FileHandle.standardOutput.write(Data(OPMLWriter.write(OPMLDocument(title: page.finalURL.host, feeds: feeds)).utf8))
            return
        }
        let host = (page.finalURL.host ?? "site").replacingOccurrences(of: "www.", with: "")
        let lines = found.enumerated().map { index, item -> String in
            let name = "\(host)-\(item.type)\(index == 0 ? "" : "-\(index + 1)")".replacingOccurrences(of: ".", with: "-")
            printError("found \(item.type) \(item.url.absoluteString) (\(item.note))")
            return #"    { "name": "\#(name)", "type": "\#(item.type)", "url": "\#(item.url.absoluteString)" }"#
        }
        print(lines.joined(separator: ",\n"))
    }
}
