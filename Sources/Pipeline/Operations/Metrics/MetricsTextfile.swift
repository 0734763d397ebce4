import Foundation

/// The `.prom` file a node_exporter textfile collector reads, replaced atomically.
///
/// The collector may read at any instant, so the content is written to a temporary file in the
/// same folder (same file system, so `rename(2)` is atomic), flushed with `fsync`, then renamed
/// over the old file, and the folder is synced so the rename survives a power cut. Temporary
/// names start with `.` and do not end in `.prom`, so the collector never reads a partial file.
public struct MetricsTextfile: Sendable {
    /// Absolute path of the `.prom` file (`metrics.path` in the configuration).
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The families of the file currently on disk, or `nil` when there is none or it cannot be
    /// read (a damaged file only costs the counters their history: they restart from zero).
    public func readFamilies() -> [MetricFamily]? {
        guard let data = FileBytes.readIfPresent(path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return try? PrometheusTextParser.parse(text)
    }

    /// Renders and atomically replaces the file.
    public func write(_ families: [MetricFamily]) throws(MetricsTextfileError) {
        let text: String
        do {
            text = try PrometheusTextFormat.render(families)
        } catch {
            throw MetricsTextfileError(path: path, operation: "render", reason: error.description)
        }
        try write(text: text)
    }

    /// Atomically replaces the file with `text`, creating missing parent folders.
    public func write(text: String) throws(MetricsTextfileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "/" else {
            throw MetricsTextfileError(path: path, operation: "open", reason: "the path names no file")
        }
        do {
            // 0755: the collector runs as another user and must be able to reach the file.
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw MetricsTextfileError(path: path, operation: "create folder", reason: "\(error.localizedDescription)")
        }
        let temporary = "\(folder)/.\(name).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(Array(text.utf8), to: descriptor, temporary: temporary)
            // Metrics are not secret, and the service's UMask (0027) would otherwise hide the
            // file from the collector's user.
            guard fchmod(descriptor, 0o644) == 0 else { throw failure("chmod", temporary) }
            guard fsync(descriptor) == 0 else { throw failure("fsync", temporary) }
        }
        guard rename(temporary, path) == 0 else { throw failure("rename", temporary) }
        committed = true
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            // Best effort: some file systems refuse fsync on a directory; the data is already safe.
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, temporary: String) throws(MetricsTextfileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", temporary)
            }
            offset += written
        }
    }

    private func failure(_ operation: String, _ file: String) -> MetricsTextfileError {
        MetricsTextfileError(path: file, operation: operation, reason: String(cString: strerror(errno)))
    }
}
