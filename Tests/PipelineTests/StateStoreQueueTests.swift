import Foundation
@testable import Pipeline
import Testing

@Suite("State store queue")
struct StateStoreQueueTests {
    @Test func stillDueNamesOnlyURLsLeftDueInTheQueue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func item(_ name: String, due: Date) -> QueuedURL {
            QueuedURL(canonicalURL: "https://news.example/\(name)", url: "https://news.example/\(name)",
                      source: "news", entryJSON: "{}", nextAttemptAt: due)
        }
        try store.enqueue([item("recorded", due: now), item("stuck", due: now), item("later", due: now.addingTimeInterval(600))])
        try store.dequeue(["https://news.example/recorded"])
        let asked = ["recorded", "stuck", "later", "never-queued"].map { "https://news.example/\($0)" }
        #expect(try store.stillDue(asked, now: now) == ["https://news.example/stuck"])
        #expect(try store.stillDue([], now: now).isEmpty)
        // More URLs than one statement may bind.
        let many = (0..<1_200).map { item("bulk-\($0)", due: now) }
        try store.enqueue(many)
        #expect(try store.stillDue(many.map(\.canonicalURL), now: now).count == 1_200)
    }
}
