import Foundation
import Logging
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
