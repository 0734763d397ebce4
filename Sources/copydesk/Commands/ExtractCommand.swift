import ArgumentParser
import Foundation
import Glibc
import Normalize

/// `copydesk extract`: article body and metadata from HTML files, one at a time or a whole
/// directory on all cores. This is also how extraction quality and speed are measured.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article body and metadata from HTML pages.",
        discussion: """
            Prints the body of each FILE (or '-' for standard input) in the seed-file format: \
            one paragraph per line. With --input-dir, every *.html, *.htm, *.html.gz and \
            *.htm.gz in the directory is extracted to OUTPUT-DIR/<name>.txt, where <name> is \
            the file name without .html/.gz (a.htm.gz gives a.htm.txt).
            """
    )

    @Argument(help: "HTML files ('-' reads standard input; .gz is decompressed).")
    var inputs: [String] = []

    @Flag(help: "Print the whole record as JSON instead of the body.")
    var json = false

    @Option(name: .shortAndLong, help: "Configuration whose fetch settings are used for URL arguments.")
    var config: String?

    @Option(help: "The page's URL, for resolving links and judging canonical URLs.")
    var url: String?

    @Option(help: "An HTTP Content-Type header to honour (may carry a charset).")
    var contentType: String?

    @Option(help: "Extract every *.html, *.htm, *.html.gz and *.htm.gz in this directory.")
    var inputDir: String?

    @Option(help: "Where --input-dir writes <name>.txt (and <name>.json with --json).")
    var outputDir: String?

    @Option(help: "Pages extracted in parallel (default: all cores).")
    var jobs: Int?

    func validate() throws {
        if inputDir != nil && outputDir == nil {
            throw ValidationError("--input-dir needs --output-dir")
        }
        if inputDir == nil && inputs.isEmpty {
            throw ValidationError("give at least one FILE, '-', or --input-dir DIR --output-dir OUT")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let url, URL(string: url)?.host == nil { throw ValidationError("--url is not an absolute URL: \(url)") }
    }

    func run() async throws {
        if let inputDir, let outputDir {
            let batch = ExtractBatch(inputDir: inputDir, outputDir: outputDir,
                                     jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                     writeJSON: json)
            let summary = try await batch.run()
            printError("extracted \(summary.pages) pages (\(summary.failures) failed) in "
                + String(format: "%.2f s, %.1f pages/s", summary.seconds,
                         Double(summary.pages) / max(summary.seconds, 1e-9)))
            if summary.failures > 0 { throw ExitCode(1) }
            return
        }
        let extractor = ArticleExtractor()
        for input in inputs {
            if isWebAddress(input), let address = URL(string: input) {
                let page = try await RemoteDocument.fetch(address, configPath: config, command: "extract")
                let article = extractor.extract(ArticleInput(html: page.body, url: page.finalURL,
                                                             contentType: page.contentType, contentLanguage: page.contentLanguage,
                                                             fetchedAt: Date()))
                if json { print(try ExtractBatch.encode(article)) } else { FileHandle.standardOutput.write(Data(article.text.utf8)) }
                continue
            }
            let data: Data
            do {
                data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try HTMLFileLoader.load(path: input)
            } catch {
                printError("copydesk extract: \(error)")
                throw ExitCode(1)
            }
            let article = extractor.extract(ArticleInput(
                html: data, url: url.flatMap(URL.init(string:)), contentType: contentType))
            if json {
                print(try ExtractBatch.encode(article))
            } else {
                FileHandle.standardOutput.write(Data(article.text.utf8))
            }
        }
    }
}

/// Extracts every page of a directory with a bounded number of concurrent jobs.
struct ExtractBatch {
    let inputDir: String
    let outputDir: String
    let jobs: Int
    let writeJSON: Bool

    struct Summary {
        var pages = 0
        var failures = 0
        var seconds = 0.0
    }

    /// Page file endings `--input-dir` reads, each with what is cut off for the output name:
    /// `a.html.gz` → `a`, but `a.htm.gz` → `a.htm`, so that `a.htm` and `a.html` in one
    /// directory never write the same output files.
    static let pageSuffixes: [(suffix: String, cut: Int)] = [(".html.gz", 8), (".htm.gz", 3), (".html", 5), (".htm", 0)]

    /// Names of pages in the directory (`pageSuffixes`), sorted for stable order.
    func pageFiles() throws -> [(path: String, name: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: inputDir).sorted()
        return names.compactMap { file in
            for (suffix, cut) in Self.pageSuffixes where file.hasSuffix(suffix) && file.count > suffix.count {
                return ("\(inputDir)/\(file)", String(file.dropLast(cut)))
            }
            return nil
        }
    }

    func run() async throws -> Summary {
        let files = try pageFiles()
        BatchHeapRetention.keepFreedMemory()
        try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        let extractor = ArticleExtractor()
        let started = Date()
        var summary = Summary()
        let cursor = PageCursor(count: files.count)
        await withTaskGroup(of: Summary.self) { group in
            for _ in 0..<min(jobs, files.count) {
                group.addTask {
                    var done = Summary()
                    while let index = cursor.take() {
                        done.pages += 1
                        if !process(files[index], extractor: extractor) { done.failures += 1 }
                    }
                    return done
                }
            }
            for await done in group {
                summary.pages += done.pages
                summary.failures += done.failures
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private func process(_ file: (path: String, name: String), extractor: ArticleExtractor) -> Bool {
        do {
            let data = try HTMLFileLoader.load(path: file.path)
            let article = extractor.extract(ArticleInput(html: data))
            let base = outputDir + "/" + file.name
            try Self.write(article.text, to: base + ".txt")
            if writeJSON { try Self.write(Self.encode(article), to: base + ".json") }
            return true
        } catch {
            printError("copydesk extract: \(file.path): \(error)")
            return false
        }
    }

    /// Plain create-and-write: `Data.write(to:)` fsyncs every file, which costs more than
    /// extracting the page; durability is the pipeline writer's job, not this tool's.
    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == text.utf8.count, closed == 0 else {
            throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
        }
    }

    static func encode(_ article: ExtractedArticle) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(article), as: UTF8.self)
    }
}
