import Foundation

/// Who this process is among the workers sharing one state, and how long its leases last
/// without a heartbeat.
///
/// Leases are held per process role: a worker's timer `run` and a `backfill` it runs at the
/// same time are two holders (`name` and `name/backfill`), so neither takes the other's
/// leases for those of a dead process.
struct WorkerIdentity: Sendable, Equatable {
    /// The lease holder: `worker.name`, with `/<kind>` for passes other than `run`.
    var name: String
    var leaseSeconds: Double
    /// The name written on manifest lines: only when workers share a server state, so that
    /// records of a single machine keep `worker: null`.
    var manifestName: String?
    /// The name journal entries and records carry: the worker's own (`worker.name`), shared by
    /// its `run` and `backfill` passes, so that either one finishes the other's interrupted
    /// commits in the same output folder.
    var recordWorker: String

    init(config: PipelineConfig, kind: String = "run") {
        let base = config.worker.name
        name = kind == "run" ? base : "\(base)/\(kind)"
        leaseSeconds = config.worker.leaseSeconds
        manifestName = config.state.url == nil ? nil : base
        recordWorker = base
    }
}
