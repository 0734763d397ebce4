public import Foundation

/// Bytes that arrive in pieces: a file, standard input, or a decompressor in front of either.
///
/// Streaming parsers pull from a `ChunkSource` so that a document far larger than memory can be
/// read with a fixed-size buffer.
public protocol ChunkSource: AnyObject {
    /// Fills `buffer` with up to `buffer.count` bytes; returns how many were written, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A `ChunkSource` over bytes already in memory.
public final class DataChunkSource: ChunkSource {
    private let data: Data
    private var offset: Int

    public init(_ data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, data.endIndex - offset)
        guard count > 0 else { return 0 }
        data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + count))
        offset += count
        return count
    }
}

/// A `ChunkSource` reading a file descriptor with `read(2)`; it owns and closes the descriptor
/// when `closesDescriptor` is set (files it opened), never standard input.
public final class FileChunkSource: ChunkSource {
    private let descriptor: Int32
    private let closesDescriptor: Bool

    /// Opens `path` for reading; `-` means standard input.
    public init(path: String) throws(SourceReadError) {
        if path == "-" {
            descriptor = 0
            closesDescriptor = false
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SourceReadError(path: path, errno: errno) }
        descriptor = fd
        closesDescriptor = true
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw SourceReadError(path: "fd \(descriptor)", errno: errno)
        }
    }
}

/// Reading a file or stream failed.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var errno: Int32

    public var description: String { "\(path): \(String(cString: strerror(errno)))" }
}

/// Bytes already read from a source (to sniff them) served again before the rest of it.
final class PrefixedChunkSource: ChunkSource {
    private var prefix: [UInt8]
    private var prefixOffset = 0
    private let upstream: any ChunkSource

    init(prefix: [UInt8], upstream: any ChunkSource) {
        self.prefix = prefix
        self.upstream = upstream
    }

    /// Reads up to `count` bytes from the start of `source` and returns them with a source that
    /// replays them.
    static func peek(_ source: any ChunkSource, count: Int) throws -> ([UInt8], PrefixedChunkSource) {
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try head.withUnsafeMutableBytes { buffer in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if read == 0 { break }
            filled += read
        }
        head.removeSubrange(filled...)
        return (head, PrefixedChunkSource(prefix: head, upstream: source))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !prefix.isEmpty, prefixOffset < prefix.count {
            let count = min(buffer.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { bytes in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[prefixOffset..<(prefixOffset + count)]))
            }
            prefixOffset += count
            if prefixOffset == prefix.count {
                prefix = []
                prefixOffset = 0
            }
            return count
        }
        return try upstream.read(into: buffer)
    }
}
