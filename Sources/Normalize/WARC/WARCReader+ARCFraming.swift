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
        switch try checkARCEnd() {
        case .nextRecord:
            break
        case .lineBreakThenOther, .other:
            // The declared length ran into the next record: keep the record up to it. Failing
            // that, a line break after the content ends the record (whatever follows is garbage
            // the next attempt reports); anything else means the length lied.
            if let actual = try cutAtNextRecord(&block, kept: keep, blockStart: blockStart, declared: length) {
                headers.replace("Content-Length", with: String(actual))
                if recordsToSkipOnResume == 0 { warn(.declaredLengthTooLong(declared: length, actual: actual), at: here) }
            } else if try buffer.fill(minimum: 1), buffer.peek(0) == 0x0a || buffer.peek(0) == 0x0d {
                buffer.consume(buffer.peek(0) == 0x0d && buffer.available > 1 && buffer.peek(1) == 0x0a ? 2 : 1)
            } else {
                return try dropRecord(.contentLengthMismatch(declared: length), at: here, restartAfter: recordStart)
            }
        }
        return finishRecord(version: "ARC/\(header.version)", headers: headers, block: block, keep: keep, wanted: wanted,
                            tooLarge: tooLarge, length: length, at: here)
    }

    private enum ARCEnd { case nextRecord, lineBreakThenOther, other }

    /// Consumes the line breaks after an ARC record's content when what follows is the next
    /// record's header line or the segment's end (ARC writers put one line feed there, some none
    /// or two); otherwise consumes nothing and says whether a line break came first.
    private func checkARCEnd() throws(WARCReaderError) -> ARCEnd {
        var breaks = 0
        while try buffer.fill(minimum: breaks + 1), breaks < 64, buffer.peek(breaks) == 0x0d || buffer.peek(breaks) == 0x0a {
            breaks += 1
        }
        if buffer.available > breaks {
            guard let line = try buffer.peekLine(at: breaks, maxLength: options.maxHeaderLineBytes),
                  ARCHeaderLine.looksLikeHeader(line), ARCHeaderLine.parse(line) != nil
            else { return breaks > 0 ? .lineBreakThenOther : .other }
        }
        buffer.consume(breaks)
        return .nextRecord
    }

    /// Reports and passes over bytes that do not start an ARC record, up to the next line that does.
    private func skipGarbage(from recordStart: Int64, at offset: Int64) throws(WARCReaderError) -> Framing {
        let skipped = try skipToNextRecordStart()
        warn(.skippedBytes(buffer.segmentOffset - recordStart), at: offset)
        return skipped == nil ? .segmentOver : .retry
    }
}
