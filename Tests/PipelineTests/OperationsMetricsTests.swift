import Foundation
import Pipeline
import Testing

@Suite("Operations: Prometheus textfile metrics")
struct OperationsMetricsTests {
    static let start = Date(timeIntervalSince1970: 1_714_564_800)

    /// A pass as the coordinator would report it: two sources, mixed outcomes.
    static func sampleRun(succeeded: Bool = true, command: String = "run", at start: Date = start) -> RunMetrics {
        var metrics = RunMetrics(command: command, startedAt: start, finishedAt: start.addingTimeInterval(42.5),
                                 succeeded: succeeded, recordsWritten: 17, duplicates: 3, revisions: 2,
                                 lowConfidenceExtractions: 4, dedupeIndexSize: 12_345)
        for _ in 0..<6 { metrics.recordFetch(source: "wire-east", outcome: .fetched) }
        for _ in 0..<2 { metrics.recordFetch(source: "wire-east", outcome: .notModified) }
        metrics.recordFetch(source: "wire-east", outcome: .failed(errorClass: "timeout"))
        metrics.recordFetch(source: "city-desk", outcome: .notModified)
        metrics.recordFetch(source: "city-desk", outcome: .failed(errorClass: "http_5xx"))
        metrics.recordFetch(source: "city-desk", outcome: .failed(errorClass: "http_5xx"))
        metrics.recordFetch(source: "city-desk", outcome: .failed(errorClass: "dns"))
        return metrics
    }

    func readBack(_ path: String) throws -> TextfileReading {
        try TextfileReading(String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("a run's metrics file parses back with HELP, TYPE and every value the issue lists", .timeLimit(.minutes(1)))
    func writtenFileParsesBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/node-exporter/copydesk.prom"
        try MetricsTextfile(path: path).write(Self.sampleRun())
        let file = try readBack(path)
        let run = ["command": "run"]
        #expect(file["copydesk_last_run_duration_seconds", run] == 42.5)
        #expect(file["copydesk_last_success_timestamp_seconds", run] == 1_714_564_842.5)
        #expect(file["copydesk_last_run_success", run] == 1)
        #expect(file["copydesk_last_run_records_written", run] == 17)
        #expect(file["copydesk_last_run_duplicates", run] == 3)
        #expect(file["copydesk_last_run_revisions", run] == 2)
        #expect(file["copydesk_last_run_low_confidence_extractions", run] == 4)
        #expect(file["copydesk_dedupe_index_entries"] == 12_345)
        #expect(file["copydesk_records_written_total", run] == 17)
        #expect(file["copydesk_fetches_total", ["source": "wire-east", "outcome": "fetched"]] == 6)
        #expect(file["copydesk_fetches_total", ["source": "wire-east", "outcome": "not_modified"]] == 2)
        #expect(file["copydesk_fetches_total", ["source": "wire-east", "outcome": "failed"]] == 1)
        #expect(file["copydesk_fetches_total", ["source": "city-desk", "outcome": "failed"]] == 3)
        #expect(file["copydesk_fetch_errors_total", ["source": "city-desk", "error_class": "http_5xx"]] == 2)
        #expect(file["copydesk_fetch_errors_total", ["source": "city-desk", "error_class": "dns"]] == 1)
        #expect(file["copydesk_fetch_errors_total", ["source": "wire-east", "error_class": "timeout"]] == 1)
        #expect(file["copydesk_fetch_not_modified_ratio", ["source": "wire-east"]] == 0.25)
        #expect(file["copydesk_fetch_not_modified_ratio", ["source": "city-desk"]] == 1)
        #expect(file["copydesk_runs_total", ["command": "run", "result": "success"]] == 1)
        for (name, type) in file.types {
            #expect(type == (name.hasSuffix("_total") ? "counter" : "gauge"), "\(name)")
            #expect(!(file.helps[name] ?? "").isEmpty, "\(name) has no HELP text")
        }
        // The collector's user must be able to read it despite the service's UMask=0027.
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)
    }

    @Test("counters accumulate across runs; gauges describe the last run; a failure keeps the last success time",
          .timeLimit(.minutes(1)))
    func carryOver() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let textfile = MetricsTextfile(path: folder.path + "/copydesk.prom")
        try textfile.write(Self.sampleRun())
        var second = RunMetrics(command: "run", startedAt: Self.start.addingTimeInterval(900),
                                finishedAt: Self.start.addingTimeInterval(910), succeeded: false, recordsWritten: 5)
        second.recordFetch(source: "wire-east", outcome: .failed(errorClass: "timeout"))
        try textfile.write(second)
        let file = try readBack(textfile.path)
        let run = ["command": "run"]
        #expect(file["copydesk_records_written_total", run] == 22)
        #expect(file["copydesk_last_run_records_written", run] == 5)
        #expect(file["copydesk_last_run_success", run] == 0)
        #expect(file["copydesk_last_run_duration_seconds", run] == 10)
        #expect(file["copydesk_last_success_timestamp_seconds", run] == 1_714_564_842.5)
        #expect(file["copydesk_runs_total", ["command": "run", "result": "success"]] == 1)
        #expect(file["copydesk_runs_total", ["command": "run", "result": "failure"]] == 1)
        #expect(file["copydesk_fetch_errors_total", ["source": "wire-east", "error_class": "timeout"]] == 2)
        #expect(file["copydesk_fetches_total", ["source": "wire-east", "outcome": "failed"]] == 2)
        #expect(file["copydesk_fetches_total", ["source": "city-desk", "outcome": "failed"]] == 3)
        // No response from wire-east this time: the ratio from the pass that had responses stays.
        #expect(file["copydesk_fetch_not_modified_ratio", ["source": "wire-east"]] == 0.25)
    }

    @Test("a backfill gets its own series and leaves the timer run's gauges alone", .timeLimit(.minutes(1)))
    func backfillSeparate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let textfile = MetricsTextfile(path: folder.path + "/copydesk.prom")
        try textfile.write(Self.sampleRun())
        try textfile.write(RunMetrics(command: "backfill", startedAt: Self.start, finishedAt: Self.start.addingTimeInterval(3600),
                                      succeeded: true, recordsWritten: 1000))
        let file = try readBack(textfile.path)
        #expect(file["copydesk_last_run_records_written", ["command": "run"]] == 17)
        #expect(file["copydesk_last_run_records_written", ["command": "backfill"]] == 1000)
        #expect(file["copydesk_last_run_duration_seconds", ["command": "backfill"]] == 3600)
        #expect(file["copydesk_last_run_duration_seconds", ["command": "run"]] == 42.5)
    }

    @Test("label values with quotes, backslashes and newlines are escaped and read back intact")
    func labelEscaping() throws {
        let nasty = "a\"b\\c\nd é"
        let text = try PrometheusTextFormat.render([
            MetricFamily(name: "copydesk_test_total", help: "Help with a \\ backslash\nand a newline.", kind: .counter,
                         samples: [MetricSample(labels: [MetricLabel("source", nasty)], value: 3)]),
        ])
        #expect(text.contains("source=\"a\\\"b\\\\c\\nd é\""))
        #expect(text.contains("# HELP copydesk_test_total Help with a \\\\ backslash\\nand a newline.\n"))
        let file = try TextfileReading(text)
        #expect(file["copydesk_test_total", ["source": nasty]] == 3)
        let reparsed = try PrometheusTextParser.parse(text)
        #expect(reparsed.first?.samples.first?.labels == [MetricLabel("source", nasty)])
        #expect(reparsed.first?.help == "Help with a \\ backslash\nand a newline.")
    }

    @Test("values: integers bare, fractions as floats, special values spelled as the format wants", arguments: [
        (0.0, "0"), (12_345.0, "12345"), (0.25, "0.25"), (1.5e-7, "1.5e-07"), (Double.nan, "NaN"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (1e20, "1e+20"),
    ])
    func valueFormatting(value: Double, expected: String) throws {
        #expect(PrometheusTextFormat.formatValue(value) == expected)
        let text = "# HELP x x\n# TYPE x gauge\nx \(expected)\n"
        let parsed = try TextfileReading(text)["x"]
        #expect(parsed == value || (parsed?.isNaN == true && value.isNaN))
    }

    @Test("names the format cannot carry are refused, not written", arguments: [
        MetricFamily(name: "9starts_with_digit", help: "", kind: .gauge, samples: []),
        MetricFamily(name: "has-dash", help: "", kind: .gauge, samples: []),
        MetricFamily(name: "counter_without_suffix", help: "", kind: .counter, samples: []),
        MetricFamily(name: "ok", help: "", kind: .gauge, samples: [MetricSample(labels: [MetricLabel("__reserved", "x")], value: 1)]),
        MetricFamily(name: "ok", help: "", kind: .gauge, samples: [MetricSample(labels: [MetricLabel("bad-label", "x")], value: 1)]),
        MetricFamily(name: "ok", help: "", kind: .gauge,
                     samples: [MetricSample(labels: [MetricLabel("a", "1")], value: 1), MetricSample(labels: [MetricLabel("a", "1")], value: 2)]),
    ])
    func invalidFamilies(family: MetricFamily) {
        #expect(throws: PrometheusTextFormat.InvalidMetric.self) { try PrometheusTextFormat.render([family]) }
    }

    @Test("a failed write leaves the previous file intact and no temporary file behind", .timeLimit(.minutes(1)))
    func failedWriteKeepsOldFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let textfile = MetricsTextfile(path: folder.path + "/copydesk.prom")
        try textfile.write(Self.sampleRun())
        let before = try String(contentsOfFile: textfile.path, encoding: .utf8)
        let duplicate = MetricFamily(name: "dup", help: "", kind: .gauge, samples: [])
        #expect(throws: MetricsTextfileError.self) { try textfile.write([duplicate, duplicate]) }
        #expect(try String(contentsOfFile: textfile.path, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copydesk.prom"])
    }

    @Test("replacing the file never exposes a partial one: no temporary .prom names, final content whole",
          .timeLimit(.minutes(1)))
    func atomicReplace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let textfile = MetricsTextfile(path: folder.path + "/copydesk.prom")
        for round in 0..<20 {
            try textfile.write(Self.sampleRun(at: Self.start.addingTimeInterval(Double(round) * 900)))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names == ["copydesk.prom"])
        }
        let file = try readBack(textfile.path)
        #expect(file["copydesk_records_written_total", ["command": "run"]] == Double(17 * 20))
        #expect(file["copydesk_runs_total", ["command": "run", "result": "success"]] == 20)
    }

    @Test("an unwritable folder is a typed error naming the path")
    func unwritableFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A regular file where the folder should be: fails for root too.
        let blocker = folder.path + "/not-a-folder"
        try Data().write(to: URL(fileURLWithPath: blocker))
        let textfile = MetricsTextfile(path: blocker + "/copydesk.prom")
        let error = #expect(throws: MetricsTextfileError.self) { try textfile.write(Self.sampleRun()) }
        #expect(error?.description.contains(blocker) == true)
    }

    @Test("a damaged previous file only restarts the counters")
    func damagedPreviousFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/copydesk.prom"
        try Data("# TYPE copydesk_records_written_total counter\ncopydesk_records_written_total{command=\"run\" 5\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        try MetricsTextfile(path: path).write(Self.sampleRun())
        #expect(try readBack(path)["copydesk_records_written_total", ["command": "run"]] == 17)
    }
}
