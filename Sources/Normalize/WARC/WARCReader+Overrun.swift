import Foundation

extension WARCReader {
    /// Recovers a record whose declared length runs past its end into the next record (ClueWeb09
    /// style lengths that count line ends the file does not hold, or a writer's plain mistake):
    /// finds where the next record starts inside the block, cuts the block there without the line
    /// breaks that ended the record, and gives the rest back to the buffer to be read next.
    /// Returns the block's actual length, or nil when no record starts inside it (the length lied
    /// some other way, and the caller drops the record as before).
    ///
    /// A block that was passed over (filtered out, or skipped while resuming) is read again first,
    /// so that how records are framed never depends on which are wanted: a resumed reader counts
    /// the records of a gzip member exactly as the reader that saved the position did.
    func cutAtNextRecord(
        _ block: inout Data, kept: Bool, blockStart: Int64, declared length: Int64
    ) throws(WARCReaderError) -> Int64? {
        guard length <= options.maxBlockBytes else { return nil }
        if !kept {
            try source.restartSegment(skipping: blockStart)
            buffer.reset(segmentOffset: blockStart)
            block = Data()
            block.reserveCapacity(Int(length))
            guard try buffer.read(length, into: &block) == length else { return nil }
        }
        // The next record's first line may begin in the block and end in the bytes after it.
        let lookAhead = format == .warc ? 6 : options.maxHeaderLineBytes
        try buffer.fill(minimum: lookAhead)
        let probe = block + Data(bytes: buffer.bytes + buffer.start, count: min(buffer.available, lookAhead))
        guard let next = nextRecordStart(in: probe), next < block.count else { return nil }
        buffer.unread(Data(block[next...]))
        var end = next
        // The record's own end: CR LF CR LF for WARC (or what a sloppy writer left of it), one LF for ARC.
        let terminator = format == .warc ? 4 : 1
        var removed = 0
        while removed < terminator, end > 0, block[block.startIndex + end - 1] == 0x0a || block[block.startIndex + end - 1] == 0x0d {
            end -= 1
            removed += 1
        }
        block.removeSubrange((block.startIndex + end)...)
        return Int64(end)
    }

    /// Recovers a record whose declared length runs past the end of its segment (the end of the
    /// file, or of its gzip member) when the bytes that are there end with a whole record
    /// terminator: the writer's length was wrong, the record is complete. Returns the block's
    /// actual length, or nil when the bytes end any other way (a record cut short: dropped).
    /// A passed-over block is read again, as in ``cutAtNextRecord(_:kept:blockStart:declared:)``.
    func keepShortBlock(
        _ block: inout Data, kept: Bool, blockStart: Int64, found: Int64, bareLineFeeds: Bool
    ) throws(WARCReaderError) -> Int64? {
        guard found >= 2, found <= options.maxBlockBytes else { return nil }
        if !kept {
            try source.restartSegment(skipping: blockStart)
            buffer.reset(segmentOffset: blockStart)
            block = Data()
            guard try buffer.read(found, into: &block) == found else { return nil }
        }
        let terminator = Data((bareLineFeeds ? "\n\n" : "\r\n\r\n").utf8)
        guard block.count >= terminator.count, block.suffix(terminator.count) == terminator else { return nil }
        block.removeLast(terminator.count)
        return Int64(block.count)
    }

    /// The index in `block` of the first line (after the first) that starts a record.
    private func nextRecordStart(in block: Data) -> Int? {
        block.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                guard let hit = memchr(bytes.baseAddress! + index, 0x0a, bytes.count - index) else { return nil }
                let lineStart = UnsafeRawPointer(hit) - raw.baseAddress! + 1
                index = lineStart
                guard lineStart < bytes.count else { return nil }
                switch format {
                case .warc:
                    if lineStart + 6 <= bytes.count, WARCByteBuffer.isVersionPrefix(bytes.baseAddress! + lineStart) {
                        return lineStart
                    }
                case .arc:
                    let rest = bytes[lineStart...]
                    guard let lineEnd = rest.firstIndex(of: 0x0a) else { return nil }
                    var line = bytes[lineStart..<lineEnd]
                    if line.last == 0x0d { line = line.dropLast() }
                    if ARCHeaderLine.looksLikeHeader(line), ARCHeaderLine.parse(line) != nil { return lineStart }
                }
            }
            return nil
        }
    }
}
