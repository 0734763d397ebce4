public import Foundation
public import Logging

/// The swift-log handler of the `copydesk` executable: one line per event on standard error,
/// in journald form when systemd connected standard error to the journal.
///
/// A value type as swift-log requires: level and metadata changes on one `Logger` never leak
/// into another. The sink and the clock are injected so that tests exercise the exact bytes
/// without touching the process's standard error or environment.
public struct ServiceLogHandler: LogHandler {
    /// Least severe level written; `Logger` filters before calling ``log(event:)``.
    public var logLevel: Logger.Level
    /// Metadata added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (task-locals), read at each event.
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let formatter: LogLineFormatter
    private let sink: any LogSink
    private let now: @Sendable () -> Date

    /// A handler writing to `sink`; `journal` adds the `<N>` priority prefix (see ``JournalStream``).
    public init(
        label: String,
        format: LogFormat,
        journal: Bool,
        level: Logger.Level = .info,
        sink: any LogSink,
        metadataProvider: Logger.MetadataProvider? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.formatter = LogLineFormatter(format: format, journal: journal)
        self.logLevel = level
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.now = now
    }

    /// The handler `main` installs: standard error, journald form decided from `environment`
    /// (normally `ProcessInfo.processInfo.environment`) and the descriptor actually written to.
    public static func standardError(
        label: String,
        format: LogFormat,
        level: Logger.Level,
        environment: [String: String],
        sink: any LogSink = FileDescriptorLogSink(fileDescriptor: 2),
        fileDescriptor: Int32 = 2,
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> ServiceLogHandler {
        ServiceLogHandler(
            label: label,
            format: format,
            journal: JournalStream.isConnected(environment: environment, fileDescriptor: fileDescriptor),
            level: level,
            sink: sink,
            now: now
        )
    }

    /// One key of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats the event and hands the line to the sink.
    public func log(event: LogEvent) {
        // Precedence: the handler's own metadata, then the provider's (task-local context),
        // then the call site's, which is the most specific.
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, new in new }
        }
        sink.write(line: formatter.line(
            level: event.level,
            message: event.message.description,
            label: label,
            metadata: merged,
            error: event.error,
            at: now()
        ))
    }
}
