/// The few failures that stop a WARC reader. Everything wrong *inside* the file (truncated or
/// corrupt records, garbage, lying lengths) is a ``WARCWarning`` instead, and reading goes on.
public enum WARCReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, unreadable, not a regular file).
    case cannotOpen(path: String, reason: String)
    /// The operating system failed a read.
    case readFailed(path: String, offset: Int64, reason: String)
    /// zlib could not set up an inflater (out of memory).
    case inflaterUnavailable

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open WARC \(path): \(reason)"
        case .readFailed(let path, let offset, let reason): "reading WARC \(path) at byte \(offset) failed: \(reason)"
        case .inflaterUnavailable: "zlib could not initialise an inflater"
        }
    }
}
