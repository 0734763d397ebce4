import Foundation
import Testing
@testable import Pipeline

@Suite("Record writer")
struct RecordWriterTests {
    let folder: TemporaryFolder
    let store: SQLiteStateStore
    let output: String

    init() throws {
        folder = try TemporaryFolder()
        store = try SQLiteStateStore(path: folder.file("state.sqlite"))
        output = folder.file("records")
    }

    private func writer() throws -> RecordWriter {
        try RecordWriter(outputDirectory: output, store: store, logger: .quiet)
    }

    private var today: String { ManifestDates.day(Date()) }

    @Test func writesSeedFormatFilesAndManifest() throws {
        let w = try writer()
        let entries = try w.commit([
            makeRecord(id: "00000000000000aa", url: "https://a.example/1", body: "First paragraph.\nSecond one.\n"),
            makeRecord(id: "00000000000000bb", url: "https://a.example/2", body: "Other story.\n"),
        ])
        #expect(entries.map(\.file) == ["000_00000000000000aa.txt", "001_00000000000000bb.txt"])
        let day = (output as NSString).appendingPathComponent(today)
        let text = try String(contentsOfFile: (day as NSString).appendingPathComponent("000_00000000000000aa.txt"), encoding: .utf8)
        #expect(text == "First paragraph.\nSecond one.\n")
        let manifest = try readManifest(day)
        #expect(manifest.map(\.seq) == [0, 1])
        #expect(manifest.map(\.file) == ["000_00000000000000aa.txt", "001_00000000000000bb.txt"])
        #expect(try store.knownURL("https://a.example/2")?.id == "00000000000000bb")
        #expect(try store.pendingCommits().isEmpty)
    }

    @Test func manifestLineHasEveryKeyEvenWhenNull() throws {
        let w = try writer()
        _ = try w.commit([makeRecord(id: "00000000000000aa", url: "https://a.example/1", body: "x\n")])
        let path = ((output as NSString).appendingPathComponent(today) as NSString).appendingPathComponent("records.jsonl")
        let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[0]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["id", "seq", "file", "url", "canonical_url", "source", "title", "published", "authors", "language",
                    "fetched_at", "word_count", "content_hash", "duplicate_of", "revision"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["duplicate_of"] is NSNull)
    }

    @Test func droppedDuplicateGetsManifestLineOnlyAndNoSeq() throws {
        let w = try writer()
        _ = try w.commit([
            makeRecord(id: "00000000000000aa", url: "https://a.example/1", body: "story\n"),
            makeRecord(id: "00000000000000cc", url: "https://b.example/1", body: nil, duplicateOf: "00000000000000aa"),
            makeRecord(id: "00000000000000dd", url: "https://c.example/1", body: "another\n"),
        ])
        let day = (output as NSString).appendingPathComponent(today)
        let manifest = try readManifest(day)
        #expect(manifest.map(\.seq) == [0, nil, 1])
        #expect(manifest[1].duplicateOf == "00000000000000aa")
        let files = try FileManager.default.contentsOfDirectory(atPath: day).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files == ["000_00000000000000aa.txt", "001_00000000000000dd.txt"])
    }

    @Test func sequenceContinuesAcrossWritersSharingState() throws {
        _ = try writer().commit([makeRecord(id: "00000000000000a1", url: "https://a.example/1", body: "a\n")])
        _ = try writer().commit([makeRecord(id: "00000000000000a2", url: "https://a.example/2", body: "b\n")])
        let manifest = try readManifest((output as NSString).appendingPathComponent(today))
        #expect(manifest.map(\.seq) == [0, 1])
    }

    // Kill points: after the journal entry (1), after the text file (2), after the manifest line (3).
    @Test(arguments: [1, 2, 3])
    func recoveryFinishesAnInterruptedCommit(killedAfterStep step: Int) throws {
        let record = makeRecord(id: "00000000000000ee", url: "https://e.example/1", body: "kept\n")
        let entry = try store.beginCommit(record, day: today, at: Date())
        let day = (output as NSString).appendingPathComponent(today)
        try FileManager.default.createDirectory(atPath: day, withIntermediateDirectories: true)
        if step >= 2 {
            try DurableFile.writeAtomically(entry.body!, to: (day as NSString).appendingPathComponent(entry.file!), sync: false)
        }
        if step >= 3 {
            try DurableFile.append(entry.manifestLine + "\n", to: (day as NSString).appendingPathComponent("records.jsonl"), sync: false)
        }
        // A stale temporary from a write that never got renamed.
        try Data("partial".utf8).write(to: URL(fileURLWithPath: (day as NSString).appendingPathComponent(".999_x.txt.tmp")))

        let recovered = try writer().recover()
        #expect(recovered.map(\.id) == ["00000000000000ee"])
        let manifest = try readManifest(day)
        #expect(manifest.map(\.id) == ["00000000000000ee"])
        #expect(try String(contentsOfFile: (day as NSString).appendingPathComponent("000_00000000000000ee.txt"), encoding: .utf8) == "kept\n")
        #expect(!FileManager.default.fileExists(atPath: (day as NSString).appendingPathComponent(".999_x.txt.tmp")))
        #expect(try store.pendingCommits().isEmpty)
        #expect(try store.knownURL("https://e.example/1") != nil)
        // The next record continues the sequence without a gap.
        _ = try writer().commit([makeRecord(id: "00000000000000ff", url: "https://f.example/1", body: "next\n")])
        #expect(try readManifest(day).map(\.seq) == [0, 1])
    }

    @Test func recoveryCutsATornManifestLine() throws {
        let w = try writer()
        _ = try w.commit([makeRecord(id: "00000000000000aa", url: "https://a.example/1", body: "a\n")])
        let record = makeRecord(id: "00000000000000bb", url: "https://a.example/2", body: "b\n")
        let entry = try store.beginCommit(record, day: today, at: Date())
        let manifestPath = (((output as NSString).appendingPathComponent(today)) as NSString).appendingPathComponent("records.jsonl")
        try DurableFile.append(String(entry.manifestLine.prefix(20)), to: manifestPath, sync: false)
        try w.recover()
        let manifest = try readManifest((output as NSString).appendingPathComponent(today))
        #expect(manifest.map(\.seq) == [0, 1])
    }

    @Test func bodiesWaitInPendingFilesAndTheJournalHoldsOnlyTheirNames() throws {
        let w = try writer()
        let bodies = ["First story.\n", "Second story.\n"]
        var seen: [JournalEntry] = []
        _ = try w.commit([makeRecord(id: "00000000000000a1", url: "https://a.example/1", body: bodies[0]),
                          makeRecord(id: "00000000000000a2", url: "https://a.example/2", body: bodies[1]),
                          makeRecord(id: "00000000000000a3", url: "https://a.example/3", body: nil, duplicateOf: "00000000000000a1")]) { _ in
            // Between the journal and the files: what a kill here would leave.
            seen = try store.pendingCommits()
        }
        #expect(seen.count == 3)
        #expect(seen.allSatisfy { $0.body == nil }, "bodies must not be written into the database")
        let names = seen.compactMap(\.bodyFile)
        #expect(names.count == 2)
        let duplicate = try #require(seen.first { $0.id == "00000000000000a3" })
        #expect(duplicate.bodyFile == nil, "a dropped duplicate has no file")
        // After the commit the pending files have become the text files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.pendingDirectory).isEmpty)
        let day = (output as NSString).appendingPathComponent(today)
        #expect(try String(contentsOfFile: (day as NSString).appendingPathComponent("001_00000000000000a2.txt"), encoding: .utf8) == bodies[1])
        #expect(try readManifest(day).map(\.seq) == [0, 1, nil])
    }

    // Kill points of the pending-file commit: after the pending file (0), after the journal
    // entry (1), after the rename (2), after the manifest line (3).
    @Test(arguments: [0, 1, 2, 3])
    func recoveryFinishesACommitFromItsPendingFile(killedAfterStep step: Int) throws {
        let w = try writer()
        let record = makeRecord(id: "00000000000000ee", url: "https://e.example/1", body: "kept text\n")
        let pendingName = ".\(UUID().uuidString).tmp"
        let pendingPath = (w.pendingDirectory as NSString).appendingPathComponent(pendingName)
        try Data("kept text\n".utf8).write(to: URL(fileURLWithPath: pendingPath))
        let day = (output as NSString).appendingPathComponent(today)
        try FileManager.default.createDirectory(atPath: day, withIntermediateDirectories: true)
        if step >= 1 {
            let entry = try store.beginCommits([record], bodyFiles: [pendingName], day: today, at: Date())[0]
            if step >= 2 {
                try FileManager.default.moveItem(atPath: pendingPath, toPath: (day as NSString).appendingPathComponent(entry.file!))
            }
            if step >= 3 {
                try DurableFile.append(entry.manifestLine + "\n", to: (day as NSString).appendingPathComponent("records.jsonl"), sync: false)
            }
        }

        let recovered = try writer().recover()
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.pendingDirectory).isEmpty, "no pending file left behind")
        if step == 0 {
            // The journal never named it: nothing was promised, nothing is recorded.
            #expect(recovered.isEmpty)
            #expect(try readManifest(day).isEmpty)
            #expect(try store.knownURL("https://e.example/1") == nil)
        } else {
            #expect(recovered.map(\.id) == ["00000000000000ee"])
            #expect(recovered.first?.body == "kept text\n", "recovery hands back the body, for the dedupe index")
            #expect(try readManifest(day).map(\.id) == ["00000000000000ee"])
            #expect(try String(contentsOfFile: (day as NSString).appendingPathComponent("000_00000000000000ee.txt"), encoding: .utf8) == "kept text\n")
            #expect(try store.knownURL("https://e.example/1") != nil)
        }
        #expect(try store.pendingCommits().isEmpty)
        // The next record continues the sequence without a gap.
        _ = try writer().commit([makeRecord(id: "00000000000000ff", url: "https://f.example/1", body: "next\n")])
        #expect(try readManifest(day).compactMap(\.seq) == (step == 0 ? [0] : [0, 1]))
    }

    @Test func aJournalEntryWhosePendingBodyVanishedIsReportedNotInvented() throws {
        let w = try writer()
        let record = makeRecord(id: "00000000000000ab", url: "https://g.example/1", body: "text\n")
        _ = try store.beginCommits([record], bodyFiles: [".gone.tmp"], day: today, at: Date())
        #expect(throws: RecordWriterError.self) { try w.recover() }
    }
}
