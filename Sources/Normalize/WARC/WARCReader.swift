import Foundation

/// Streams the records of a web archive in bounded memory: WARC 1.0 and 1.1, the drafts 0.17 and
/// 0.18 (Heritrix 1.x, ClueWeb09), and ARC v1/v2 files (read as WARC records, see
/// ``WARCArchiveFormat``), plain or gzip-compressed (one member per record, as Common Crawl
/// writes, one member for the whole file, or any other split).
///
/// Damage inside the file never stops reading: truncated and corrupt records, garbage between
/// records, lying `Content-Length`s and missing CRLFs become ``WARCWarning``s (see
/// ``drainWarnings()`` and ``warningHandler``) and the reader resynchronises on the next gzip
/// member or `WARC/` line. Only I/O failures throw.
///
/// Every record carries its ``WARCRecord/position``; a reader created with `startingAt:` a
/// record's ``WARCRecord/nextPosition`` continues right after it, which is how a killed backfill
/// resumes.
///
/// Not thread-safe: one reader belongs to one task.
public final class WARCReader {
    let input: any WARCInput
    let source: any WARCSegmentSource
    let buffer: WARCByteBuffer
    let options: WARCReaderOptions
    /// Whether the file is gzip-compressed (positions then name members).
    public let isCompressed: Bool
    /// WARC or ARC records, decided from the start of the file.
    public let format: WARCArchiveFormat

    /// File offset of the current segment, nil between segments.
    var segmentStart: Int64?
    /// Records framed so far in the current segment.
    var recordsInSegment = 0
    /// Where the search for the next segment starts.
    var searchOffset: Int64
    /// Records still to pass over silently after resuming inside a multi-record gzip member.
    var recordsToSkipOnResume: Int
    /// Offset the resume skip applies to (it only applies when the first segment starts there).
    let resumeOffset: Int64
    /// Set after a damaged gzip member: the offset recovery started at. Warnings are held back
    /// until a real record start is found, then one ``WARCWarning/Reason/skippedBytes(_:)`` says
    /// how much was lost, so false member magics inside damaged data do not flood the log.
    var recoveringSince: Int64?
    var finished = false

    private var queuedWarnings: [WARCWarning] = []
    /// Called with every warning as it happens; when nil, warnings queue for ``drainWarnings()``.
    public var warningHandler: ((WARCWarning) -> Void)?
    /// Warnings reported so far, including any dropped from a full queue.
    public private(set) var warningCount = 0
    /// Records returned by ``next()``.
    public internal(set) var recordsDelivered = 0
    /// Records passed over because they did not match ``WARCReaderOptions/filter``.
    public internal(set) var recordsFiltered = 0
    /// The position after everything consumed so far: a reader started here continues where this
    /// one is. After ``next()`` returns a record this equals its ``WARCRecord/nextPosition``.
    public internal(set) var position: WARCPosition

    /// The size of the file in bytes as stored (for progress: `position.offset` of `inputSize`).
    public var inputSize: Int64 { input.size }

    /// Opens the WARC at `path`, detecting gzip by the file's first bytes.
    public convenience init(
        path: String, startingAt start: WARCPosition = .start, options: WARCReaderOptions = WARCReaderOptions()
    ) throws(WARCReaderError) {
        try self.init(input: WARCFileInput(path: path), startingAt: start, options: options)
    }

    /// Reads the WARC in `input` from `start`.
    public init(
        input: any WARCInput, startingAt start: WARCPosition = .start,
        options: WARCReaderOptions = WARCReaderOptions()
    ) throws(WARCReaderError) {
        self.input = input
        self.options = options
        switch options.compression {
        case .gzip: isCompressed = true
        case .none: isCompressed = false
        case .automatic:
            // Detect at the start of the file, not at `start`: a resume offset may point at garbage.
            let magic = UnsafeMutableRawBufferPointer.allocate(byteCount: 2, alignment: 1)
            defer { magic.deallocate() }
            let count = try input.read(at: 0, into: magic)
            isCompressed = count == 2 && magic[0] == 0x1f && magic[1] == 0x8b
        }
        format = try WARCArchiveFormat.sniff(input, compressed: isCompressed)
        source = isCompressed ? try WARCGzipMemberSource(input: input) : WARCPlainSource(input: input)
        buffer = WARCByteBuffer(source: source)
        let offset = max(start.offset, 0)
        searchOffset = offset
        resumeOffset = offset
        recordsToSkipOnResume = isCompressed ? max(start.recordsIntoSegment, 0) : 0
        position = WARCPosition(offset: offset, recordsIntoSegment: recordsToSkipOnResume)
    }

    /// The next record, or nil at the end of the file. Throws only when the file cannot be read.
    public func next() throws(WARCReaderError) -> WARCRecord? {
        while !finished {
            guard let start = segmentStart else {
                try beginSegment()
                continue
            }
            if let record = try readRecord(segmentStart: start) { return record }
        }
        return nil
    }

    /// The warnings queued since the last call (when no ``warningHandler`` is set).
    public func drainWarnings() -> [WARCWarning] {
        defer { queuedWarnings.removeAll(keepingCapacity: false) }
        return queuedWarnings
    }

    /// Reports a warning unless a resume skip or a gzip recovery is under way.
    func warn(_ reason: WARCWarning.Reason, at offset: Int64) {
        guard recordsToSkipOnResume == 0, recoveringSince == nil else { return }
        let warning = WARCWarning(offset: offset, reason: reason)
        warningCount += 1
        if let warningHandler {
            warningHandler(warning)
        } else if queuedWarnings.count < options.maxQueuedWarnings {
            queuedWarnings.append(warning)
        }
    }

    /// Finds the next segment (gzip member, or the rest of a plain file).
    private func beginSegment() throws(WARCReaderError) {
        let from = searchOffset
        switch try source.startSegment(at: from) {
        case .endOfInput(let skipped):
            // A recovery that reaches the end found nothing more; the damage was already reported.
            recoveringSince = nil
            if skipped > 0 { warn(.skippedBytes(skipped), at: from) }
            finished = true
            position = WARCPosition(offset: max(input.size, from))
        case .segment(let offset, let skipped):
            if skipped > 0 { warn(.skippedBytes(skipped), at: from) }
            if offset != resumeOffset { recordsToSkipOnResume = 0 }
            segmentStart = offset
            recordsInSegment = 0
            buffer.reset(segmentOffset: 0)
        }
    }

    /// Ends a gzip recovery, reporting the bytes lost between its start and `offset`.
    func finishRecovery(at offset: Int64) {
        guard let since = recoveringSince else { return }
        recoveringSince = nil
        // The damaged member itself was reported; this counts what was lost from its start on.
        warn(.skippedBytes(max(offset - since + 1, 0)), at: since - 1)
    }

    /// Closes the current segment, reporting how it ended when that was not clean.
    func endSegment(at offset: Int64) {
        switch source.segmentEnd {
        case .corrupt(let why):
            warn(.corruptGzipMember(why), at: offset)
            if recoveringSince == nil { recoveringSince = offset + 1 }
        case .truncated:
            warn(.truncatedGzipMember, at: offset)
            if recoveringSince == nil { recoveringSince = offset + 1 }
        case .clean, nil:
            break
        }
        searchOffset = source.nextSearchOffset
        segmentStart = nil
        if recordsToSkipOnResume == 0 { position = WARCPosition(offset: searchOffset) }
    }
}
