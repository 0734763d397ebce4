/// One sample line: labels (kept in the given order) and a value. No timestamp, because the
/// node_exporter textfile collector rejects samples that carry one.
public struct MetricSample: Sendable, Equatable {
    /// Label pairs; names must be unique within the sample.
    public var labels: [MetricLabel]
    /// The value; NaN and infinities are allowed by the format.
    public var value: Double

    /// A sample with `labels` (none by default).
    public init(labels: [MetricLabel] = [], value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// A label pair; the value may hold any text and is escaped when rendered.
public struct MetricLabel: Sendable, Hashable {
    /// `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with `__` (reserved by Prometheus).
    public var name: String
    /// Any text.
    public var value: String

    /// A label pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
