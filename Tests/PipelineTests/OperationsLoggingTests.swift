import Foundation
import Logging
import Pipeline
import Testing

@Suite("Operations: service log handler")
struct OperationsLoggingTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_714_564_800.123)  // 2024-05-01T12:00:00.123Z

    struct ParseFailure: Error {}

    /// A logger whose handler writes to memory; `environment` and `fileDescriptor` stand in for
    /// the process's, so tests never touch the real environment or standard error.
    func logger(format: LogFormat, level: Logger.Level = .trace, environment: [String: String] = [:],
                fileDescriptor: Int32 = -1, sink: CollectingLogSink) -> Logger {
        let handler = ServiceLogHandler.standardError(label: "copydesk", format: format, level: level, environment: environment,
                                                      sink: sink, fileDescriptor: fileDescriptor, now: { Self.fixedDate })
        return Logger(label: "copydesk") { _ in handler }
    }

    /// An open file and the `JOURNAL_STREAM` value systemd would announce for it.
    func journalLikeFile(in folder: TemporaryFolder) throws -> (descriptor: Int32, announced: String) {
        let path = folder.path + "/stream"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        var info = stat()
        try #require(fstat(descriptor, &info) == 0)
        return (descriptor, "\(info.st_dev):\(info.st_ino)")
    }

    @Test("each level carries the syslog priority journald maps to it", arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func journalPrefix(level: Logger.Level, priority: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (descriptor, announced) = try journalLikeFile(in: folder)
        defer { close(descriptor) }
        let sink = CollectingLogSink()
        let log = logger(format: .text, environment: ["JOURNAL_STREAM": announced], fileDescriptor: descriptor, sink: sink)
        log.log(level: level, "fetched", metadata: ["source": "wire-east", "http.status": "200"])
        let line = try #require(sink.lines.first)
        #expect(line == "<\(priority)>\(level.rawValue) copydesk: fetched http.status=200 source=wire-east\n")
    }

    @Test("JOURNAL_STREAM naming another file is ignored (output was redirected)")
    func journalStreamMismatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (descriptor, _) = try journalLikeFile(in: folder)
        defer { close(descriptor) }
        #expect(!JournalStream.isConnected(environment: ["JOURNAL_STREAM": "1:1"], fileDescriptor: descriptor))
        #expect(!JournalStream.isConnected(environment: ["JOURNAL_STREAM": "garbage"], fileDescriptor: descriptor))
        #expect(!JournalStream.isConnected(environment: [:], fileDescriptor: descriptor))
        let sink = CollectingLogSink()
        logger(format: .text, environment: ["JOURNAL_STREAM": "1:1"], fileDescriptor: descriptor, sink: sink).error("boom")
        #expect(sink.lines == ["2024-05-01T12:00:00.123Z error copydesk: boom\n"])
    }

    @Test("JSON and journald combine: prefix, then one JSON object")
    func journalJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (descriptor, announced) = try journalLikeFile(in: folder)
        defer { close(descriptor) }
        let sink = CollectingLogSink()
        logger(format: .json, environment: ["JOURNAL_STREAM": announced], fileDescriptor: descriptor, sink: sink)
            .warning("slow host", metadata: ["host": "news.example"])
        let line = try #require(sink.lines.first)
        #expect(line.hasPrefix("<4>{"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.dropFirst(3).utf8)) as? [String: Any])
        #expect(object["host"] as? String == "news.example")
    }

    @Test("text lines: timestamp, level, label, message and sorted logfmt metadata, quoted when needed")
    func textLine() {
        let sink = CollectingLogSink()
        logger(format: .text, sink: sink).info("fetched", metadata: [
            "url": "https://news.example/a b?x=1",
            "source": "wire-east",
            "http.status": "304",
            "note": "",
            "quote": "say \"hi\"",
        ])
        #expect(sink.lines == [
            "2024-05-01T12:00:00.123Z info copydesk: fetched http.status=304 note=\"\" quote=\"say \\\"hi\\\"\" "
                + "source=wire-east url=\"https://news.example/a b?x=1\"\n",
        ])
    }

    @Test("a multi-line message stays one line, so one journal entry")
    func newlinesEscaped() {
        let sink = CollectingLogSink()
        logger(format: .text, sink: sink).error("first\nsecond", metadata: ["body": "a\nb"])
        #expect(sink.lines.count == 1)
        #expect(sink.lines[0] == "2024-05-01T12:00:00.123Z error copydesk: first\\nsecond body=\"a\\nb\"\n")
        #expect(sink.lines[0].filter { $0 == "\n" }.count == 1)
    }

    @Test("JSON lines parse and carry every metadata key, nested values as JSON")
    func jsonLine() throws {
        let sink = CollectingLogSink()
        logger(format: .json, sink: sink).error("fetch failed\n\"quoted\" \u{1}", metadata: [
            "source": "wire-east",
            "host": "news.example",
            "url": "https://news.example/story?id=1&x=\u{e9}",
            "http.status": "503",
            "error.class": "http_5xx",
            "attempts": .array(["1", "2"]),
            "timing": .dictionary(["connect": "0.1"]),
            "msg": "collides with a reserved key",
        ])
        let line = try #require(sink.lines.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["ts"] as? String == "2024-05-01T12:00:00.123Z")
        #expect(object["level"] as? String == "error")
        #expect(object["logger"] as? String == "copydesk")
        #expect(object["msg"] as? String == "fetch failed\n\"quoted\" \u{1}")
        #expect(object["source"] as? String == "wire-east")
        #expect(object["host"] as? String == "news.example")
        #expect(object["url"] as? String == "https://news.example/story?id=1&x=\u{e9}")
        #expect(object["http.status"] as? String == "503")
        #expect(object["error.class"] as? String == "http_5xx")
        #expect(object["attempts"] as? [String] == ["1", "2"])
        #expect((object["timing"] as? [String: String])?["connect"] == "0.1")
        #expect(object["metadata.msg"] as? String == "collides with a reserved key")
    }

    struct StallError: Error, CustomStringConvertible {
        var description: String { "no bytes for 15 s" }
    }

    @Test("an error attached to the event becomes error.class and error")
    func errorMetadata() throws {
        let formatter = LogLineFormatter(format: .json, journal: false)
        let line = formatter.line(level: .error, message: "failed", label: "copydesk", metadata: ["url": "https://a.example/"],
                                  error: StallError(), at: Self.fixedDate)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["error.class"] as? String == "StallError")
        #expect(object["error"] as? String == "no bytes for 15 s")
    }

    @Test("handler, provider and call-site metadata merge, the call site winning; levels filter")
    func metadataPrecedenceAndLevel() {
        let sink = CollectingLogSink()
        let provider = Logger.MetadataProvider { ["run": "42", "source": "from-provider"] }
        let handler = ServiceLogHandler(label: "copydesk", format: .text, journal: false, level: .notice,
                                        sink: sink, metadataProvider: provider, now: { Self.fixedDate })
        var log = Logger(label: "copydesk") { _ in handler }
        log[metadataKey: "host"] = "worker-1"
        log[metadataKey: "source"] = "from-handler"
        log.info("dropped: below notice")
        log.notice("kept", metadata: ["source": "from-call"])
        #expect(sink.lines == ["2024-05-01T12:00:00.123Z notice copydesk: kept host=worker-1 run=42 source=from-call\n"])
    }

    @Test("the file-descriptor sink writes whole lines")
    func fileDescriptorSink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/log"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        let sink = FileDescriptorLogSink(fileDescriptor: descriptor)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            sink.write(line: "line \(index) " + String(repeating: "x", count: 500) + "\n")
        }
        close(descriptor)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.hasPrefix("line ") && $0.hasSuffix(String(repeating: "x", count: 500)) })
    }
}
