import Foundation
import Logging
import LoopbackServer
@testable import Pipeline

/// A fresh temporary folder per test, removed at the end.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Removes the folder now rather than when the last reference goes.
    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension Logger {
    static let quiet: Logger = {
        var logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()
}

func makeRecord(id: String, url: String, body: String?, source: String = "test", duplicateOf: String? = nil,
                revision: Int = 1, at date: Date = Date()) -> PreparedRecord {
    var manifest = ManifestRecord(id: id, url: url, canonicalURL: url, source: source, fetchedAt: date,
                                  wordCount: body?.split(separator: " ").count ?? 0, contentHash: "h-\(id)-\(revision)", revision: revision)
    manifest.duplicateOf = duplicateOf
    return PreparedRecord(id: id, canonicalURL: url, source: source, contentHash: "h-\(id)-\(revision)", revision: revision,
                          duplicateOf: duplicateOf, body: body, manifest: manifest)
}

/// Reads a day folder's manifest back.
func readManifest(_ folder: String) throws -> [ManifestRecord] {
    let path = (folder as NSString).appendingPathComponent("records.jsonl")
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
        try JSONDecoder().decode(ManifestRecord.self, from: Data($0.utf8))
    }
}

extension TemporaryFolder {
    /// A configuration for passes against loopback outlets: private addresses allowed, no
    /// per-host delay, records and state (in `name`, when given) inside this folder.
    func loopbackConfig(_ sources: [SourceConfig], name: String = "", policy: DedupePolicy = .drop,
                        archive: Bool = false) -> PipelineConfig {
        var fetch = FetchConfig()
        fetch.allowPrivateNetworks = true
        fetch.perHostDelayMs = 0
        fetch.perHostConcurrency = 4
        fetch.timeoutSeconds = 10
        let prefix = name.isEmpty ? "" : name + "/"
        return PipelineConfig(output: OutputConfig(directory: file(prefix + "records")),
                              state: StateConfig(path: file(prefix + "state.sqlite")), fetch: fetch,
                              dedupe: DedupeConfig(policy: policy),
                              archive: ArchiveConfig(directory: archive ? file(prefix + "archive") : nil),
                              sources: sources)
    }

    /// Serves each outlet of `corpus` on its own loopback address; one feed source per outlet.
    func serve(_ corpus: NewsCorpus) throws -> ([LoopbackServer], [SourceConfig]) {
        var servers: [LoopbackServer] = []
        var sources: [SourceConfig] = []
        for outlet in 0..<corpus.outlets {
            let site = LoopbackSite()
            let server = try LoopbackServer(host: "127.0.0.\(outlet + 1)", site: site)
            corpus.fill(site, outlet: outlet, origin: server.origin)
            servers.append(server)
            sources.append(SourceConfig(name: "outlet\(outlet)", type: .feed, url: server.origin + "/rss.xml"))
        }
        return (servers, sources)
    }
}
