/// How the decompressed bytes of one segment came to an end.
enum WARCSegmentEnd: Equatable {
    /// The segment ended where its format says it ends (end of file, or a gzip trailer whose CRC
    /// and length matched).
    case clean
    /// The input ended in the middle of a gzip member.
    case truncated
    /// zlib rejected the member's bytes (the message is zlib's).
    case corrupt(String)
}

/// The outcome of looking for the next segment.
enum WARCSegmentStart {
    /// A segment starts at `offset`; `skippedBytes` bytes before it were not part of any segment.
    case segment(offset: Int64, skippedBytes: Int64)
    /// No further segment; `skippedBytes` trailing bytes were not part of any segment.
    case endOfInput(skippedBytes: Int64)
}

/// The decompressed bytes of a WARC, cut into *segments*: the whole file for a plain WARC, one gzip
/// member for a compressed one. A segment is the unit the reader can resume at and resynchronise
/// to, and records never run across a segment's end.
protocol WARCSegmentSource: AnyObject {
    /// Starts the first segment at or after `offset` (a gzip source skips to the next member magic).
    func startSegment(at offset: Int64) throws(WARCReaderError) -> WARCSegmentStart
    /// Fills `buffer` with the current segment's next decompressed bytes; 0 once it has ended.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int
    /// How the current segment ended, nil while bytes remain.
    var segmentEnd: WARCSegmentEnd? { get }
    /// Where to look for the next segment once this one has ended: just after a clean member, just
    /// after the start of a damaged one (its bytes may hide the next member).
    var nextSearchOffset: Int64 { get }
    /// Starts the current segment over and skips its first `decompressedOffset` bytes.
    func restartSegment(skipping decompressedOffset: Int64) throws(WARCReaderError)
}

/// The segment source of an uncompressed WARC: one segment from the start offset to the end.
final class WARCPlainSource: WARCSegmentSource {
    private let input: any WARCInput
    private var segmentStart: Int64 = 0
    private var position: Int64 = 0
    private var ended = false

    init(input: any WARCInput) { self.input = input }

    func startSegment(at offset: Int64) throws(WARCReaderError) -> WARCSegmentStart {
        guard offset < input.size else {
            ended = true
            position = max(offset, input.size)
            return .endOfInput(skippedBytes: 0)
        }
        segmentStart = offset
        position = offset
        ended = false
        return .segment(offset: offset, skippedBytes: 0)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(WARCReaderError) -> Int {
        guard !ended else { return 0 }
        let count = try input.read(at: position, into: buffer)
        if count == 0 { ended = true }
        position += Int64(count)
        return count
    }

    var segmentEnd: WARCSegmentEnd? { ended ? .clean : nil }

    var nextSearchOffset: Int64 { position }

    func restartSegment(skipping decompressedOffset: Int64) throws(WARCReaderError) {
        position = segmentStart + decompressedOffset
        ended = false
    }
}
