import Foundation

extension WARCReader {
    /// Reads the next ARC record of the current segment: one header line, `length` bytes of
    /// content, and (usually) one line feed. The record comes out as the WARC record warcio's
    /// ARC-to-WARC conversion makes of it (``ARCHeaderLine/warcHeaders``), so filters, resume
    /// positions and the HTTP parsing downstream are the same as for WARC.
    func frameARCRecord(segmentStart: Int64) throws(WARCReaderError) -> Framing {
        while try buffer.fill(minimum: 1), buffer.peek(0) == 0x0d || buffer.peek(0) == 0x0a { buffer.consume(1) }
        guard buffer.available > 0 else { return .segmentOver }
        let recordStart = buffer.segmentOffset
        let here = reportOffset(segmentStart: segmentStart, segmentOffset: recordStart)
        let header: ARCHeaderLine
        switch try buffer.readLine(maxLength: options.maxHeaderLineBytes) {
        case .line(let line):
            guard let parsed = ARCHeaderLine.parse(line) else { return try skipGarbage(from: recordStart, at: here) }
            header = parsed
        case .tooLong:
            return try skipGarbage(from: recordStart, at: here)
        case .endOfSegment(let partial):
            // Bytes after the last record that do not even make a line: trailing garbage.
            if source.segmentEnd == .clean, partial > 0 { warn(.skippedBytes(Int64(partial)), at: here) }
            return .segmentOver
        }
        if recoveringSince != nil { finishRecovery(at: segmentStart) }

        var headers = header.warcHeaders
        let length = header.length
        let wanted = options.filter?.matches(headers) ?? true
        let tooLarge = length > options.maxBlockBytes
        let keep = wanted && !tooLarge && recordsToSkipOnResume == 0
        var block = Data()
        let blockStart = buffer.segmentOffset
        let found: Int64
        if keep {
            block.reserveCapacity(Int(length))
            found = try buffer.read(length, into: &block)
        } else {
            found = try buffer.skip(length)
        }
        if found < length {
            if source.segmentEnd != .clean { return .segmentOver }
            return try dropRecord(.truncatedRecord(expected: length, found: found), at: here, restartAfter: recordStart)
        }
        if try !endsARCRecord() {
            guard let actual = try cutAtNextRecord(&block, kept: keep, blockStart: blockStart, declared: length) else {
                return try dropRecord(.contentLengthMismatch(declared: length), at: here, restartAfter: recordStart)
            }
            headers.replace("Content-Length", with: String(actual))
            if recordsToSkipOnResume == 0 { warn(.declaredLengthTooLong(declared: length, actual: actual), at: here) }
        }
        if recordsToSkipOnResume == 0 {
            if !wanted {
                recordsFiltered += 1
            } else if tooLarge {
                warn(.recordTooLarge(declared: length, limit: options.maxBlockBytes), at: here)
            }
        }
        return .record(version: "ARC/\(header.version)", headers: headers, block: keep ? block : nil)
    }

    /// Consumes the line breaks after an ARC record's content when what follows is the next
    /// record's header line or the segment's end (ARC writers put one line feed there, some none
    /// or two); false, consuming nothing, when anything else follows: the length was wrong.
    private func endsARCRecord() throws(WARCReaderError) -> Bool {
        var breaks = 0
        while try buffer.fill(minimum: breaks + 1), breaks < 64, buffer.peek(breaks) == 0x0d || buffer.peek(breaks) == 0x0a {
            breaks += 1
        }
        let atEnd = buffer.available == breaks
        if !atEnd {
            guard let line = try buffer.peekLine(at: breaks, maxLength: options.maxHeaderLineBytes),
                  ARCHeaderLine.looksLikeHeader(line), ARCHeaderLine.parse(line) != nil
            else { return false }
        }
        buffer.consume(breaks)
        return true
    }

    /// Reports and passes over bytes that do not start an ARC record, up to the next line that does.
    private func skipGarbage(from recordStart: Int64, at offset: Int64) throws(WARCReaderError) -> Framing {
        let skipped = try skipToNextRecordStart()
        warn(.skippedBytes(buffer.segmentOffset - recordStart), at: offset)
        return skipped == nil ? .segmentOver : .retry
    }
}
