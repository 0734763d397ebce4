/// Where a record starts, in a form a new reader can start from: the checkpoint of a resumable
/// backfill.
///
/// For a plain WARC, `offset` is the byte offset of the record's `WARC/` line and
/// `recordsIntoSegment` is 0. For a gzip WARC, `offset` is the compressed offset of the gzip member
/// the record starts in; Common Crawl writes one member per record, so `recordsIntoSegment` is 0
/// there too. A WARC compressed as one big member (plain `gzip file.warc`) gets the member's offset
/// and the number of records before this one in it, so resuming is still exact (if slow: the
/// member is inflated again from its start).
public struct WARCPosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Byte offset in the file as stored (compressed offset for gzip files).
    public var offset: Int64
    /// Records to pass over after `offset` before this one.
    public var recordsIntoSegment: Int

    public init(offset: Int64, recordsIntoSegment: Int = 0) {
        self.offset = offset
        self.recordsIntoSegment = recordsIntoSegment
    }

    /// The start of the file.
    public static let start = WARCPosition(offset: 0)

    public static func < (lhs: WARCPosition, rhs: WARCPosition) -> Bool {
        (lhs.offset, lhs.recordsIntoSegment) < (rhs.offset, rhs.recordsIntoSegment)
    }

    public var description: String {
        recordsIntoSegment == 0 ? "\(offset)" : "\(offset)+\(recordsIntoSegment)"
    }
}
