import Foundation
@testable import Pipeline
import PostgresTestSupport
import Testing

/// The two state-store backends the contract suite runs against.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    /// Both, unless PostgreSQL tests are skipped on purpose (never under `make test` or CI).
    static var all: [StoreBackend] { PostgresTestCluster.skipRequested ? [.sqlite] : allCases }

    var testDescription: String { rawValue }
}

/// A fresh, empty state database of one backend (a SQLite file in a temporary folder, or a
/// database of the test cluster); a test removes it with ``remove()`` (in a `defer`).
final class StoreFixture {
    let backend: StoreBackend
    /// The store of worker `w1`.
    let store: any StateStore
    private let location: String

    init(_ backend: StoreBackend) throws {
        self.backend = backend
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-state-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            location = folder.path
            store = try SQLiteStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        case .postgres:
            location = try PostgresTestCluster.shared().createDatabase(label: "state")
            store = try PostgresStateStore(uri: location, worker: "w1")
        }
    }

    /// The libpq URI of the database (PostgreSQL only).
    var uri: String { location }

    /// Another worker's store on the same database (PostgreSQL only).
    func worker(_ name: String) throws -> PostgresStateStore {
        try PostgresStateStore(uri: location, worker: name)
    }

    func remove() {
        switch backend {
        case .sqlite: try? FileManager.default.removeItem(atPath: location)
        case .postgres: try? PostgresTestCluster.shared().dropDatabase(uri: location)
        }
    }
}

/// Records for the journal and record-log tests.
enum StoreSamples {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// A prepared record; `body` nil makes a dropped duplicate (no file, no day sequence number).
    static func record(_ id: String, source: String = "news", revision: Int = 1, body: String? = "Text of the article.",
                       duplicateOf: String? = nil, url: String? = nil) -> PreparedRecord {
        let canonical = url ?? "https://\(source).example/\(id)"
        let manifest = ManifestRecord(id: id, url: canonical, canonicalURL: canonical, source: source, fetchedAt: now,
                                      wordCount: 4, contentHash: "hash-\(id)-\(revision)", revision: revision)
        return PreparedRecord(id: id, canonicalURL: canonical, source: source, contentHash: "hash-\(id)-\(revision)",
                              revision: revision, duplicateOf: duplicateOf, body: body, manifest: manifest,
                              entryUpdatedAt: now.addingTimeInterval(-60), signature: Data([1, 2, 3, UInt8(revision)]))
    }

    /// Journals and finishes `records` on `day`.
    @discardableResult
    static func commit(_ store: any StateStore, _ records: [PreparedRecord], day: String = "2026-11-20") throws -> [JournalEntry] {
        let entries = try store.beginCommits(records, day: day, at: now)
        try store.finishCommits(entries, at: now)
        return entries
    }

    static func queued(_ name: String, source: String = "news", due: Date = now) -> QueuedURL {
        QueuedURL(canonicalURL: "https://\(source).example/\(name)", url: "https://\(source).example/\(name)?utm=x",
                  source: source, entryJSON: "{\"title\":\"\(name)\"}", nextAttemptAt: due)
    }
}
