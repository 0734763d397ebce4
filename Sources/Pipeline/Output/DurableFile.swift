import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations whose order makes record output crash-safe: write (and flush) a
/// group of pending files, rename them into place and fsync the folder; write-to-temporary and
/// rename for a single file; append one whole write; truncate a torn tail.
enum DurableFile {
    /// Writes `contents` to `path` atomically: a reader sees no file or the whole file.
    static func writeAtomically(_ contents: String, to path: String, sync: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(operation: "open \(temporary)", code: errno) }
        do {
            var contents = contents
            try contents.withUTF8 { try writeAll(fd, UnsafeRawBufferPointer($0), path: temporary) }
            if sync, fsync(fd) != 0 { throw POSIXFailure(operation: "fsync \(temporary)", code: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure(operation: "rename \(temporary)", code: code)
        }
        if sync { syncFolder(url.deletingLastPathComponent().path) }
    }

    /// Writes a group of new files with one flush for all (`syncfs`): when this returns, every
    /// file is whole and durable. On failure the files written so far are removed.
    static func writeGroup(_ files: [(path: String, contents: String)], sync: Bool) throws {
        guard !files.isEmpty else { return }
        var written: [String] = []
        do {
            for file in files {
                let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw POSIXFailure(operation: "open \(file.path)", code: errno) }
                written.append(file.path)
                defer { close(fd) }
                var contents = file.contents
                try contents.withUTF8 { try writeAll(fd, UnsafeRawBufferPointer($0), path: file.path) }
            }
            if sync {
                // One flush of the file system instead of an fsync per file: a group holds
                // dozens of small files, and each fsync would wait for its own journal commit.
                let fd = open(files[0].path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw POSIXFailure(operation: "open \(files[0].path)", code: errno) }
                defer { close(fd) }
                if linuxSyncfs(fd) != 0 { throw POSIXFailure(operation: "syncfs", code: errno) }
            }
        } catch {
            for path in written { unlink(path) }
            throw error
        }
    }

    /// Renames files into place (each rename atomic: a reader sees no file or the whole file),
    /// then flushes the folders they entered.
    static func renameGroup(_ moves: [(from: String, to: String)], sync: Bool) throws {
        guard !moves.isEmpty else { return }
        for move in moves {
            guard rename(move.from, move.to) == 0 else { throw POSIXFailure(operation: "rename \(move.from)", code: errno) }
        }
        if sync {
            for folder in Set(moves.map { ($0.to as NSString).deletingLastPathComponent }) {
                syncFolder(folder)
            }
        }
    }

    /// Appends `bytes` with one `write` on an `O_APPEND` descriptor, so concurrent appenders
    /// (serialised by the output lock anyway) never interleave within a line.
    static func append(_ text: String, to path: String, sync: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(operation: "open \(path)", code: errno) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { try writeAll(fd, UnsafeRawBufferPointer($0), path: path) }
        if sync, fsync(fd) != 0 { throw POSIXFailure(operation: "fsync \(path)", code: errno) }
    }

    /// Cuts a torn last line (no final newline) off a JSON-lines file. Returns whether it cut.
    @discardableResult
    static func truncateTornTail(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forUpdatingAtPath: path) else { return false }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        guard size > 0 else { return false }
        // Walk back in blocks until the last newline.
        var end = size
        let block: UInt64 = 64 * 1024
        while end > 0 {
            let start = end > block ? end - block : 0
            try handle.seek(toOffset: start)
            let data = try handle.read(upToCount: Int(end - start)) ?? Data()
            if end == size, data.last == UInt8(ascii: "\n") { return false }
            if let index = data.lastIndex(of: UInt8(ascii: "\n")) {
                try handle.truncate(atOffset: start + UInt64(index - data.startIndex) + 1)
                try handle.synchronize()
                return true
            }
            end = start
        }
        try handle.truncate(atOffset: 0)
        return true
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXFailure(operation: "write \(path)", code: errno)
            }
            offset += written
        }
    }
}

/// `syncfs(2)`: flushes the file system holding `fd` once for a whole group of files. Glibc
/// declares it only under `_GNU_SOURCE`, which the Swift Glibc module does not set, so the
/// symbol is bound by name.
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
