import ArgumentParser
import Foundation
import Normalize
import Pipeline

/// `copydesk sources`: the effective source list (inline sources plus every source file).
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List or export the effective sources of a configuration.",
        subcommands: [List.self, Export.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every source with where it was declared.")

        @Option(name: .shortAndLong, help: "The configuration file.")
        var config: String = "pipeline.json"

        @Flag(help: "Print JSON lines instead of a table.")
        var json = false

        func run() async throws {
            let loaded = try loadConfigWithWarnings(config)
            for warning in loaded.warnings { printError("warning: \(warning)") }
            if json {
                for source in loaded.config.sources { print(try Self.jsonLine(source, configFile: config)) }
                return
            }
            let width = min(32, loaded.config.sources.map(\.name.count).max() ?? 4)
            print("name".padding(toLength: width, withPad: " ", startingAt: 0) + "  type     enabled  category             origin  url")
            for source in loaded.config.sources {
                var line = source.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                line += source.type.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                line += (source.enabled ? "yes" : "no").padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                line += (source.category ?? "-").padding(toLength: 19, withPad: " ", startingAt: 0) + "  "
                line += (source.origin ?? config) + "  " + source.url
                print(line)
            }
        }

        static func jsonLine(_ source: SourceConfig, configFile: String) throws -> String {
            var object: [String: Any] = ["name": source.name, "type": source.type.rawValue, "url": source.url,
                                         "enabled": source.enabled, "origin": source.origin ?? configFile]
            if let category = source.category { object["category"] = category }
            if let language = source.language { object["language"] = language }
            if let pattern = source.articlePattern { object["articlePattern"] = pattern }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the feed sources as OPML 2.0, for a feed reader or another configuration.",
            discussion: "Sitemap and page sources have no OPML form and are left out (each is named on standard error).")

        @Option(name: .shortAndLong, help: "The configuration file.")
        var config: String = "pipeline.json"

        @Flag(help: "Write OPML (the only export format).")
        var opml = false

        func run() async throws {
            let loaded = try loadConfig(config)
            var feeds: [OPMLDocument.Feed] = []
            for source in loaded.sources {
                guard source.type == .feed else {
                    printError("left out: \(source.name) (\(source.type.rawValue) sources have no OPML form)")
                    continue
                }
                let folders = source.category.map { $0.components(separatedBy: " / ") } ?? []
                feeds.append(OPMLDocument.Feed(title: source.name, url: source.url, folders: folders))
            }
            FileHandle.standardOutput.write(Data(OPMLWriter.write(OPMLDocument(title: "Copydesk sources", feeds: feeds)).utf8))
        }
    }
}
