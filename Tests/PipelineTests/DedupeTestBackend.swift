import Foundation
import GRDB
import Testing
@testable import Pipeline

/// The places an engine can keep its index; engine tests run against each. `database`
/// writes its postings to the table every few texts, so that lookups cross both the table
/// and the in-memory tail; `databaseTail` keeps them all in the tail.
enum DedupeTestBackend: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case database
    case databaseTail

    var testDescription: String { rawValue }

    /// A fresh engine; the database one works on a private in-memory SQLite database.
    func engine(configuration: DedupeConfig = DedupeConfig(), parameters: DedupeParameters = DedupeParameters(),
                now: Date = DedupeFixtures.start) throws -> DedupeEngine {
        switch self {
        case .memory:
            return try DedupeEngine(configuration: configuration, parameters: parameters, now: now)
        case .database, .databaseTail:
            return try DedupeEngine(configuration: configuration, parameters: parameters,
                                    storage: try Self.memoryDatabase(), now: now,
                                    tailCapacity: self == .database ? 3 : SQLDedupeIndex.defaultTailCapacity)
        }
    }

    /// A migrated, in-memory SQLite database for the index.
    static func memoryDatabase() throws -> GRDBDedupeStorage {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        GRDBDedupeStorage.registerMigrations(&migrator)
        try migrator.migrate(queue)
        return GRDBDedupeStorage(writer: queue)
    }
}

/// A fresh database file in a temporary folder, removed when `body` returns.
func withDedupeDatabaseFile(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-dedupe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder.appendingPathComponent("state.sqlite").path)
}
