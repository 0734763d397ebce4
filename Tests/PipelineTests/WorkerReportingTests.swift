import Foundation
@testable import Pipeline
import Testing

/// Where a worker's name shows: manifest lines, the metrics file and `status`.
@Suite("Worker reporting")
struct WorkerReportingTests {
    @Test func manifestLinesCarryTheWorkerOrNull() throws {
        var record = ManifestRecord(id: "0123456789abcdef", url: "https://a.example/x", canonicalURL: "https://a.example/x",
                                    source: "a", fetchedAt: Date(timeIntervalSince1970: 1_800_000_000), wordCount: 3,
                                    contentHash: "00")
        #expect(try record.jsonLine().hasSuffix(#","worker":null}"#))
        record.worker = "ingest-2"
        let line = try record.jsonLine()
        #expect(line.hasSuffix(#","worker":"ingest-2"}"#))
        #expect(try JSONDecoder().decode(ManifestRecord.self, from: Data(line.utf8)).worker == "ingest-2")
    }

    @Test func metricsNameTheWorker() {
        var metrics = RunMetrics(startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 1), succeeded: true)
        #expect(!metrics.families().contains { $0.name == "copydesk_worker_info" })
        metrics.worker = "ingest-2"
        let info = metrics.families().first { $0.name == "copydesk_worker_info" }
        #expect(info?.samples.first?.labels.contains(MetricLabel("worker", "ingest-2")) == true)
    }

    @Test func statusShowsEveryWorkerWithItsLeases() throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStateStore(path: folder.file("state.sqlite"))
        let now = Date()
        try store.heartbeat(worker: "ingest-1", pid: 4242, now: now, until: now.addingTimeInterval(60))
        try store.heartbeat(worker: "ingest-2", pid: 4343, now: now, until: now.addingTimeInterval(60))
        _ = try store.claimSources([SourceClaim(name: "wire", url: "https://wire.example/feed")], worker: "ingest-2",
                                   dueBy: nil, limit: 1, now: now, until: now.addingTimeInterval(60))
        let report = try StatusReport.read(store: store, config: nil, dedupeIndexSize: 0)
        #expect(report.workers.map(\.name) == ["ingest-1", "ingest-2"])
        #expect(report.workers.last?.sourceLeases == 1 && report.workers.last?.hostLeases == 1)
        let rendered = report.rendered(now: now)
        #expect(rendered.contains("ingest-2"))
        #expect(rendered.contains("4343"))
    }
}
