public import Foundation

/// Random-access bytes a WARC is read from: a file (read with `pread`, never loaded whole) or bytes
/// already in memory.
///
/// Random access, not a forward-only stream, because recovery needs it: after a corrupt gzip member
/// the reader scans again from just after the member's start, and after a lying Content-Length it
/// goes back to just after the bad record's start to find the next one.
public protocol WARCInput: AnyObject {
    /// Total size in bytes, as far as it is known when the reader starts.
    var size: Int64 { get }
    /// Copies up to `buffer.count` bytes starting at `offset`; returns how many, 0 at the end.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int
}

/// A WARC file on disk, read with `pread(2)`; owns and closes its descriptor.
public final class WARCFileInput: WARCInput {
    private let descriptor: Int32
    /// The path the file was opened from, for messages.
    public let path: String
    public let size: Int64

    /// Opens `path` for reading.
    public init(path: String) throws(WARCReaderError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotOpen(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .cannotOpen(path: path, reason: "not a regular file (a WARC must be seekable)")
        }
        descriptor = fd
        self.path = path
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(path: path, offset: offset, reason: String(cString: strerror(errno)))
        }
    }
}

/// WARC bytes held in memory (tests, or a small WARC received whole).
public final class WARCDataInput: WARCInput {
    private let data: Data
    public var size: Int64 { Int64(data.count) }

    public init(_ data: Data) { self.data = data }

    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int {
        guard offset >= 0, offset < Int64(data.count) else { return 0 }
        let start = data.startIndex + Int(offset)
        let count = min(buffer.count, data.endIndex - start)
        data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: start..<(start + count))
        return count
    }
}
