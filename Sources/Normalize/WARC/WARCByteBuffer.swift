import Foundation

/// A fixed-size window over the decompressed bytes of the current segment, with the few
/// operations record framing needs: lines, exact byte counts, skips, and a scan to the next line
/// that starts a record. Memory stays at `capacity` whatever the file holds.
final class WARCByteBuffer {
    private let source: any WARCSegmentSource
    private var storage: UnsafeMutableRawBufferPointer
    private(set) var start = 0
    private(set) var end = 0
    /// Decompressed offset, within the segment, of the next unread byte.
    private(set) var segmentOffset: Int64 = 0
    /// Whether the byte before the next unread one was a line feed (or there is none): only then
    /// can a record start here.
    private(set) var atLineStart = true
    /// Whether the last line ``readLine(maxLength:)`` returned ended with CR LF (not a bare LF).
    private(set) var lastLineEndedWithCRLF = false

    init(source: any WARCSegmentSource, capacity: Int = 1 << 20) {
        self.source = source
        storage = .allocate(byteCount: max(capacity, 4096), alignment: 1)
    }

    deinit { storage.deallocate() }

    /// Bytes buffered and not yet consumed.
    var available: Int { end - start }

    var bytes: UnsafeMutablePointer<UInt8> { storage.baseAddress!.assumingMemoryBound(to: UInt8.self) }

    /// Forgets buffered bytes; the source was moved to a new segment or restarted at `offset`.
    func reset(segmentOffset offset: Int64) {
        start = 0
        end = 0
        segmentOffset = offset
        atLineStart = offset == 0
    }

    /// Buffers at least `minimum` bytes (at most the capacity) unless the segment ends first;
    /// returns whether it managed.
    @discardableResult
    func fill(minimum: Int) throws(WARCReaderError) -> Bool {
        let wanted = min(minimum, storage.count)
        if available >= wanted { return true }
        if start > 0 {
            if available > 0 { memmove(storage.baseAddress!, storage.baseAddress! + start, available) }
            end = available
            start = 0
        }
        while end - start < wanted {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
            if count == 0 { return false }
            end += count
        }
        return true
    }

    /// Marks `count` buffered bytes as read.
    func consume(_ count: Int) {
        if count > 0 { atLineStart = bytes[start + count - 1] == 0x0a }
        start += count
        segmentOffset += Int64(count)
    }

    /// The buffered byte `index` places ahead, after `fill` made it available.
    func peek(_ index: Int) -> UInt8 { bytes[start + index] }

    /// The outcome of reading one line.
    enum Line {
        /// A line without its line feed or a carriage return before it.
        case line([UInt8])
        /// The segment ended; `partial` bytes had no line feed.
        case endOfSegment(partial: Int)
        /// No line feed within `maxLength` bytes (the bytes stay unread).
        case tooLong
    }

    /// Reads one line, accepting CRLF or a bare LF as its end.
    func readLine(maxLength: Int) throws(WARCReaderError) -> Line {
        // A line must fit the window, or the search below could never finish.
        let maxLength = min(maxLength, storage.count - 1)
        var searched = 0
        while true {
            if let newline = findByte(0x0a, from: start + searched, to: min(end, start + maxLength + 1)) {
                var lineEnd = newline
                lastLineEndedWithCRLF = lineEnd > start && bytes[lineEnd - 1] == 0x0d
                if lastLineEndedWithCRLF { lineEnd -= 1 }
                let line = Array(UnsafeBufferPointer(start: bytes + start, count: lineEnd - start))
                consume(newline + 1 - start)
                return .line(line)
            }
            searched = available
            if searched > maxLength { return .tooLong }
            guard try fill(minimum: available + 1) else {
                let partial = available
                consume(partial)
                return .endOfSegment(partial: partial)
            }
        }
    }

    /// Reads exactly `count` bytes into `data` (appending); returns how many arrived before the
    /// segment ended.
    func read(_ count: Int64, into data: inout Data) throws(WARCReaderError) -> Int64 {
        var remaining = count
        while remaining > 0 {
            if available == 0, try !fill(minimum: 1) { break }
            let take = Int(min(Int64(available), remaining))
            data.append(bytes + start, count: take)
            consume(take)
            remaining -= Int64(take)
        }
        return count - remaining
    }

    /// Skips `count` bytes; returns how many were there before the segment ended.
    func skip(_ count: Int64) throws(WARCReaderError) -> Int64 {
        var remaining = count
        while remaining > 0 {
            if available == 0, try !fill(minimum: 1) { break }
            let take = Int(min(Int64(available), remaining))
            consume(take)
            remaining -= Int64(take)
        }
        return count - remaining
    }

    /// Advances to the next line that starts with `WARC/` followed by a digit; returns how many
    /// bytes were passed over, or nil (with everything consumed) when the segment ends first.
    func skipToRecordStart() throws(WARCReaderError) -> Int64? {
        var skipped: Int64 = 0
        while true {
            guard try fill(minimum: 6) else {
                // Fewer than six bytes remain: no record can start in them.
                skipped += Int64(available)
                consume(available)
                return nil
            }
            if atLineStart, startsRecord(at: start) { return skipped }
            // Look for "\nWARC/d" with six bytes of look-ahead in the buffer.
            var index = start
            let last = end - 7
            var found: Int?
            while index <= last {
                guard let newline = findByte(0x0a, from: index, to: last + 1) else { break }
                if startsRecord(at: newline + 1) {
                    found = newline + 1
                    break
                }
                index = newline + 1
            }
            if let found {
                skipped += Int64(found - start)
                consume(found - start)
                return skipped
            }
            // Keep the last six bytes: a record start may straddle the refill.
            let passed = max(available - 6, 1)
            skipped += Int64(passed)
            consume(passed)
        }
    }

    /// Whether the six buffered bytes at `index` read `WARC/` (in any case, as warcio accepts) and
    /// a digit.
    private func startsRecord(at index: Int) -> Bool {
        index + 6 <= end && Self.isVersionPrefix(bytes + index)
    }

    /// Whether the six bytes at `pointer` read `WARC/` in any case and a digit.
    @inline(__always)
    static func isVersionPrefix(_ pointer: UnsafePointer<UInt8>) -> Bool {
        pointer[0] | 0x20 == 0x77 && pointer[1] | 0x20 == 0x61 && pointer[2] | 0x20 == 0x72 && pointer[3] | 0x20 == 0x63
            && pointer[4] == 0x2f && pointer[5] >= 0x30 && pointer[5] <= 0x39
    }

    /// Puts `data` back in front of the unread bytes, as if it had not been consumed: the tail of a
    /// block whose declared length ran into the next record. The window grows when it must.
    func unread(_ data: Data) {
        let count = data.count
        guard count > 0 else { return }
        if start < count {
            let needed = count + available
            if needed > storage.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: needed, alignment: 1)
                if available > 0 { memcpy(larger.baseAddress! + count, storage.baseAddress! + start, available) }
                storage.deallocate()
                storage = larger
            } else if available > 0 {
                memmove(storage.baseAddress! + count, storage.baseAddress! + start, available)
            }
            end = count + available
            start = count
        }
        start -= count
        data.withUnsafeBytes { memcpy(storage.baseAddress! + start, $0.baseAddress!, count) }
        segmentOffset -= Int64(count)
        // Callers cut right after a line feed.
        atLineStart = true
    }

    func findByte(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        guard let hit = memchr(bytes + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(bytes)
    }
}
