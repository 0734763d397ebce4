import Foundation
import LoopbackServer
import Testing

/// Runs the real `copydesk` binary (built next to the test bundle) in a temporary folder.
struct BinaryHarness {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test runner may live inside an .xctest bundle folder.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("copydesk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/copydesk")
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes a configuration for `sources` (JSON objects) with test-friendly fetch settings.
    func writeConfig(sources: [String], extra: String = "") throws -> String {
        let config = """
        {
          "output": { "directory": "records" },
          "state": { "path": "state.sqlite" },
          "fetch": { "allowPrivateNetworks": true, "perHostDelayMs": 0, "perHostConcurrency": 4, "timeoutSeconds": 10, "maxAttempts": 2 },
          "metrics": { "path": "copydesk.prom" }\(extra),
          "sources": [\(sources.joined(separator: ","))]
        }
        """
        let path = self.path("pipeline.json")
        try Data(config.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Starts the binary; the caller waits or signals. Standard error goes to `<log>.err`.
    func start(_ arguments: [String], log: String = "process") throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: path("\(log).err"), contents: nil)
        process.standardError = FileHandle(forWritingAtPath: path("\(log).err"))
        try process.run()
        return process
    }

    /// What a started process wrote to standard error.
    func errors(of log: String) -> String {
        (try? String(contentsOfFile: path("\(log).err"), encoding: .utf8)) ?? ""
    }

    /// Runs the binary to completion, returning status and output. Output goes to files, not
    /// pipes, and the test's task is suspended, not its thread blocked (``Process/runCollectingOutput()``).
    func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let result = try await process.runCollectingOutput()
        return (result.status, result.stdout, result.stderr)
    }
}

/// Serves a generated corpus, one loopback address per outlet.
final class CorpusServers {
    let corpus: NewsCorpus
    let servers: [LoopbackServer]

    init(_ corpus: NewsCorpus, addedLatency: Duration = .zero) throws {
        self.corpus = corpus
        var servers: [LoopbackServer] = []
        for outlet in 0..<corpus.outlets {
            let site = LoopbackSite()
            let server = try LoopbackServer(host: "127.0.0.\(outlet + 1)", addedLatency: addedLatency, site: site)
            corpus.fill(site, outlet: outlet, origin: server.origin)
            servers.append(server)
        }
        self.servers = servers
    }

    deinit { servers.forEach { $0.stop() } }

    var sourceJSON: [String] {
        servers.enumerated().map { #"{"name":"outlet\#($0.offset)","type":"feed","url":"\#($0.element.origin)/rss.xml"}"# }
    }
}

/// What the output folder holds, read the way a downstream reader would.
struct OutputSnapshot {
    struct Line: Decodable {
        let id: String
        let seq: Int?
        let file: String?
        let canonical_url: String
        let revision: Int
        let duplicate_of: String?
    }

    var linesByDay: [String: [Line]] = [:]
    var textFilesByDay: [String: Set<String>] = [:]
    var temporaries: [String] = []
    var texts: [String: String] = [:]

    init(root: String) throws {
        let days = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for day in days where !day.hasPrefix(".") {
            let folder = (root as NSString).appendingPathComponent(day)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            textFilesByDay[day] = Set(names.filter { $0.hasSuffix(".txt") })
            temporaries += names.filter { $0.hasSuffix(".tmp") }
            for name in names where name.hasSuffix(".txt") {
                texts["\(day)/\(name)"] = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            }
            if let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("records.jsonl")) {
                linesByDay[day] = try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                    try JSONDecoder().decode(Line.self, from: Data($0.utf8))
                }
            }
        }
    }

    var allLines: [Line] { linesByDay.values.flatMap { $0 } }
}
