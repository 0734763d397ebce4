internal import CZlib
public import Foundation
import Glibc

/// Reads an HTML file from disk, gunzipping it transparently when its bytes are gzip.
///
/// The file is read whole with one `read` and inflated in one `inflate` call straight into a
/// buffer sized from the gzip trailer (ISIZE, the uncompressed length mod 2³²), so a page is
/// neither inflated through an intermediate buffer nor regrown and copied chunk by chunk.
/// A single-member file is decoded by libdeflate (two to three times as fast as zlib); zlib
/// handles the rest (several members, a wrong trailer, damage, which it reports).
public enum HTMLFileLoader {
    /// Why a file could not be read.
    public enum LoadError: Error, CustomStringConvertible {
        /// Nothing (or a directory) at that path.
        case notFound(String)
        /// The file exists but could not be read (permissions, corrupt gzip).
        case unreadable(String)
        /// Decompressed, the file exceeds the limit.
        case tooLarge(String, limit: Int)

        public var description: String {
            switch self {
            case .notFound(let path): return "\(path): no such file"
            case .unreadable(let path): return "\(path): cannot be read"
            case .tooLarge(let path, let limit): return "\(path): larger than \(limit) bytes"
            }
        }
    }

    /// Upper bound on a decompressed page; a gzip bomb stops here.
    public static let defaultLimit = 256 << 20

    /// The file's bytes, decompressed when it is gzip (detected by content, not name).
    public static func load(path: String, limit: Int = defaultLimit) throws -> Data {
        let raw = try readWhole(path: path, limit: limit)
        guard raw.count >= 2, raw[0] == 0x1F, raw[1] == 0x8B else { return Data(raw) }
        return try inflate(raw, path: path, limit: limit)
    }

    /// The file's bytes as stored (compressed files are refused beyond the limit too: a
    /// compressed page is never larger than its inflated self).
    private static func readWhole(path: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? LoadError.notFound(path) : LoadError.unreadable(path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError.unreadable(path) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw LoadError.notFound(path) }
        let expected = Int(status.st_size)
        guard expected <= limit else { throw LoadError.tooLarge(path, limit: limit) }
        // Regular files report their size; pipes and /proc files report 0 and are read to EOF.
        var bytes = [UInt8](repeating: 0, count: max(expected + 1, 1 << 12))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { throw LoadError.tooLarge(path, limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw LoadError.unreadable(path)
            }
            if got == 0 { break }
            filled += got
        }
        guard filled <= limit else { throw LoadError.tooLarge(path, limit: limit) }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// `compressed` decoded by libdeflate when it is exactly one member that inflates to `size`
    /// bytes (its ISIZE); nil otherwise, for the zlib path.
    static func decodeSingleMember(_ compressed: [UInt8], size: Int, limit: Int) -> Data? {
        guard size <= limit else { return nil }
        return compressed.withUnsafeBytes { GzipMemberDecoder.decodeExactly($0, size: size) }
    }

    /// Inflates every gzip member of `compressed` (concatenated members are one document, as
    /// gunzip reads them). zlib checks each member's CRC-32 and length.
    static func inflate(_ compressed: [UInt8], path: String, limit: Int) throws -> Data {
        // ISIZE is exact for a single member under 4 GiB; otherwise it is only a first guess.
        let trailer = compressed.count >= 18
            ? compressed[compressed.count - 4..<compressed.count].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        if let whole = decodeSingleMember(compressed, size: trailer, limit: limit) { return whole }
        var capacity = min(max(trailer, compressed.count * 4, 1 << 12), limit + 1)
        // malloc'd and handed to `Data` without a copy; not zero-filled first, since inflate
        // writes every byte that is kept.
        guard var output = malloc(capacity) else { throw LoadError.unreadable(path) }
        var handedOver = false
        defer { if !handedOver { free(output) } }
        var produced = 0
        var stream = z_stream()
        guard cd_inflate_init_gzip(&stream) == Z_OK else { throw LoadError.unreadable(path) }
        defer { inflateEnd(&stream) }
        try compressed.withUnsafeBufferPointer { input in
            var consumed = 0
            var memberEnded = false
            while consumed < input.count {
                if produced == capacity {
                    guard capacity <= limit else { throw LoadError.tooLarge(path, limit: limit) }
                    capacity = min(capacity * 2, limit + 1)
                    guard let grown = realloc(output, capacity) else { throw LoadError.unreadable(path) }
                    output = grown
                }
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                stream.avail_in = UInt32(clamping: input.count - consumed)
                stream.next_out = output.assumingMemoryBound(to: UInt8.self) + produced
                stream.avail_out = UInt32(clamping: capacity - produced)
                let availableIn = stream.avail_in, availableOut = stream.avail_out
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                consumed += Int(availableIn - stream.avail_in)
                produced += Int(availableOut - stream.avail_out)
                switch status {
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: either the output is full (grown above) or the
                    // input ended inside a member.
                    if produced < capacity { throw LoadError.unreadable(path) }
                case Z_STREAM_END:
                    memberEnded = true
                    // Another member may follow; anything that is not one (padding) ends the file.
                    guard consumed + 1 < input.count, input[consumed] == 0x1F, input[consumed + 1] == 0x8B else {
                        consumed = input.count
                        break
                    }
                    guard inflateReset(&stream) == Z_OK else { throw LoadError.unreadable(path) }
                    memberEnded = false
                default:
                    throw LoadError.unreadable(path)
                }
            }
            // Input that ends inside a member is a truncated file.
            if !memberEnded { throw LoadError.unreadable(path) }
        }
        guard produced <= limit else { throw LoadError.tooLarge(path, limit: limit) }
        handedOver = true
        return Data(bytesNoCopy: output, count: produced, deallocator: .free)
    }
}
