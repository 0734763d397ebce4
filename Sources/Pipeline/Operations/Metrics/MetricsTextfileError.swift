/// Why the metrics file could not be replaced; the previous file, if any, is left intact.
public struct MetricsTextfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the failing operation touched (the temporary file for write/fsync/rename).
    public let path: String
    /// `render`, `create folder`, `open`, `write`, `chmod`, `fsync` or `rename`.
    public let operation: String
    /// The system's explanation (`strerror`) or the rendering problem.
    public let reason: String

    /// An error for `operation` on `path`.
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "metrics file \(path): \(operation) failed: \(reason)" }
}
