/// Something wrong inside a WARC that the reader stepped over. Reading goes on after every one.
public struct WARCWarning: Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the file as stored (for gzip files, the compressed offset of the member
    /// concerned) where the trouble was found.
    public var offset: Int64
    /// What went wrong.
    public var reason: Reason

    public init(offset: Int64, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// The kinds of trouble, with what is known about each.
    public enum Reason: Sendable, Equatable {
        /// Bytes that belong to no record (between records, before the first, after the last),
        /// passed over up to the next `WARC/` line or gzip member.
        case skippedBytes(Int64)
        /// The first line of a record is not `WARC/<version>`.
        case notARecord
        /// The header has a line too long, too many lines, or ends before its blank line.
        case malformedHeader(String)
        /// `Content-Length` is missing or not a number.
        case missingContentLength
        /// The block ended (end of file, end of gzip member) before `Content-Length` bytes.
        case truncatedRecord(expected: Int64, found: Int64)
        /// The block is not followed by the blank line that ends a record: `Content-Length` does
        /// not match the block (or the file is damaged). The record is dropped.
        case contentLengthMismatch(declared: Int64)
        /// The block was followed by something other than the two CRLFs WARC requires, but the
        /// next record starts right after it, so the record was kept.
        case missingRecordTerminator
        /// The block is larger than ``WARCReaderOptions/maxBlockBytes``; the record was skipped.
        case recordTooLarge(declared: Int64, limit: Int64)
        /// zlib rejected a gzip member (zlib's message); the reader looked for the next member.
        case corruptGzipMember(String)
        /// The file ends inside a gzip member.
        case truncatedGzipMember
        /// A record started with a version other than 1.0, 1.1, 0.17 or 0.18; it was read anyway.
        case unsupportedVersion(String)
        /// The declared block length ran into the next record (a writer that counted line ends it
        /// did not write, or lost bytes): the record was kept with the `actual` bytes before the
        /// next record, and its `Content-Length` field set to that.
        case declaredLengthTooLong(declared: Int64, actual: Int64)
    }

    /// What the trouble cost: a record kept as read (repaired or read anyway), a record
    /// dropped, or bytes outside any record passed over.
    public enum Effect: Sendable, Equatable {
        case recordKept, recordDropped, bytesSkipped
    }

    public var effect: Effect {
        switch reason {
        case .missingRecordTerminator, .unsupportedVersion, .declaredLengthTooLong: .recordKept
        case .skippedBytes: .bytesSkipped
        case .notARecord, .malformedHeader, .missingContentLength, .truncatedRecord, .contentLengthMismatch,
            .recordTooLarge, .corruptGzipMember, .truncatedGzipMember:
            .recordDropped
        }
    }

    public var description: String {
        switch reason {
        case .skippedBytes(let count): "offset \(offset): skipped \(count) bytes that belong to no record"
        case .notARecord: "offset \(offset): expected a WARC/1.x line"
        case .malformedHeader(let why): "offset \(offset): malformed record header (\(why))"
        case .missingContentLength: "offset \(offset): record without a valid Content-Length"
        case .truncatedRecord(let expected, let found):
            "offset \(offset): truncated record (Content-Length \(expected), only \(found) bytes)"
        case .contentLengthMismatch(let declared):
            "offset \(offset): Content-Length \(declared) does not match the record; record dropped"
        case .missingRecordTerminator: "offset \(offset): record not ended by CRLF CRLF; kept"
        case .recordTooLarge(let declared, let limit):
            "offset \(offset): record of \(declared) bytes exceeds the \(limit)-byte limit; skipped"
        case .corruptGzipMember(let why): "offset \(offset): corrupt gzip member (\(why))"
        case .truncatedGzipMember: "offset \(offset): file ends inside a gzip member"
        case .unsupportedVersion(let version): "offset \(offset): unknown WARC version \(version)"
        case .declaredLengthTooLong(let declared, let actual):
            "offset \(offset): declared length \(declared) runs into the next record; kept its \(actual) bytes"
        }
    }
}
