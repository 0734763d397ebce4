internal import CZlib
import Foundation

/// Inflates a gzip-compressed WARC one member at a time, so that every member's compressed offset
/// is known (Common Crawl writes one member per record: that offset is the record's address) and a
/// damaged member can be stepped over by scanning for the next member's magic bytes.
///
/// Unlike ``GzipChunkSource``, which joins concatenated members into one stream, this source stops
/// at each member's end and reports how it ended.
///
/// A member is first decoded whole by libdeflate (``GzipMemberDecoder``) when it lies in the
/// read window; a member it cannot decode (damaged, truncated, larger than the window or its
/// output limit) is streamed through zlib from its start, which keeps what a truncated member
/// holds and reports the damage, exactly as before the fast path existed.
final class WARCGzipMemberSource: WARCSegmentSource {
    /// The first three bytes of a gzip member: magic 1f 8b and method 8 (deflate), RFC 1952.
    static let memberMagic: [UInt8] = [0x1f, 0x8b, 0x08]

    private let input: any WARCInput
    // zlib keeps a pointer back to its z_stream, so it must not move: heap-allocated, owned and
    // freed by this object only.
    private let stream: UnsafeMutablePointer<z_stream>
    private let compressed: UnsafeMutableRawBufferPointer
    /// File offset of `compressed[0]`, and how many bytes of it are valid.
    private var windowOffset: Int64 = 0
    private var windowCount = 0
    /// File offset of the next compressed byte to hand to zlib.
    private var position: Int64 = 0
    private var memberStart: Int64 = 0
    private var state: WARCSegmentEnd?
    private var memberEndOffset: Int64 = 0
    private let fastDecoder = GzipMemberDecoder()
    /// Whether the fast path was tried on the current member.
    private var triedFastPath = false
    /// The current member's decoded bytes not yet read, when the fast path decoded it.
    private var decoded: UnsafeRawBufferPointer?
    /// Compressed bytes wanted in the window at a member's start for the fast path: most
    /// members are smaller, and a larger one reloads the window once.
    static let fastPathWindow = 64 * 1024

    init(input: any WARCInput, bufferSize: Int = 256 * 1024) throws(WARCReaderError) {
        self.input = input
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        compressed = .allocate(byteCount: max(bufferSize, 16), alignment: 1)
        guard cd_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            compressed.deallocate()
            throw .inflaterUnavailable
        }
        state = .clean
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        compressed.deallocate()
    }

    func startSegment(at offset: Int64) throws(WARCReaderError) -> WARCSegmentStart {
        var candidate = max(offset, 0)
        while true {
            guard try ensureWindow(at: candidate, minimum: 3) else {
                position = input.size
                state = .clean
                memberEndOffset = input.size
                return .endOfInput(skippedBytes: max(input.size - offset, 0))
            }
            if let found = findMagic(from: candidate) {
                memberStart = found
                position = found
                inflateReset(stream)
                state = nil
                triedFastPath = false
                decoded = nil
                return .segment(offset: found, skippedBytes: found - offset)
            }
            // No magic in the window: continue from its last two bytes (a magic may straddle).
            candidate = max(windowOffset + Int64(windowCount) - 2, candidate + 1)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int {
        guard state == nil, buffer.count > 0 else { return 0 }
        if !triedFastPath {
            triedFastPath = true
            try decodeWholeMember()
            if state != nil { return 0 } // an empty member
        }
        if let rest = decoded {
            let count = min(rest.count, buffer.count)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[0..<count]))
            if count == rest.count {
                decoded = nil
                state = .clean
            } else {
                decoded = UnsafeRawBufferPointer(rebasing: rest[count...])
            }
            return count
        }
        let capacity = UInt32(min(buffer.count, Int(UInt32.max)))
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = capacity
        while stream.pointee.avail_out == capacity {
            guard try ensureWindow(at: position, minimum: 1) else {
                state = .truncated
                break
            }
            let index = Int(position - windowOffset)
            let available = windowCount - index
            stream.pointee.next_in = compressed.baseAddress!.advanced(by: index).assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_in = UInt32(available)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            position += Int64(available - Int(stream.pointee.avail_in))
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                state = .clean
                memberEndOffset = position
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                state = .corrupt(reason)
            }
            if state != nil { break }
        }
        return Int(capacity - stream.pointee.avail_out)
    }

    var segmentEnd: WARCSegmentEnd? { state }

    var nextSearchOffset: Int64 {
        switch state {
        case .clean: memberEndOffset
        case .truncated, .corrupt: memberStart + 1
        case nil: position
        }
    }

    func restartSegment(skipping decompressedOffset: Int64) throws(WARCReaderError) {
        position = memberStart
        inflateReset(stream)
        state = nil
        triedFastPath = false
        decoded = nil
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { scratch.deallocate() }
        var remaining = decompressedOffset
        while remaining > 0 {
            let slice = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<Int(min(remaining, Int64(scratch.count)))])
            let count = try read(into: slice)
            if count == 0 { return }
            remaining -= Int64(count)
        }
    }

    /// Decodes the current member whole when it can (see ``GzipMemberDecoder``): sets `decoded`
    /// and the member's end. Leaves everything as it was otherwise, for the zlib path.
    private func decodeWholeMember() throws(WARCReaderError) {
        guard let fastDecoder else { return }
        let remaining = input.size - memberStart
        guard remaining > 0,
              try ensureWindow(at: memberStart, minimum: Int(min(Int64(Self.fastPathWindow), remaining)))
        else { return }
        var result = decode(with: fastDecoder)
        // The member may run past the window: read a whole window from its start and retry once.
        if result == nil, windowOffset != memberStart, windowOffset + Int64(windowCount) < input.size {
            windowCount = 0
            guard try ensureWindow(at: memberStart, minimum: compressed.count) else { return }
            result = decode(with: fastDecoder)
        }
        guard let (consumed, bytes) = result else { return }
        decoded = bytes
        position = memberStart + Int64(consumed)
        memberEndOffset = position
        if bytes.isEmpty {
            decoded = nil
            state = .clean
        }
    }

    private func decode(with decoder: GzipMemberDecoder) -> (consumed: Int, bytes: UnsafeRawBufferPointer)? {
        let index = Int(memberStart - windowOffset)
        return decoder.decodeMember(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(compressed)[index..<windowCount]))
    }

    /// Makes the window hold the byte at `offset` and at least `minimum` bytes after it where the
    /// file has them; false when `offset` is at or past the end.
    private func ensureWindow(at offset: Int64, minimum: Int) throws(WARCReaderError) -> Bool {
        let end = windowOffset + Int64(windowCount)
        if offset >= windowOffset, offset + Int64(minimum) <= end { return true }
        windowOffset = offset
        windowCount = 0
        while windowCount < compressed.count {
            let slice = UnsafeMutableRawBufferPointer(rebasing: compressed[windowCount...])
            let count = try input.read(at: offset + Int64(windowCount), into: slice)
            if count == 0 { break }
            windowCount += count
        }
        return windowCount > 0
    }

    /// The file offset of the first member magic in the window at or after `offset`.
    private func findMagic(from offset: Int64) -> Int64? {
        let bytes = UnsafeRawBufferPointer(compressed).bindMemory(to: UInt8.self)
        var index = Int(offset - windowOffset)
        let last = windowCount - 3
        while index <= last {
            if bytes[index] == 0x1f, bytes[index + 1] == 0x8b, bytes[index + 2] == 0x08 {
                return windowOffset + Int64(index)
            }
            index += 1
        }
        return nil
    }
}
