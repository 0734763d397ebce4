import Foundation

extension RunMetrics {
    /// The families of the metrics file after this pass.
    ///
    /// `previous` is what the last pass left (``MetricsTextfile/readFamilies()``): counters add
    /// this pass's increments to it, gauges keep the previous samples this pass does not
    /// replace (the other command's "last run", sources not polled this time, the last success
    /// time when this pass failed).
    public func families(previous: [MetricFamily]? = nil) -> [MetricFamily] {
        let current = contributions()
        let old = Dictionary((previous ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return current.map { family in
            guard let before = old[family.name], before.kind == family.kind else { return family }
            return Self.merge(family, over: before)
        }
    }

    /// This pass's own samples: gauge values and counter increments.
    func contributions() -> [MetricFamily] {
        let command = MetricLabel("command", self.command)
        func gauge(_ name: String, _ help: String, _ value: Double) -> MetricFamily {
            MetricFamily(name: name, help: help, kind: .gauge, samples: [MetricSample(labels: [command], value: value)])
        }
        func counter(_ name: String, _ help: String, _ value: Int) -> MetricFamily {
            MetricFamily(name: name, help: help, kind: .counter, samples: [MetricSample(labels: [command], value: Double(value))])
        }
        let sources = fetches.sorted { $0.source < $1.source }
        var fetchSamples: [MetricSample] = []
        var errorSamples: [MetricSample] = []
        var ratioSamples: [MetricSample] = []
        for counts in sources {
            let source = MetricLabel("source", counts.source)
            fetchSamples.append(MetricSample(labels: [source, MetricLabel("outcome", "fetched")], value: Double(counts.fetched)))
            fetchSamples.append(MetricSample(labels: [source, MetricLabel("outcome", "not_modified")], value: Double(counts.notModified)))
            fetchSamples.append(MetricSample(labels: [source, MetricLabel("outcome", "failed")], value: Double(counts.failed)))
            for errorClass in counts.errorsByClass.keys.sorted() {
                errorSamples.append(MetricSample(labels: [source, MetricLabel("error_class", errorClass)],
                                                 value: Double(counts.errorsByClass[errorClass]!)))
            }
            if let ratio = counts.notModifiedRatio {
                ratioSamples.append(MetricSample(labels: [source], value: ratio))
            }
        }
        var withoutTextSamples: [MetricSample] = []
        for (source, reasons) in withoutText.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                withoutTextSamples.append(MetricSample(labels: [command, MetricLabel("source", source), MetricLabel("reason", reason)],
                                                       value: Double(count)))
            }
        }
        let finished = finishedAt.timeIntervalSince1970
        let workerInfo = worker.map { name in
            MetricFamily(name: "copydesk_worker_info", help: "The worker that wrote this file (workers sharing one state).",
                         kind: .gauge, samples: [MetricSample(labels: [command, MetricLabel("worker", name)], value: 1)])
        }
        return (workerInfo.map { [$0] } ?? []) + [
            gauge("copydesk_last_run_duration_seconds", "Wall-clock duration of the last pass.", durationSeconds),
            gauge("copydesk_last_run_timestamp_seconds", "Unix time the last pass ended.", finished),
            gauge("copydesk_last_run_success", "1 if the last pass succeeded, 0 if it failed.", succeeded ? 1 : 0),
            MetricFamily(
                name: "copydesk_last_success_timestamp_seconds",
                help: "Unix time the last successful pass ended.",
                kind: .gauge,
                samples: succeeded ? [MetricSample(labels: [command], value: finished)] : []
            ),
            gauge("copydesk_last_run_records_written", "Records written by the last pass.", Double(recordsWritten)),
            gauge("copydesk_last_run_duplicates", "Near-duplicates found by the last pass.", Double(duplicates)),
            gauge("copydesk_last_run_revisions", "Revisions of earlier records found by the last pass.", Double(revisions)),
            gauge("copydesk_last_run_low_confidence_extractions", "Pages extracted with low confidence by the last pass.",
                  Double(lowConfidenceExtractions)),
            gauge("copydesk_last_run_articles_without_text", "Fetched pages that gave no article text in the last pass.",
                  Double(withoutTextTotal)),
            MetricFamily(name: "copydesk_dedupe_index_entries", help: "Texts in the near-duplicate index after the last pass.",
                         kind: .gauge, samples: [MetricSample(value: Double(dedupeIndexSize))]),
            MetricFamily(name: "copydesk_fetch_not_modified_ratio",
                         help: "Share of 304 Not Modified among responses to the last pass that polled the source.",
                         kind: .gauge, samples: ratioSamples),
            MetricFamily(name: "copydesk_runs_total", help: "Passes finished, by command and result.", kind: .counter,
                         samples: [MetricSample(labels: [command, MetricLabel("result", succeeded ? "success" : "failure")], value: 1)]),
            counter("copydesk_records_written_total", "Records written.", recordsWritten),
            counter("copydesk_duplicates_total", "Near-duplicates found.", duplicates),
            counter("copydesk_revisions_total", "Revisions of earlier records found.", revisions),
            counter("copydesk_low_confidence_extractions_total", "Pages extracted with low confidence.", lowConfidenceExtractions),
            MetricFamily(name: "copydesk_articles_without_text_total",
                         help: "Fetched pages that gave no article text (no record written), by source and reason.",
                         kind: .counter, samples: withoutTextSamples),
            MetricFamily(name: "copydesk_fetches_total", help: "Fetches by source and outcome (fetched, not_modified, failed).",
                         kind: .counter, samples: fetchSamples),
            MetricFamily(name: "copydesk_fetch_errors_total", help: "Failed fetches by source and error class.",
                         kind: .counter, samples: errorSamples),
        ]
    }

    /// Counters add, gauges replace; samples keyed by their label set, previous order first.
    static func merge(_ current: MetricFamily, over previous: MetricFamily) -> MetricFamily {
        func key(_ sample: MetricSample) -> [MetricLabel] { sample.labels.sorted { $0.name < $1.name } }
        var merged = previous.samples
        var position: [[MetricLabel]: Int] = [:]
        for (index, sample) in merged.enumerated() { position[key(sample)] = index }
        for sample in current.samples {
            if let index = position[key(sample)] {
                let before = merged[index].value
                merged[index].value = current.kind == .counter && before.isFinite ? before + sample.value : sample.value
            } else {
                position[key(sample)] = merged.count
                merged.append(sample)
            }
        }
        return MetricFamily(name: current.name, help: current.help, kind: current.kind, samples: merged)
    }
}
