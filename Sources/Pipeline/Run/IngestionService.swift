public import Logging
public import ServiceLifecycle
import UnixSignals
import Foundation

/// A pass that can be asked to stop starting new work.
public protocol StoppablePass: Sendable {
    func run() async throws -> RunSummary
    func requestStop()
}

extension Ingestion: StoppablePass {}
extension Backfill: StoppablePass {}

/// `backfill` runs under the same signal handling as `run`.
public typealias BackfillService = IngestionService

/// Runs one pass as a swift-service-lifecycle `Service`, so SIGTERM and SIGINT lead to a
/// graceful stop: no new work is started, in-flight work finishes (or is cancelled when the
/// group's graceful-shutdown deadline passes), state is committed, and the pass reports.
public final class IngestionService: Service, Sendable {
    private let ingestion: any StoppablePass
    private let result = Locked<Result<RunSummary, any Error>?>(nil)

    public init(ingestion: any StoppablePass) {
        self.ingestion = ingestion
    }

    public func run() async throws {
        let outcome: Result<RunSummary, any Error>
        do {
            let summary = try await withGracefulShutdownHandler {
                try await ingestion.run()
            } onGracefulShutdown: { [ingestion] in
                ingestion.requestStop()
            }
            outcome = .success(summary)
        } catch {
            outcome = .failure(error)
        }
        result.withLock { $0 = outcome }
    }

    /// The pass's summary or error, once `run()` has returned.
    public var outcome: Result<RunSummary, any Error>? { result.withLock { $0 } }

    /// Runs `ingestion` in a service group that turns SIGTERM/SIGINT into a graceful stop,
    /// cancelling what is still in flight after `gracePeriod`.
    public static func runWithSignals(_ ingestion: any StoppablePass, gracePeriod: Duration = .seconds(8), logger: Logger) async throws -> RunSummary {
        let service = IngestionService(ingestion: ingestion)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                             failureTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        try await ServiceGroup(configuration: configuration).run()
        switch service.outcome {
        case .success(let summary): return summary
        case .failure(let error): throw error
        case nil: throw CancellationError()
        }
    }
}
