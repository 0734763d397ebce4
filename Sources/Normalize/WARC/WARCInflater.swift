internal import CZlib
import Foundation

/// Inflates an HTTP body held in memory: gzip (one or more members), zlib-wrapped deflate, or the
/// raw deflate some servers send for `Content-Encoding: deflate`. Output is capped.
enum WARCInflater {
    enum Failure: Error, Equatable {
        case corrupt
        case tooLarge
    }

    /// The inflated bytes; throws ``Failure/corrupt`` when `data` is none of the three formats.
    static func inflate(_ data: Data, maxOutputBytes: Int) throws(Failure) -> Data {
        // Whole gzip members (nearly every gzip body) go through libdeflate; the rest, and
        // anything it refuses, through zlib, which reports damage and keeps a truncated tail.
        if data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b,
           let whole = GzipMemberDecoder.decodeAll(data, maxOutputBytes: maxOutputBytes) {
            return whole
        }
        // windowBits 15 + 32: zlib detects a gzip or a zlib header by itself.
        do {
            return try inflate(data, windowBits: 15 + 32, maxOutputBytes: maxOutputBytes)
        } catch .tooLarge {
            throw .tooLarge
        } catch {
            return try inflate(data, windowBits: -15, maxOutputBytes: maxOutputBytes)
        }
    }

    private static func inflate(_ data: Data, windowBits: Int32, maxOutputBytes: Int) throws(Failure) -> Data {
        guard !data.isEmpty else { throw .corrupt }
        // Owned here only, freed before returning.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt
        }
        defer { inflateEnd(stream) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        var output = Data()
        let result: Failure? = data.withUnsafeBytes { raw -> Failure? in
            let input = raw.bindMemory(to: UInt8.self)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!)
            stream.pointee.avail_in = UInt32(input.count)
            while true {
                stream.pointee.next_out = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(chunk.count)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                let produced = chunk.count - Int(stream.pointee.avail_out)
                if produced > 0 {
                    guard output.count + produced <= maxOutputBytes else { return .tooLarge }
                    output.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: produced)
                }
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow; trailing junk after a whole member is ignored.
                    let rest = Int(stream.pointee.avail_in)
                    guard rest >= 2, windowBits > 0, stream.pointee.next_in[0] == 0x1f, stream.pointee.next_in[1] == 0x8b,
                        inflateReset(stream) == Z_OK
                    else { return nil }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: the input ended inside the stream. Keep what arrived
                    // only if something did (a capture cut short by the crawler).
                    return output.isEmpty ? .corrupt : nil
                default:
                    return .corrupt
                }
            }
        }
        if let result { throw result }
        return output
    }
}
