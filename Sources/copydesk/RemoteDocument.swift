import ArgumentParser
import Fetch
import Foundation
import Pipeline

/// A document fetched for an inspection command (`extract URL`, `feed URL`, `discover URL`)
/// with exactly the pipeline's client and settings.
struct RemoteDocument {
    var body: Data
    var finalURL: URL
    var contentType: String?
    var contentLanguage: String?

    /// Fetches `url`; a failure prints one line with the typed error and exits non-zero.
    static func fetch(_ url: URL, configPath: String?, command: String) async throws -> RemoteDocument {
        let fetchConfig = try configPath.map { try loadConfig($0).fetch } ?? FetchConfig()
        let client = HTTPClient(configuration: fetchConfig.httpClientConfiguration())
        do {
            let response = try await client.fetch(FetchRequest(url: url, isDiscovered: false))
            await client.shutdown()
            return RemoteDocument(body: response.body, finalURL: response.finalURL, contentType: response.contentType,
                                  contentLanguage: response.headers["Content-Language"])
        } catch {
            await client.shutdown()
            printError("copydesk \(command): \(url.absoluteString): \(error.errorClass): \(error)")
            throw ExitCode(1)
        }
    }

    /// Fetches robots.txt's `Sitemap:` lines for `url`'s host.
    static func robotsSitemaps(_ url: URL, configPath: String?) async throws -> [URL] {
        var fetchConfig = try configPath.map { try loadConfig($0).fetch } ?? FetchConfig()
        fetchConfig.respectRobotsTxt = true
        let client = HTTPClient(configuration: fetchConfig.httpClientConfiguration())
        let rules = await client.robots(for: url)
        await client.shutdown()
        return rules?.sitemaps ?? []
    }
}

/// `http://` or `https://` arguments are fetched, anything else is a file.
func isWebAddress(_ argument: String) -> Bool {
    let lowered = argument.lowercased()
    return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
}
