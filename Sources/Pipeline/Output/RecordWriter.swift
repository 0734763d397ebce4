public import Foundation
public import Logging

/// The only component that touches the output directory.
///
/// A record is committed in an order that survives a kill at any instant:
/// 1. journal entry in the state store (seq handed out in the same transaction);
/// 2. text file written under a temporary name, fsynced, renamed into place;
/// 3. manifest line appended to the day's `records.jsonl` (one `write`), fsynced;
/// 4. journal entry replaced by the record and URL rows (one transaction).
/// A kill between 1 and 4 leaves a journal entry; ``recover()`` — run under the same
/// cross-process lock before any new commit — finishes it from the journal, so no record is
/// lost, doubled or left without its manifest line, and seqs stay gap-free.
public final class RecordWriter: Sendable {
    public let outputDirectory: String
    private let store: any StateStore
    private let lock: FileLock
    private let sync: Bool
    private let logger: Logger

    /// - Parameter sync: fsync files and folders (turn off only for throwaway output).
    public init(outputDirectory: String, store: any StateStore, sync: Bool = true, logger: Logger) throws {
        self.outputDirectory = outputDirectory
        self.store = store
        self.sync = sync
        self.logger = logger
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        lock = try FileLock(path: (outputDirectory as NSString).appendingPathComponent(".copydesk-output.lock"))
    }

    /// Finishes every commit a killed process left half-done and returns them. Safe to call at
    /// any time, from any process: it holds the output lock, so it never races a live commit.
    @discardableResult
    public func recover() throws -> [JournalEntry] {
        try lock.withLock {
            let pending = try store.pendingCommits()
            var days = Set<String>()
            for entry in pending {
                try completeFiles(entry, recovering: true)
                try store.finishCommit(entry, at: Date())
                days.insert(entry.day)
            }
            for day in days { removeTemporaries(in: folder(day)) }
            if !pending.isEmpty {
                logger.notice("recovered interrupted commits", metadata: ["records": "\(pending.count)"])
            }
            return pending
        }
    }

    /// Commits records in order; returns their final manifest entries. Each record is durable
    /// (files and state) when this returns.
    public func commit(_ records: [PreparedRecord], at now: Date = Date()) throws -> [JournalEntry] {
        guard !records.isEmpty else { return [] }
        return try lock.withLock {
            let day = ManifestDates.day(now)
            var done: [JournalEntry] = []
            for record in records {
                let entry = try store.beginCommit(record, day: day, at: now)
                try completeFiles(entry, recovering: false)
                try store.finishCommit(entry, at: now)
                done.append(entry)
            }
            return done
        }
    }

    /// Steps 2 and 3 for one journal entry; when recovering, skips what is already there.
    private func completeFiles(_ entry: JournalEntry, recovering: Bool) throws {
        let dayFolder = folder(entry.day)
        try FileManager.default.createDirectory(atPath: dayFolder, withIntermediateDirectories: true)
        if let file = entry.file, let body = entry.body {
            let path = (dayFolder as NSString).appendingPathComponent(file)
            // The rename is atomic: a file that exists is complete.
            if !(recovering && FileManager.default.fileExists(atPath: path)) {
                try DurableFile.writeAtomically(body, to: path, sync: sync)
            }
        }
        let manifest = (dayFolder as NSString).appendingPathComponent("records.jsonl")
        if recovering {
            try DurableFile.truncateTornTail(manifest)
            if try manifestContains(manifest, line: entry.manifestLine) { return }
        }
        try DurableFile.append(entry.manifestLine + "\n", to: manifest, sync: sync)
    }

    private func manifestContains(_ path: String, line: String) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
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
