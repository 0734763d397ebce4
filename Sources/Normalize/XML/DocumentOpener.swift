public import Foundation

/// A document opened for reading: what it looks like, and its bytes (decompressed when it was
/// gzip-compressed) ready to be read from the start.
public struct OpenedDocument {
    /// What the first bytes look like (never `.gzip`: compressed input is already inflated).
    public let kind: DocumentKind
    /// The document's bytes from the start.
    public let source: any ChunkSource

    /// Reads the whole document into memory, failing past `limit` bytes.
    public func readAll(limit: Int) throws -> Data {
        var data = Data()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { return data }
            data.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            if data.count > limit { throw GzipError.tooLarge(limit: limit) }
        }
    }
}

/// Opens files and streams for the parsers: sniffs the first bytes, inflating gzip on the way,
/// so the caller can choose between the feed and the sitemap parser without reading it all.
public enum DocumentOpener {
    /// Opens the file at `path` (`-` for standard input).
    public static func open(path: String, maxInflatedBytes: Int = 1 << 30) throws -> OpenedDocument {
        try open(source: FileChunkSource(path: path), maxInflatedBytes: maxInflatedBytes)
    }

    /// Opens a stream of bytes.
    public static func open(source: any ChunkSource, maxInflatedBytes: Int = 1 << 30) throws -> OpenedDocument {
        var (head, replay) = try PrefixedChunkSource.peek(source, count: 65_536)
        var input: any ChunkSource = replay
        if head.starts(with: GzipChunkSource.magic) {
            let inflated = try GzipChunkSource(upstream: replay, maxOutputBytes: maxInflatedBytes)
            (head, replay) = try PrefixedChunkSource.peek(inflated, count: 65_536)
            input = replay
        }
        let kind = head.withUnsafeBufferPointer { DocumentKind.sniff(bytes: $0) }
        return OpenedDocument(kind: kind, source: input)
    }
}
