import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `--log-level` and `--log-format`, shared by every command through `@OptionGroup`.
struct LoggingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Least severe level written: trace, debug, info, notice, warning, error or critical.",
        transform: { value in
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw ValidationError("expected one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(value)\"")
            }
            return level
        }
    )
    var logLevel: Logger.Level = .info

    @Option(
        name: .long,
        help: "Line format on standard error: text or json (journald priorities are added when run by systemd).",
        transform: { value in
            guard let format = LogFormat(rawValue: value.lowercased()) else {
                throw ValidationError("expected text or json, got \"\(value)\"")
            }
            return format
        }
    )
    var logFormat: LogFormat = .text
}

/// Installs ``ServiceLogHandler`` on standard error for the whole process. Call once, from
/// `main`, before the first `Logger` is made; libraries only ever receive a `Logger`.
func bootstrapLogging(level: Logger.Level, format: LogFormat) {
    let environment = ProcessInfo.processInfo.environment
    LoggingSystem.bootstrap { label in
        ServiceLogHandler.standardError(label: label, format: format, level: level, environment: environment)
    }
}

extension LoggingOptions {
    /// `bootstrapLogging(level:format:)` with the parsed options.
    func bootstrap() {
        bootstrapLogging(level: logLevel, format: logFormat)
    }
}
