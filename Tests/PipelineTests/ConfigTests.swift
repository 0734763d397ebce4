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

/// `state.url` (PostgreSQL) against `state.path` (SQLite), and the `worker` section.
@Suite("Configuration: state backend and worker")
struct StateBackendConfigTests {
    private let source = #""sources":[{"name":"a","type":"feed","url":"https://example.com/rss"}]"#

    private func errors(_ json: String) -> [String] {
        do {
            _ = try ConfigLoader.decode(Data(json.utf8), file: "test.json")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func stateURLSelectsPostgreSQLAndPathKeepsItsDefault() throws {
        let config = try ConfigLoader.decode(Data(#"{"state":{"url":"postgresql://copydesk@db.example:5432/news?sslmode=verify-full"},\#(source)}"#.utf8))
        #expect(config.state.url == "postgresql://copydesk@db.example:5432/news?sslmode=verify-full")
        let sqlite = try ConfigLoader.decode(Data("{\(source)}".utf8))
        #expect(sqlite.state.url == nil && sqlite.state.path == "data/state.sqlite")
        // libpq's multi-host form and a socket folder are URLs too.
        #expect(errors(#"{"state":{"url":"postgres://copydesk@db1:5432,db2:5432/news?target_session_attrs=read-write"},\#(source)}"#).isEmpty)
        #expect(errors(#"{"state":{"url":"postgresql:///news?host=/run/postgresql"},\#(source)}"#).isEmpty)
    }

    @Test func pathAndURLTogetherAreAnErrorNamingBoth() {
        let found = errors(#"{"state":{"path":"state.sqlite","url":"postgresql://copydesk@db/news"},\#(source)}"#)
        #expect(found == ["state: give either state.path (SQLite) or state.url (PostgreSQL), not both"])
    }

    @Test func aPasswordInTheURLIsRejected() {
        for url in ["postgresql://copydesk:secret@db.example/news", "postgresql://copydesk@db.example/news?sslmode=require&password=secret"] {
            let found = errors(#"{"state":{"url":"\#(url)"},\#(source)}"#)
            #expect(found.count == 1)
            #expect(found.first?.hasPrefix("state.url: must not contain a password") == true)
            #expect(found.first?.contains("secret") == false)
        }
        #expect(errors(#"{"state":{"url":"mysql://copydesk@db/news"},\#(source)}"#)
            == [#"state.url: expected a postgresql:// URL, got "mysql://copydesk@db/news""#])
    }

    @Test func workerTakesTheHostNameAndASixtySecondLease() throws {
        let defaults = try ConfigLoader.decode(Data("{\(source)}".utf8))
        #expect(defaults.worker.name == ProcessInfo.processInfo.hostName)
        #expect(defaults.worker.leaseSeconds == 60)
        let set = try ConfigLoader.decode(Data(#"{"worker":{"name":"ingest-2","leaseSeconds":15.5},\#(source)}"#.utf8))
        #expect(set.worker == WorkerConfig(name: "ingest-2", leaseSeconds: 15.5))
    }

    @Test func workerValuesAreChecked() {
        #expect(errors(#"{"worker":{"leaseSeconds":0},\#(source)}"#)
            == ["worker.leaseSeconds: expected seconds above 0 and at most 86400, got 0.0"])
        #expect(errors(#"{"worker":{"name":" "},\#(source)}"#) == ["worker.name: expected a non-empty name"])
        #expect(errors(#"{"worker":{"nmae":"x"},\#(source)}"#) == [#"worker.nmae: unknown key (did you mean "name"?)"#])
        #expect(errors(#"{"state":{"uri":"postgresql://db/news"},\#(source)}"#) == [#"state.uri: unknown key (did you mean "url"?)"#])
    }
}
