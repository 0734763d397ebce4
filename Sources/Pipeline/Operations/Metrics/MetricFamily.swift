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
    /// One line of explanation, written as `# HELP`.
    public var help: String
    /// Written as `# TYPE`.
    public var kind: Kind
    /// The sample lines, in this order.
    public var samples: [MetricSample]

    /// A family; names are checked when it is rendered, not here.
    public init(name: String, help: String, kind: Kind, samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }
}
