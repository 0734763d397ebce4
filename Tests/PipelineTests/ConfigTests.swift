import Foundation
import Testing
@testable import Pipeline

@Suite("Configuration")
struct ConfigTests {
    private func decode(_ json: String) throws(ConfigErrors) -> PipelineConfig {
        try ConfigLoader.decode(Data(json.utf8), file: "test.json")
    }

    private func errors(_ json: String) -> [String] {
        do {
            _ = try decode(json)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func minimalConfigTakesDefaults() throws {
        let config = try decode(#"{"sources":[{"name":"a","type":"feed","url":"https://example.com/rss"}]}"#)
        #expect(config.fetch.perHostConcurrency == 2)
        #expect(config.dedupe.policy == .drop)
        #expect(config.output.directory == "data/records")
        #expect(config.sources[0].enabled)
    }

    @Test func connectLimitDefaultFollowsALowerOverallTimeout() throws {
        let lowered = try decode(#"{"fetch":{"timeoutSeconds":4},"sources":[{"name":"a","type":"feed","url":"https://example.com/rss"}]}"#)
        #expect(lowered.fetch.connectTimeoutSeconds == 4)
        let defaults = try decode(#"{"sources":[{"name":"a","type":"feed","url":"https://example.com/rss"}]}"#)
        #expect(defaults.fetch.connectTimeoutSeconds == 10)
        // A connect limit the user did write is still checked against the overall one.
        #expect(errors(#"{"fetch":{"timeoutSeconds":4,"connectTimeoutSeconds":8},"sources":[{"name":"a","type":"feed","url":"https://example.com/rss"}]}"#)
            .contains { $0.hasPrefix("fetch.connectTimeoutSeconds") })
    }

    @Test func badURLIsNamedByKeyPath() {
        let found = errors(#"""
        {"sources":[{"name":"a","type":"feed","url":"https://example.com/rss"},
                    {"name":"b","type":"feed","url":"https://example.com/rss2"},
                    {"name":"c","type":"feed","url":"ftp://x"}]}
        """#)
        #expect(found == [#"sources[2].url: expected an http(s) URL, got "ftp://x""#])
    }

    @Test func wrongTypeIsNamedByKeyPath() {
        let found = errors(#"{"fetch":{"concurrency":"many"},"sources":[{"name":"a","type":"feed","url":"https://e.com/"}]}"#)
        #expect(found == ["fetch.concurrency: expected an integer"])
    }

    @Test func unknownSourceTypeListsChoices() {
        let found = errors(#"{"sources":[{"name":"a","type":"podcast","url":"https://e.com/"}]}"#)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("sources[0].type:"))
    }

    @Test func misspeltKeySuggestsTheRightOne() {
        let found = errors(#"{"fetch":{"perHostConcurency":2},"sources":[{"name":"a","type":"feed","url":"https://e.com/"}]}"#)
        #expect(found == [#"fetch.perHostConcurency: unknown key (did you mean "perHostConcurrency"?)"#])
    }

    @Test func missingRequiredKey() {
        let found = errors(#"{"sources":[{"name":"a","url":"https://e.com/"}]}"#)
        #expect(found == ["sources[0].type: required key is missing"])
    }

    @Test func everyValueProblemIsReported() {
        let found = errors(#"""
        {"dedupe":{"threshold":1.5,"windowDays":0},"fetch":{"perHostConcurrency":0},
         "sources":[{"name":"a","type":"feed","url":"https://e.com/","articlePattern":"x"},
                    {"name":"a","type":"page","url":"https://e.com/","articlePattern":"(unclosed"}]}
        """#)
        #expect(found.contains { $0.hasPrefix("dedupe.threshold:") })
        #expect(found.contains { $0.hasPrefix("dedupe.windowDays:") })
        #expect(found.contains { $0.hasPrefix("fetch.perHostConcurrency:") })
        #expect(found.contains { $0 == #"sources[0].articlePattern: only applies to sources of type "page""# })
        #expect(found.contains { $0 == #"sources[1].name: "a" is already used by sources[0]"# })
        #expect(found.contains { $0.hasPrefix("sources[1].articlePattern: expected a regular expression") })
    }

    @Test func notJSON() {
        let found = errors("{sources: nope")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("not valid JSON"))
    }

    @Test func relativePathsResolveAgainstTheConfigFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pipeline.json")
        try Data(#"{"output":{"directory":"out"},"sources":[{"name":"a","type":"feed","url":"https://e.com/"}]}"#.utf8).write(to: file)
        let config = try ConfigLoader.load(path: file.path)
        #expect(config.output.directory == dir.appendingPathComponent("out").standardizedFileURL.path)
        #expect(config.state.path.hasPrefix("/"))
    }
}
