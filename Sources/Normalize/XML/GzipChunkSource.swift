internal import CZlib
public import Foundation

/// Inflates a gzip stream pulled from another `ChunkSource`, a buffer at a time, so a compressed
/// sitemap is never held whole in memory. Concatenated gzip members are read one after another.
public final class GzipChunkSource: ChunkSource {
    /// The two bytes every gzip member starts with (RFC 1952).
    public static let magic: [UInt8] = [0x1f, 0x8b]

    private let upstream: any ChunkSource
    // zlib keeps a pointer back to its z_stream, so the stream must not move: heap-allocated
    // and owned (freed in deinit) by this object only.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var upstreamFinished = false
    private var memberFinished = false
    private var completedMembers = 0
    private var sawInput = false
    private var finished = false
    private let maxOutputBytes: Int
    private var producedBytes = 0

    /// - Parameter maxOutputBytes: decompressed size at which reading fails with
    ///   ``GzipError/tooLarge(limit:)`` (a defence against decompression bombs).
    public init(upstream: any ChunkSource, maxOutputBytes: Int = 1 << 30) throws(GzipError) {
        self.upstream = upstream
        self.maxOutputBytes = maxOutputBytes
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: 64 * 1024, alignment: 1)
        guard cd_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw .corrupt("inflateInit2 failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let capacity = UInt32(min(buffer.count, Int(UInt32.max)))
        guard capacity > 0, !finished else { return 0 }
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = capacity
        while stream.pointee.avail_out == capacity {
            if stream.pointee.avail_in == 0 {
                if upstreamFinished {
                    // A clean end only after a whole member; otherwise the file was cut short.
                    if memberFinished || (completedMembers == 0 && !sawInput) { finished = true; return 0 }
                    throw GzipError.corrupt("truncated gzip stream")
                }
                let count = try upstream.read(into: input)
                if count == 0 { upstreamFinished = true; continue }
                sawInput = true
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_in = UInt32(count)
            }
            if memberFinished {
                // Another gzip member follows the one that ended (concatenated gzip files).
                guard inflateReset(stream) == Z_OK else { throw GzipError.corrupt("inflateReset failed") }
                memberFinished = false
            }
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberFinished = true
                completedMembers += 1
            default:
                if completedMembers > 0 {
                    // Padding or junk after a complete member: what came before is the document.
                    finished = true
                    break
                }
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw GzipError.corrupt(reason)
            }
            if finished { break }
        }
        let produced = Int(capacity - stream.pointee.avail_out)
        producedBytes += produced
        if producedBytes > maxOutputBytes { throw GzipError.tooLarge(limit: maxOutputBytes) }
        return produced
    }

    /// Whether `data` starts with the gzip magic bytes.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == magic[0] && data[data.startIndex + 1] == magic[1]
    }

    /// Inflates a whole gzip document held in memory.
    public static func inflate(_ data: Data, maxOutputBytes: Int) throws(GzipError) -> Data {
        let source = try GzipChunkSource(upstream: DataChunkSource(data), maxOutputBytes: maxOutputBytes)
        var output = Data()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        do {
            while true {
                let count = try source.read(into: chunk)
                if count == 0 { break }
                output.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            }
        } catch let error as GzipError {
            throw error
        } catch {
            throw .corrupt("\(error)")
        }
        return output
    }
}

/// A gzip stream could not be inflated.
public enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The compressed bytes are damaged or truncated.
    case corrupt(String)
    /// The decompressed size passed the limit (a decompression bomb, or simply too big).
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let reason): "corrupt gzip data: \(reason)"
        case .tooLarge(let limit): "decompressed data larger than \(limit) bytes"
        }
    }
}
