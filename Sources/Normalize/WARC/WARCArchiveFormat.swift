/// The record format of a web archive file: WARC (any version, 0.17 to 1.1) or the older ARC.
///
/// Decided once, from the first line of the file (after decompression), so that the per-record
/// path of a WARC pays nothing for ARC support, and so that a reader resumed in the middle of a
/// file frames its records the same way as one that started at the beginning. One file holds
/// one format (as warcio assumes once it has read a file's first record).
public enum WARCArchiveFormat: Sendable, Equatable {
    /// WARC records (`WARC/1.1`, `WARC/1.0`, `WARC/0.18`, `WARC/0.17` …).
    case warc
    /// ARC records (version 1 or 2 header lines), normally opened by a `filedesc://` record.
    case arc

    /// The format of the archive in `input`, judged by its first non-blank line: ARC when that
    /// line is an ARC header line, WARC otherwise (garbage included: the WARC reader reports it).
    static func sniff(_ input: any WARCInput, compressed: Bool) throws(WARCReaderError) -> WARCArchiveFormat {
        let source: any WARCSegmentSource =
            compressed ? try WARCGzipMemberSource(input: input, bufferSize: 16 * 1024) : WARCPlainSource(input: input)
        guard case .segment = try source.startSegment(at: 0) else { return .warc }
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 8 * 1024, alignment: 1)
        defer { head.deallocate() }
        var count = 0
        while count < head.count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: head[count...]))
            if read == 0 { break }
            count += read
        }
        let bytes = head[0..<count]
        guard let first = bytes.firstIndex(where: { $0 != 0x0d && $0 != 0x0a }) else { return .warc }
        let rest = bytes[first...]
        guard let newline = rest.firstIndex(of: 0x0a) else { return .warc }
        var line = rest[..<newline]
        if line.last == 0x0d { line = line.dropLast() }
        return ARCHeaderLine.parse(line) != nil ? .arc : .warc
    }
}
