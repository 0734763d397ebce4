import Foundation

extension WARCByteBuffer {
    /// The complete line starting `offset` buffered bytes ahead, without its line end, or nil when
    /// no line feed follows within `maxLength` bytes. Nothing is consumed.
    func peekLine(at offset: Int, maxLength: Int) throws(WARCReaderError) -> [UInt8]? {
        let maxLength = min(maxLength, 1 << 16)
        try fill(minimum: offset + maxLength + 1)
        guard available > offset else { return nil }
        let from = start + offset
        guard let newline = findByte(0x0a, from: from, to: min(end, from + maxLength + 1)) else { return nil }
        var lineEnd = newline
        if lineEnd > from, bytes[lineEnd - 1] == 0x0d { lineEnd -= 1 }
        return Array(UnsafeBufferPointer(start: bytes + from, count: lineEnd - from))
    }

    /// Advances to the next line start whose complete line (at most `maxLength` bytes, line end
    /// left out) `accepts`; returns how many bytes were passed over, or nil (everything consumed)
    /// when the segment ends first. The ARC counterpart of ``skipToRecordStart()``: an ARC record
    /// starts with a URL, not a fixed prefix, so each candidate line is parsed whole.
    func skipToLine(maxLength: Int, where accepts: ([UInt8]) -> Bool) throws(WARCReaderError) -> Int64? {
        var skipped: Int64 = 0
        while true {
            guard try fill(minimum: 1) else { return nil }
            if atLineStart, let line = try peekLine(at: 0, maxLength: maxLength), accepts(line) { return skipped }
            // On to the byte after the next line feed.
            let newline = findByte(0x0a, from: start, to: end)
            let passed = newline.map { $0 + 1 - start } ?? available
            skipped += Int64(passed)
            consume(passed)
        }
    }
}
