internal import CLibXML2
public import Foundation

/// Reads an HTML file from disk, gunzipping `.gz` transparently through libxml2's own I/O
/// layer (which links zlib), so no extra C dependency is needed for compressed corpora.
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              !isDirectory.boolValue else { throw LoadError.notFound(path) }
        // libxml2's loader also speaks URLs; only ever hand it an absolute local path.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let input = xmlParserInputBufferCreateFilename(absolute, XML_CHAR_ENCODING_NONE) else {
            throw LoadError.unreadable(path)
        }
        defer { xmlFreeParserInputBuffer(input) }
        // Ask for the likely whole size at once (compressed pages inflate about 5–10×), so the
        // buffer is not regrown and copied chunk by chunk.
        let onDisk = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var request = Int32(clamping: min(max(onDisk * 8, 1 << 16), limit + 1))
        while true {
            let read = xmlParserInputBufferGrow(input, request)
            request = 1 << 18
            if read < 0 { throw LoadError.unreadable(path) }
            if read == 0 { break }
            if let buffer = input.pointee.buffer, Int(xmlBufUse(buffer)) > limit {
                throw LoadError.tooLarge(path, limit: limit)
            }
        }
        guard let buffer = input.pointee.buffer, let content = xmlBufContent(buffer) else {
            return Data()
        }
        return Data(bytes: content, count: Int(xmlBufUse(buffer)))
    }
}
