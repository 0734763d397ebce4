/// How a ``WARCReader`` reads.
public struct WARCReaderOptions: Sendable {
    /// How the file is compressed; ``Compression/automatic`` looks at its first bytes.
    public var compression: Compression
    /// Blocks larger than this are skipped with a ``WARCWarning/Reason/recordTooLarge(declared:limit:)``
    /// warning instead of being read into memory.
    public var maxBlockBytes: Int64
    /// Longest header line accepted.
    public var maxHeaderLineBytes: Int
    /// Most header lines accepted in one record.
    public var maxHeaderLines: Int
    /// Records that do not match are passed over without reading their block (and without a
    /// warning); nil delivers every record.
    public var filter: WARCRecordFilter?
    /// Warnings kept for ``WARCReader/drainWarnings()``; later ones are counted but dropped, so a
    /// hostile file cannot grow memory without bound.
    public var maxQueuedWarnings: Int

    /// The compression of a WARC file.
    public enum Compression: Sendable {
        /// gzip if the file starts with the gzip magic bytes, plain otherwise.
        case automatic
        /// Uncompressed.
        case none
        /// gzip, usually one member per record.
        case gzip
    }

    public init(
        compression: Compression = .automatic,
        maxBlockBytes: Int64 = 32 << 20,
        maxHeaderLineBytes: Int = 64 << 10,
        maxHeaderLines: Int = 512,
        filter: WARCRecordFilter? = nil,
        maxQueuedWarnings: Int = 10_000
    ) {
        self.compression = compression
        self.maxBlockBytes = maxBlockBytes
        self.maxHeaderLineBytes = maxHeaderLineBytes
        self.maxHeaderLines = maxHeaderLines
        self.filter = filter
        self.maxQueuedWarnings = maxQueuedWarnings
    }
}
