/// One metric of the Prometheus text format: a name, its `# HELP`, its `# TYPE` and its samples.
public struct MetricFamily: Sendable, Equatable {
    /// The Prometheus metric types this project writes.
    public enum Kind: String, Sendable, Equatable {
        /// Only goes up (resets when the file is lost); name ends in `_total`.
        case counter
        /// Goes up and down; the latest value is what counts.
        case gauge
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, checked by ``PrometheusTextFormat/render(_:)``.
    public var name: String
    public var help: String
    public var kind: Kind
    public var samples: [MetricSample]

    public init(name: String, help: String, kind: Kind, samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }
}

/// One sample line: labels (kept in the given order) and a value. No timestamp, because the
/// node_exporter textfile collector rejects samples that carry one.
public struct MetricSample: Sendable, Equatable {
    public var labels: [MetricLabel]
    public var value: Double

    public init(labels: [MetricLabel] = [], value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// A label pair; the value may hold any text and is escaped when rendered.
public struct MetricLabel: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
