import Foundation
import LoopbackServer

/// `make demo`: serves the fixture outlets in `demo/site/` on loopback (one address per outlet,
/// so politeness and per-host limits apply as on the internet), runs one real `copydesk run`
/// pass against them, shows where the records are and one record, then stops the servers.
@main
struct DemoCommand {
    static func main() async {
        do {
            try await run()
        } catch {
            FileHandle.standardError.write(Data("demo failed: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() async throws {
        let arguments = CommandLine.arguments
        let siteRoot = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "demo/site")
        let workRoot = URL(fileURLWithPath: arguments.count > 2 ? arguments[2] : "data/demo")
        let binary = arguments.count > 3 ? arguments[3] : ".build/release/copydesk"

        var servers: [(name: String, server: LoopbackServer)] = []
        defer { servers.forEach { $0.server.stop() } }
        let outlets = try FileManager.default.contentsOfDirectory(atPath: siteRoot.path).sorted()
        for (index, outlet) in outlets.enumerated() {
            let host = "127.0.0.\(index + 1)"
            // The origin is known only once the port is: start, then load the pages into the site.
            let site = LoopbackSite()
            let server = try LoopbackServer(host: host, site: site)
            try site.addFolder(siteRoot.appendingPathComponent(outlet), substitutions: ["origin": server.origin])
            servers.append((outlet, server))
            print("serving \(outlet) at \(server.origin)")
        }

        try? FileManager.default.removeItem(at: workRoot)
        try FileManager.default.createDirectory(at: workRoot, withIntermediateDirectories: true)
        let sources = servers.map { outlet, server -> String in
            let feed = FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent("\(outlet)/rss.xml").path) ? "/rss.xml" : "/atom.xml"
            return #"    { "name": "\#(outlet)", "type": "feed", "url": "\#(server.origin)\#(feed)" }"#
        }
        let config = """
        {
          "output": { "directory": "records" },
          "state": { "path": "state.sqlite" },
          "fetch": { "perHostDelayMs": 100, "allowPrivateNetworks": true, "timeoutSeconds": 10 },
          "metrics": { "path": "copydesk.prom" },
          "sources": [
        \(sources.joined(separator: ",\n"))
          ]
        }
        """
        let configPath = workRoot.appendingPathComponent("pipeline.json").path
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))

        print("\n$ \(binary) run --config \(configPath)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "--config", configPath]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DemoFailure(message: "copydesk run exited with status \(process.terminationStatus)")
        }

        let records = workRoot.appendingPathComponent("records")
        let days = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { !$0.hasPrefix(".") }.sorted()
        guard let day = days.last else { throw DemoFailure(message: "no records were written") }
        let dayFolder = records.appendingPathComponent(day)
        let files = try FileManager.default.contentsOfDirectory(atPath: dayFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        print("\nRecords are in \(dayFolder.path): \(files.count) text files and records.jsonl")
        for file in files { print("  \(file)") }
        let manifest = try String(contentsOf: dayFolder.appendingPathComponent("records.jsonl"), encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        print("\nrecords.jsonl has \(lines.count) lines; duplicates found: \(lines.filter { !$0.contains(#""duplicate_of":null"#) }.count)")
        if let first = files.first {
            print("\n--- \(first) ---")
            print(try String(contentsOf: dayFolder.appendingPathComponent(first), encoding: .utf8), terminator: "")
            if let line = lines.first(where: { $0.contains(first) }) {
                print("--- its manifest line ---\n\(line)")
            }
        }
    }
}

struct DemoFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
