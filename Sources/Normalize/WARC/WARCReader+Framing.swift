import Foundation

extension WARCReader {
    /// What one attempt at a record inside the current segment found.
    enum Framing {
        case record(version: String, headers: WARCHeaders, block: Data?)
        case retry
        case segmentOver
    }

    /// Reads the next record of the current segment: the record when one is delivered, nil when
    /// the caller should call again (a record was filtered, skipped or dropped, or the segment ended).
    func readRecord(segmentStart: Int64) throws(WARCReaderError) -> WARCRecord? {
        let recordOffset = buffer.segmentOffset
        let framing = format == .warc ? try frameRecord(segmentStart: segmentStart) : try frameARCRecord(segmentStart: segmentStart)
        switch framing {
        case .segmentOver:
            endSegment(at: segmentStart)
            return nil
        case .retry:
            return nil
        case .record(let version, let headers, let block):
            let recordPosition = locate(segmentStart: segmentStart, segmentOffset: recordOffset)
            // Look past the record so a gzip member's end (and its CRC check) is known now.
            try buffer.fill(minimum: 1)
            let memberEnded = buffer.available == 0
            if memberEnded, case .corrupt = source.segmentEnd {
                // The bytes inflated, but the member's CRC says they are not the ones written.
                endSegment(at: segmentStart)
                return nil
            }
            recordsInSegment += 1
            let next: WARCPosition =
                if !isCompressed {
                    WARCPosition(offset: segmentStart + buffer.segmentOffset)
                } else if memberEnded, source.segmentEnd == .clean {
                    WARCPosition(offset: source.nextSearchOffset)
                } else {
                    WARCPosition(offset: segmentStart, recordsIntoSegment: recordsInSegment)
                }
            if recordsToSkipOnResume > 0 {
                recordsToSkipOnResume -= 1
                position = next
                return nil
            }
            position = next
            guard let block else { return nil }
            recordsDelivered += 1
            return WARCRecord(
                version: version, headers: headers, block: block, position: recordPosition, nextPosition: next)
        }
    }

    /// The resumable position of a record starting `segmentOffset` bytes into the segment.
    private func locate(segmentStart: Int64, segmentOffset: Int64) -> WARCPosition {
        isCompressed
            ? WARCPosition(offset: segmentStart, recordsIntoSegment: recordsInSegment)
            : WARCPosition(offset: segmentStart + segmentOffset)
    }

    /// The file offset to report for trouble `segmentOffset` bytes into the segment.
    func reportOffset(segmentStart: Int64, segmentOffset: Int64) -> Int64 {
        isCompressed ? segmentStart : segmentStart + segmentOffset
    }

    private func frameRecord(segmentStart: Int64) throws(WARCReaderError) -> Framing {
        // Blank lines between records are tolerated silently (some writers add extra CRLFs).
        while try buffer.fill(minimum: 1), buffer.peek(0) == 0x0d || buffer.peek(0) == 0x0a { buffer.consume(1) }
        guard buffer.available > 0 else { return .segmentOver }
        let recordStart = buffer.segmentOffset
        let here = reportOffset(segmentStart: segmentStart, segmentOffset: recordStart)
        guard try startsRecord() else {
            let skipped = try buffer.skipToRecordStart()
            warn(.skippedBytes(skipped ?? buffer.segmentOffset - recordStart), at: here)
            return skipped == nil ? .segmentOver : .retry
        }
        if recoveringSince != nil { finishRecovery(at: segmentStart) }

        // The version line and the header fields, up to the blank line.
        guard case .line(let firstLine) = try buffer.readLine(maxLength: options.maxHeaderLineBytes) else {
            return try dropRecord(.malformedHeader("unreadable version line"), at: here, restartAfter: recordStart)
        }
        // A record written with bare LF line ends (ClueWeb09) may end with LF LF, not CR LF CR LF.
        let bareLineFeeds = !buffer.lastLineEndedWithCRLF
        let version = String(decoding: firstLine.dropFirst(5), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if version != "1.1", version != "1.0", !Self.knownVersions.contains(version) {
            warn(.unsupportedVersion(version), at: here)
        }
        var headers = WARCHeaders()
        var lines = 0
        headerLoop: while true {
            switch try buffer.readLine(maxLength: options.maxHeaderLineBytes) {
            case .line(let line):
                if line.isEmpty { break headerLoop }
                lines += 1
                guard lines <= options.maxHeaderLines else {
                    return try dropRecord(.malformedHeader("more than \(options.maxHeaderLines) lines"), at: here, restartAfter: recordStart)
                }
                if line[0] == 0x20 || line[0] == 0x09 {
                    headers.appendToLast(FieldText.trimmed(line[...]))
                } else if let colon = line.firstIndex(of: 0x3a) {
                    headers.append(name: FieldText.trimmed(line[..<colon]), value: FieldText.trimmed(line[(colon + 1)...]))
                } else {
                    return try dropRecord(.malformedHeader("line without a colon"), at: here, restartAfter: recordStart)
                }
            case .tooLong:
                return try dropRecord(.malformedHeader("line longer than \(options.maxHeaderLineBytes) bytes"), at: here, restartAfter: recordStart)
            case .endOfSegment:
                if source.segmentEnd != .clean { return .segmentOver }
                return try dropRecord(.malformedHeader("cut off before the blank line"), at: here, restartAfter: recordStart)
            }
        }
        guard let length = headers.contentLength else {
            return try dropRecord(.missingContentLength, at: here, restartAfter: recordStart)
        }

        // The block: read, or passed over when it is unwanted or too large.
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
            guard let actual = try keepShortBlock(&block, kept: keep, blockStart: blockStart, found: found,
                                                  bareLineFeeds: bareLineFeeds)
            else {
                return try dropRecord(.truncatedRecord(expected: length, found: found), at: here, restartAfter: recordStart)
            }
            headers.replace("Content-Length", with: String(actual))
            if recordsToSkipOnResume == 0 { warn(.declaredLengthTooLong(declared: length, actual: actual), at: here) }
            return finishRecord(version: version, headers: headers, block: block, keep: keep, wanted: wanted,
                                tooLarge: tooLarge, length: length, at: here)
        }

        // The end of record: CRLF CRLF, or a sloppy variant when the next record starts right away.
        switch try checkTerminator(bareLineFeeds: bareLineFeeds) {
        case .proper:
            break
        case .sloppy:
            warn(.missingRecordTerminator, at: here)
        case .wrong:
            // A declared length that runs into the next record: keep the record up to it.
            guard let actual = try cutAtNextRecord(&block, kept: keep, blockStart: blockStart, declared: length) else {
                return try dropRecord(.contentLengthMismatch(declared: length), at: here, restartAfter: recordStart)
            }
            headers.replace("Content-Length", with: String(actual))
            if recordsToSkipOnResume == 0 { warn(.declaredLengthTooLong(declared: length, actual: actual), at: here) }
        }
        return finishRecord(version: version, headers: headers, block: block, keep: keep, wanted: wanted,
                            tooLarge: tooLarge, length: length, at: here)
    }

    /// Counts a framed record as filtered or too large, and hands it over (its block only if kept).
    func finishRecord(
        version: String, headers: WARCHeaders, block: Data, keep: Bool, wanted: Bool, tooLarge: Bool, length: Int64,
        at offset: Int64
    ) -> Framing {
        if recordsToSkipOnResume == 0 {
            if !wanted {
                recordsFiltered += 1
            } else if tooLarge {
                warn(.recordTooLarge(declared: length, limit: options.maxBlockBytes), at: offset)
            }
        }
        return .record(version: version, headers: headers, block: keep ? block : nil)
    }

    /// WARC versions read without a warning: the standard's, and the drafts that Heritrix 1.x
    /// (0.17) and the ClueWeb09 crawl (0.18) wrote, whose records have the same shape.
    static let knownVersions: Set<String> = ["1.0", "1.1", "0.17", "0.18"]

    /// Whether the buffered bytes start `WARC/` (any case) and a digit.
    private func startsRecord() throws(WARCReaderError) -> Bool {
        guard try buffer.fill(minimum: 6) else { return false }
        return WARCByteBuffer.isVersionPrefix(buffer.bytes + buffer.start)
    }

    private enum Terminator { case proper, sloppy, wrong }

    /// Consumes the record terminator. Anything but CRLF CRLF (or, for a record written with bare
    /// LFs, any run of line breaks) is sloppy when only line breaks lie between the block and the
    /// next record (or the segment's end), wrong otherwise (the block length was a lie and the
    /// bytes are left for resynchronisation).
    private func checkTerminator(bareLineFeeds: Bool) throws(WARCReaderError) -> Terminator {
        try buffer.fill(minimum: 4)
        if buffer.available >= 4, buffer.peek(0) == 0x0d, buffer.peek(1) == 0x0a, buffer.peek(2) == 0x0d,
            buffer.peek(3) == 0x0a
        {
            buffer.consume(4)
            return .proper
        }
        var breaks = 0
        while try buffer.fill(minimum: breaks + 1), breaks < 64, buffer.peek(breaks) == 0x0d || buffer.peek(breaks) == 0x0a {
            breaks += 1
        }
        let atEnd = try !buffer.fill(minimum: breaks + 1)
        if atEnd && buffer.available == breaks {
            buffer.consume(breaks)
            return bareLineFeeds && breaks > 0 ? .proper : .sloppy
        }
        guard try buffer.fill(minimum: breaks + 6) else { return .wrong }
        // No line break at all before the next `WARC/` line is sloppy too (a writer that left the
        // terminator out entirely).
        if WARCByteBuffer.isVersionPrefix(buffer.bytes + buffer.start + breaks) {
            buffer.consume(breaks)
            return bareLineFeeds && breaks > 0 ? .proper : .sloppy
        }
        return .wrong
    }

    /// Reports `reason` and goes back to just after the dropped record's first byte, so that a
    /// record hidden inside a block whose length lied is found by the scan for the next `WARC/` line.
    func dropRecord(
        _ reason: WARCWarning.Reason, at offset: Int64, restartAfter recordStart: Int64
    ) throws(WARCReaderError) -> Framing {
        warn(reason, at: offset)
        try source.restartSegment(skipping: recordStart + 1)
        buffer.reset(segmentOffset: recordStart + 1)
        let skipped = try skipToNextRecordStart()
        return skipped == nil ? .segmentOver : .retry
    }

    /// Advances to the next line that starts a record of the file's format (see
    /// ``WARCByteBuffer/skipToRecordStart()``).
    func skipToNextRecordStart() throws(WARCReaderError) -> Int64? {
        switch format {
        case .warc: try buffer.skipToRecordStart()
        case .arc:
            try buffer.skipToLine(maxLength: options.maxHeaderLineBytes) {
                ARCHeaderLine.looksLikeHeader($0) && ARCHeaderLine.parse($0) != nil
            }
        }
    }

}
