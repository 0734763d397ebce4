#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where finished log lines go. A line includes its trailing newline.
public protocol LogSink: Sendable {
    /// Writes one complete line; must not interleave it with another line.
    func write(line: String)
}

/// Writes lines to a file descriptor (standard error by default), one `write(2)` per line.
///
/// `@unchecked Sendable`: the only state is the lock, which serialises writers so that a line
/// split by a short write is never interleaved with another thread's line.
public final class FileDescriptorLogSink: LogSink, @unchecked Sendable {
    private let fileDescriptor: Int32
    private let lock = NSLock()

    /// A sink writing to `fileDescriptor`, which the caller keeps open for the process lifetime.
    public init(fileDescriptor: Int32 = 2) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes the line with as many `write(2)` calls as it takes, retrying on EINTR.
    public func write(line: String) {
        var bytes = Array(line.utf8)
        lock.lock()
        defer { lock.unlock() }
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    // A closed or full standard error must not take the pipeline down: drop the line.
                    return
                }
            }
        }
    }
}
