public import Foundation
public import Logging

/// The only component that touches the output directory.
///
/// A record is committed in an order that survives a kill at any instant:
/// 1. body written to a pending file (`.pending/<name>.tmp` in the output folder); one
///    file-system flush for the group;
/// 2. journal entry in the state store naming the pending file (seq handed out in the same
///    transaction);
/// 3. pending file renamed to its final name in the day folder, folder fsynced;
/// 4. manifest line appended to the day's `records.jsonl` (one `write`), fsynced;
/// 5. journal entry replaced by the record and URL rows (one transaction).
/// A kill before 2 leaves only a pending file no entry names, which ``recover()`` deletes. A
/// kill between 2 and 5 leaves a journal entry; ``recover()`` — run under the same
/// cross-process lock before any new commit — finishes it from the journal and its pending
/// file, so no record is lost, doubled or left without its manifest line, and seqs stay
/// gap-free. Each body is written once: not also into the database and its write-ahead log.
public final class RecordWriter: Sendable {
    public let outputDirectory: String
    private let store: any StateStore
    private let lock: FileLock
    private let sync: Bool
    private let logger: Logger
    /// Where bodies wait for their journal entry: hidden, so readers of the output skip it, and
    /// on the same file system as the day folders, so the final rename is atomic.
    let pendingDirectory: String

    /// - Parameter sync: fsync files and folders (turn off only for throwaway output).
    public init(outputDirectory: String, store: any StateStore, sync: Bool = true, logger: Logger) throws {
        self.outputDirectory = outputDirectory
        self.store = store
        self.sync = sync
        self.logger = logger
        pendingDirectory = (outputDirectory as NSString).appendingPathComponent(".pending")
        try FileManager.default.createDirectory(atPath: pendingDirectory, withIntermediateDirectories: true)
        lock = try FileLock(path: (outputDirectory as NSString).appendingPathComponent(".copydesk-output.lock"))
    }

    /// Finishes every commit a killed process left half-done and returns them, each with its
    /// body. Safe to call at any time, from any process: it holds the output lock, so it never
    /// races a live commit.
    @discardableResult
    public func recover() throws -> [JournalEntry] {
        try lock.withLock {
            var pending = try store.pendingCommits()
            var days = Set<String>()
            for index in pending.indices {
                try completeFiles(&pending[index])
                days.insert(pending[index].day)
            }
            try store.finishCommits(pending, at: Date())
            for day in days { removeTemporaries(in: folder(day)) }
            // Bodies whose journal entry never committed (a kill during step 1 or 2).
            removeTemporaries(in: pendingDirectory)
            if !pending.isEmpty {
                logger.notice("recovered interrupted commits", metadata: ["records": "\(pending.count)"])
            }
            return pending
        }
    }

    /// Commits records in order as one group; returns their final manifest entries. Each
    /// record is durable (files and state) when this returns. A record whose URL another
    /// writer sharing the state has already journalled or committed (see
    /// ``StateStore/beginCommits(_:bodyFiles:day:at:)``) is left out of the result. `afterJournal` runs once the
    /// journal rows are committed and before any file is renamed into place: work that must
    /// never get ahead of a record (the dedupe index) goes there, since recovery will finish
    /// the record.
    ///
    /// One group costs one file-system flush for all bodies, one journal transaction, one
    /// folder flush, one manifest append and flush, and one final transaction, instead of as
    /// many per record.
    public func commit(_ records: [PreparedRecord], at now: Date = Date(),
                       afterJournal: ([JournalEntry]) throws -> Void = { _ in }) throws -> [JournalEntry] {
        guard !records.isEmpty else { return [] }
        return try lock.withLock {
            let day = ManifestDates.day(now)
            let dayFolder = folder(day)
            // Unique across processes and runs: 64 random bits (no file to open, unlike UUID()).
            let bodyFiles = records.map { $0.body == nil ? nil : ".\(String(UInt64.random(in: .min ... .max), radix: 16)).tmp" }
            let pendingPaths = zip(records, bodyFiles).compactMap { record, name -> (path: String, contents: String)? in
                guard let name, let body = record.body else { return nil }
                return ((pendingDirectory as NSString).appendingPathComponent(name), body)
            }
            let entries: [JournalEntry]
            do {
                try DurableFile.writeGroup(pendingPaths, sync: sync)
                entries = try store.beginCommits(records, bodyFiles: bodyFiles, day: day, at: now)
            } catch {
                // No entry names these bodies: they would only wait for the next recovery.
                for file in pendingPaths { unlink(file.path) }
                throw error
            }
            // Records another writer sharing the state has already taken got no entry: their
            // bodies are not needed.
            let journalled = Set(entries.compactMap(\.bodyFile))
            for (name, record) in zip(bodyFiles, records) where record.body != nil {
                if let name, !journalled.contains(name) {
                    unlink((pendingDirectory as NSString).appendingPathComponent(name))
                }
            }
            try afterJournal(entries)
            try FileManager.default.createDirectory(atPath: dayFolder, withIntermediateDirectories: true)
            var renamed: [(from: String, to: String)] = []
            for entry in entries {
                guard let file = entry.file, let bodyFile = entry.bodyFile else { continue }
                renamed.append(((pendingDirectory as NSString).appendingPathComponent(bodyFile),
                                (dayFolder as NSString).appendingPathComponent(file)))
            }
            try DurableFile.renameGroup(renamed, sync: sync)
            let lines = entries.map { $0.manifestLine + "\n" }.joined()
            try DurableFile.append(lines, to: (dayFolder as NSString).appendingPathComponent("records.jsonl"), sync: sync)
            try store.finishCommits(entries, at: now)
            return entries
        }
    }

    /// Steps 3 and 4 for one interrupted journal entry, skipping what is already there; fills
    /// in the entry's body from wherever it is.
    private func completeFiles(_ entry: inout JournalEntry) throws {
        let dayFolder = folder(entry.day)
        try FileManager.default.createDirectory(atPath: dayFolder, withIntermediateDirectories: true)
        if let file = entry.file {
            let path = (dayFolder as NSString).appendingPathComponent(file)
            // The rename is atomic: a file that exists is complete.
            if !FileManager.default.fileExists(atPath: path) {
                if let bodyFile = entry.bodyFile {
                    let pending = (pendingDirectory as NSString).appendingPathComponent(bodyFile)
                    guard FileManager.default.fileExists(atPath: pending) else {
                        throw RecordWriterError.pendingBodyMissing(file: pending, record: entry.id)
                    }
                    try DurableFile.renameGroup([(pending, path)], sync: sync)
                } else if let body = entry.body {
                    // A journal written before bodies moved to pending files.
                    try DurableFile.writeAtomically(body, to: path, sync: sync)
                }
            }
            if entry.body == nil {
                entry.body = try FileBytes.string(path)
            }
        }
        let manifest = (dayFolder as NSString).appendingPathComponent("records.jsonl")
        try DurableFile.truncateTornTail(manifest)
        if try manifestContains(manifest, line: entry.manifestLine) { return }
        try DurableFile.append(entry.manifestLine + "\n", to: manifest, sync: sync)
    }

    private func manifestContains(_ path: String, line: String) throws -> Bool {
        guard let data = FileBytes.readIfPresent(path) else { return false }
        let needle = Array(line.utf8)
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).contains { Array($0) == needle }
    }

    private func removeTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    private func folder(_ day: String) -> String {
        (outputDirectory as NSString).appendingPathComponent(day)
    }
}
