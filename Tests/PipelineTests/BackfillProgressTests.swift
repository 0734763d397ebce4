import Foundation
import Testing
@testable import Pipeline

@Suite("Backfill progress")
struct BackfillProgressTests {
    @Test func lineShowsDoneTotalRateEtaAndErrors() {
        var counts = RunSummary.SourceCounts()
        counts.records = 40
        counts.duplicates = 8
        counts.errors = ["timeout": 2]
        let line = ProgressTicker.line(counts: counts, total: 100, elapsed: 10)
        #expect(line.hasPrefix("50/100 (50%)"))
        #expect(line.contains("ETA 10s"))
        #expect(line.contains("5.0/s"))
        #expect(line.contains("records=40 dupes=8 errors=2"))
    }

    @Test func unknownTotalShowsCountOnly() {
        var counts = RunSummary.SourceCounts()
        counts.records = 3
        let line = ProgressTicker.line(counts: counts, total: nil, elapsed: 2)
        #expect(line.hasPrefix("3 1.5/s"))
    }

    @Test func jobKeyIsStableAndSeparatesInputs() {
        var a = BackfillOptions()
        a.urlList = "/tmp/list.txt"
        var b = a
        #expect(a.jobKey == b.jobKey)
        b.source = "other"
        #expect(a.jobKey != b.jobKey)
        #expect(a.sourceName == "backfill-list")
    }
}
