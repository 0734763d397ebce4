import Foundation
import Normalize

/// Paths of the committed WARC fixtures (written by `Fixtures/warc/make_fixtures.py`).
enum WARCFixture {
    static func path(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/warc/\(name)", withExtension: nil) else {
            throw FixtureMissing(name: name)
        }
        return url.path
    }

    struct FixtureMissing: Error { var name: String }

    /// One record as warcio saw it when it wrote the fixture.
    struct ManifestEntry: Decodable {
        var offset: Int64
        var length: Int64
        var type: String
        var uri: String?
    }

    /// warcio's own account of each well-formed fixture: record offsets, lengths and types.
    static func manifest(_ name: String) throws -> [ManifestEntry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("manifest.json")))
        let all = try JSONDecoder().decode([String: [ManifestEntry]].self, from: data)
        return all[name] ?? []
    }

    /// The record types in the well-formed fixtures, in file order.
    static let types: [WARCRecordType] = [
        .warcinfo, .request, .response, .request, .response, .request, .response, .revisit, .metadata, .response,
        .resource,
    ]
}

/// Everything a reader yields: records and warnings.
struct WARCReadResult {
    var records: [WARCRecord] = []
    var warnings: [WARCWarning] = []

    var types: [WARCRecordType] { records.map(\.type) }
    var uris: [String?] { records.map(\.targetURI) }
    var reasons: [WARCWarning.Reason] { warnings.map(\.reason) }
}

extension WARCReader {
    /// Reads to the end, collecting records and warnings.
    func readAll() throws -> WARCReadResult {
        var result = WARCReadResult()
        while let record = try next() { result.records.append(record) }
        result.warnings = drainWarnings()
        return result
    }

    static func readAll(
        _ fixture: String, from start: WARCPosition = .start, options: WARCReaderOptions = WARCReaderOptions()
    ) throws -> WARCReadResult {
        try WARCReader(path: WARCFixture.path(fixture), startingAt: start, options: options).readAll()
    }
}
