import Foundation
import LoopbackServer
import Testing

/// `copydesk extract --input-dir`: which files it reads and the names it writes.
@Suite("Extract a directory", .timeLimit(.minutes(1)))
struct ExtractDirectoryTests {
    private static func page(_ subject: String) -> String {
        let paragraph = "<p>The \(subject) reopened on Saturday after three months of repairs, the operator said, and the first visitors queued before the doors opened in the morning.</p>"
        return "<html><body><article><h1>\(subject)</h1>\(String(repeating: paragraph, count: 3))</article></body></html>"
    }

    @Test func readsHtmAndHtmlPagesPlainOrGzippedWithoutNameClashes() async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let input = harness.path("pages")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try Data(Self.page("museum").utf8).write(to: URL(fileURLWithPath: input + "/a.html"))
        try Data(Self.page("library").utf8).write(to: URL(fileURLWithPath: input + "/a.htm"))
        try Data(Self.page("theatre").utf8).write(to: URL(fileURLWithPath: input + "/b.htm"))
        try Data(Self.page("zoo").utf8).write(to: URL(fileURLWithPath: input + "/c"))
        try Data("not a page".utf8).write(to: URL(fileURLWithPath: input + "/notes.txt"))
        // gzip through the system tool: the loader must read a page by its bytes, not its name.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [input + "/b.htm"]
        try await gzip.runUntilExit()
        #expect(gzip.terminationStatus == 0)

        let result = try await harness.run(["extract", "--json", "--input-dir", input, "--output-dir", harness.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("extracted 3 pages (0 failed)"))
        let written = try FileManager.default.contentsOfDirectory(atPath: harness.path("out")).sorted()
        #expect(written == ["a.htm.json", "a.htm.txt", "a.json", "a.txt", "b.htm.json", "b.htm.txt"])
        let htm = try String(contentsOfFile: harness.path("out/a.htm.txt"), encoding: .utf8)
        #expect(htm.contains("The library reopened"))
        let gzipped = try String(contentsOfFile: harness.path("out/b.htm.txt"), encoding: .utf8)
        #expect(gzipped.contains("The theatre reopened"))
    }

    /// Workers pull pages from one cursor: with more jobs than pages or fewer, every page is
    /// extracted exactly once, and a damaged page is counted as failed without stopping the rest.
    @Test(arguments: [1, 3, 40])
    func everyPageIsExtractedOnceWhateverTheJobs(jobs: Int) async throws {
        let harness = try BinaryHarness()
        defer { harness.cleanUp() }
        let input = harness.path("pages")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let subjects = (0..<12).map { "station \($0)" }
        for (index, subject) in subjects.enumerated() {
            try Data(Self.page(subject).utf8).write(to: URL(fileURLWithPath: input + "/p\(index).html"))
        }
        // gzip magic followed by garbage: the loader refuses it.
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]).write(to: URL(fileURLWithPath: input + "/broken.html.gz"))

        let result = try await harness.run(["extract", "--jobs", "\(jobs)", "--input-dir", input,
                                            "--output-dir", harness.path("out")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("extracted 13 pages (1 failed)"), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: harness.path("out")).sorted()
        #expect(written == (0..<12).map { "p\($0).txt" }.sorted())
        for (index, subject) in subjects.enumerated() {
            let text = try String(contentsOfFile: harness.path("out/p\(index).txt"), encoding: .utf8)
            #expect(text.contains("The \(subject) reopened"))
        }
    }
}
