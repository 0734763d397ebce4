import Foundation
import LoopbackServer

/// The repository root, found from this file's path (Tests/CopydeskCLITests/…).
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Result of one script run.
struct ScriptResult {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs `scripts/<name>` with bash and exactly `environment` (plus PATH), never the test
/// process's own environment, so parallel tests cannot disturb one another. The test's task is
/// suspended while the script runs (``Process/runCollectingOutput()``), its thread not blocked.
func runScript(_ name: String, environment: [String: String], in folder: String) async throws -> ScriptResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [repositoryRoot + "/scripts/" + name]
    var childEnvironment = environment
    childEnvironment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
    process.environment = childEnvironment
    let result = try await process.runCollectingOutput()
    return ScriptResult(status: result.status, output: result.stdout, errors: result.stderr)
}

/// A temporary folder for one test, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "copydesk-install-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ text: String, to relative: String, mode: Int = 0o644) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// Every file and link under `relative`, as paths relative to it, sorted.
    func listing(_ relative: String) -> [String] {
        let base = path + "/" + relative
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = base + "/" + item
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil
            if isLink || (FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && !isFolder.boolValue) {
                out.append(item)
            }
        }
        return out.sorted()
    }
}
