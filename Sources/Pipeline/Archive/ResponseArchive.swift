import Fetch
import Foundation
import Logging
import Normalize

/// Writes every fetched article response to WARC/1.1 files (`archive.directory`), so that a
/// better extractor can be re-run over what was collected (`backfill --warc --reextract`).
///
/// Each file starts with a `warcinfo` record; each fetch adds a `request` and a `response`
/// record (one gzip member each, `WARC-Target-URI`, `WARC-Payload-Digest`, linked by
/// `WARC-Concurrent-To`), appended with one `write`. A file being written is named
/// `….warc.gz.open`; at `maxFileBytes`, or when the pass ends, it is flushed to disk and renamed
/// to `….warc.gz`. A killed run leaves an `.open` file: the next start cuts its torn last
/// member off and renames it, so every file in the folder is a valid WARC.
///
/// Fetch workers call ``archive(_:fetchedAt:)`` concurrently; a lock serialises the writes.
final class ResponseArchive: @unchecked Sendable {
    // All mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let directory: String
    private let maxFileBytes: Int
    private let userAgent: String
    private let logger: Logger
    private let encoder: WARCRecordEncoder
    private var file: Int32 = -1
    private var path = ""
    private var written = 0
    private var serial = 0
    private var warcinfoID = ""

    static let openSuffix = ".open"

    init(config: ArchiveConfig, directory: String, userAgent: String, logger: Logger) throws {
        guard let encoder = WARCRecordEncoder() else { throw ArchiveError.noCompressor }
        self.directory = directory
        self.maxFileBytes = max(config.maxFileBytes, 1 << 16)
        self.userAgent = userAgent
        self.logger = logger
        self.encoder = encoder
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.repair(directory: directory, logger: logger)
    }

    deinit { close() }

    /// Appends the request and response records of one fetch; a failure is logged and the
    /// pass goes on (the archive is a copy: it never costs an article).
    func archive(_ response: FetchResponse, fetchedAt: Date) {
        let responseID = WARCRecordEncoder.newRecordID()
        lock.withLock {
            do {
                try openIfNeeded(at: fetchedAt)
                let uri = response.finalURL.absoluteString
                let responseRecord = encoder.record(type: "response", date: fetchedAt, fields: [
                    ("WARC-Target-URI", uri), ("WARC-Warcinfo-ID", warcinfoID),
                    ("WARC-Payload-Digest", WARCRecordEncoder.sha1Label(response.body)),
                    ("Content-Type", "application/http;msgtype=response"),
                ], block: HTTPMessage.response(response), recordID: responseID)
                let requestRecord = encoder.record(type: "request", date: fetchedAt, fields: [
                    ("WARC-Target-URI", uri), ("WARC-Warcinfo-ID", warcinfoID), ("WARC-Concurrent-To", responseID),
                    ("Content-Type", "application/http;msgtype=request"),
                ], block: HTTPMessage.request(url: response.finalURL, userAgent: userAgent))
                try append(encoder.gzipMember(requestRecord) + encoder.gzipMember(responseRecord))
                if written >= maxFileBytes { try finishFile() }
            } catch {
                logger.warning("could not archive a response", metadata: ["url": "\(response.finalURL)", "error": "\(error)"])
            }
        }
    }

    /// Flushes and renames the file being written; the next response starts a new one.
    func close() {
        lock.withLock {
            do { try finishFile() } catch {
                logger.warning("could not close the archive file", metadata: ["file": "\(path)", "error": "\(error)"])
            }
        }
    }

    private func openIfNeeded(at date: Date) throws {
        guard file < 0 else { return }
        serial += 1
        let stamp = WARCRecordEncoder.warcDate(date).filter(\.isNumber)
        let name = "copydesk-\(stamp)-\(getpid())-\(serial).warc.gz"
        path = (directory as NSString).appendingPathComponent(name + Self.openSuffix)
        file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw ArchiveError.cannotOpen(path: path, errno: errno) }
        written = 0
        warcinfoID = WARCRecordEncoder.newRecordID()
        let fields = "software: Copydesk\r\nformat: WARC File Format 1.1\r\n"
            + "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            + "description: responses of article fetches; bodies decoded (Content-Encoding removed)\r\n"
        let info = encoder.record(type: "warcinfo", date: date, fields: [("WARC-Filename", name), ("Content-Type", "application/warc-fields")],
                                  block: Array(fields.utf8), recordID: warcinfoID)
        try append(encoder.gzipMember(info))
    }

    private func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw ArchiveError.cannotWrite(path: path, errno: errno) }
            offset += count
        }
        written += bytes.count
    }

    private func finishFile() throws {
        guard file >= 0 else { return }
        defer { file = -1 }
        let synced = fsync(file)
        Glibc.close(file)
        guard synced == 0 else { throw ArchiveError.cannotWrite(path: path, errno: errno) }
        guard rename(path, String(path.dropLast(Self.openSuffix.count))) == 0 else {
            throw ArchiveError.cannotWrite(path: path, errno: errno)
        }
    }

    /// Files a killed writer left `.open`: the whole members are kept, the rest cut, and the
    /// file renamed to its final name.
    static func repair(directory: String, logger: Logger) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".warc.gz" + openSuffix) {
            let path = (directory as NSString).appendingPathComponent(name)
            let data = try FileBytes.read(path)
            let keep = WARCGzipPrefix.completeLength(of: data)
            guard truncate(path, off_t(keep)) == 0, rename(path, String(path.dropLast(openSuffix.count))) == 0 else {
                throw ArchiveError.cannotWrite(path: path, errno: errno)
            }
            logger.notice("repaired an archive file left open by a stopped run",
                          metadata: ["file": "\(name)", "bytes.kept": "\(keep)", "bytes.cut": "\(data.count - keep)"])
        }
    }
}

enum ArchiveError: Error, CustomStringConvertible {
    case noCompressor
    case cannotOpen(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)

    var description: String {
        switch self {
        case .noCompressor: return "libdeflate could not allocate a compressor"
        case .cannotOpen(let path, let code): return "cannot create \(path): \(String(cString: strerror(code)))"
        case .cannotWrite(let path, let code): return "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }
}
