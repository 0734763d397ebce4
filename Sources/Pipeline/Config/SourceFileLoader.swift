import Foundation
import Normalize

/// Reads the `sourceFiles` of a configuration: OPML subscription lists (`.opml`, `.xml`) and
/// JSON source arrays. Every problem names its file and where in it (an OPML line, a JSON key
/// path); a broken file stops the configuration, never silently shortens the source list.
enum SourceFileLoader {
    /// The sources of one file, each with its `origin`; `taken` are the names already in use
    /// (OPML feeds get new unique names, JSON sources keep theirs).
    static func load(path: String, label: String, taken: Set<String>) throws(ConfigErrors) -> [SourceConfig] {
        let data: Data
        do {
            data = try FileBytes.read(path)
        } catch {
            throw ConfigErrors(file: label, errors: [ConfigError(path: "", message: "cannot read the source file: \(error.localizedDescription)")])
        }
        if path.lowercased().hasSuffix(".json") {
            return try json(data, label: label)
        }
        return try opml(data, label: label, taken: taken)
    }

    private static func opml(_ data: Data, label: String, taken: Set<String>) throws(ConfigErrors) -> [SourceConfig] {
        let document: OPMLDocument
        do {
            document = try OPMLReader.read(data)
        } catch {
            throw ConfigErrors(file: label, errors: [ConfigError(path: error.line > 0 ? "line \(error.line)" : "", message: error.message)])
        }
        var names = taken
        return document.feeds.map { feed in
            let name = SourceNames.make(title: feed.title, url: feed.url, taken: names)
            names.insert(name)
            let category = feed.folders.joined(separator: " / ")
            return SourceConfig(name: name, type: .feed, url: feed.url, category: category.isEmpty ? nil : category,
                                origin: "\(label):\(feed.line)")
        }
    }

    private static func json(_ data: Data, label: String) throws(ConfigErrors) -> [SourceConfig] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigErrors(file: label, errors: [ConfigError(path: "", message: "not valid JSON")])
        }
        let items: [Any]
        let path: String
        if let array = root as? [Any] {
            (items, path) = (array, "")
        } else if let object = root as? [String: Any], let array = object["sources"] as? [Any] {
            (items, path) = (array, "sources")
        } else {
            throw ConfigErrors(file: label, errors: [ConfigError(path: "", message: "expected an array of sources or an object with \"sources\"")])
        }
        let unknown = ConfigSchema.unknownSourceKeys(in: items, path: path)
        guard unknown.isEmpty else { throw ConfigErrors(file: label, errors: unknown) }
        var sources: [SourceConfig]
        do {
            let itemData = try JSONSerialization.data(withJSONObject: items)
            sources = try JSONDecoder().decode([SourceConfig].self, from: itemData)
        } catch let error as DecodingError {
            var described = ConfigLoader.describe(error)
            if !path.isEmpty { described = ConfigError(path: path + (described.path.hasPrefix("[") ? "" : ".") + described.path, message: described.message) }
            throw ConfigErrors(file: label, errors: [described])
        } catch {
            throw ConfigErrors(file: label, errors: [ConfigError(path: "", message: "\(error)")])
        }
        let errors = ConfigValidator.validate(sources: sources, path: path)
        guard errors.isEmpty else { throw ConfigErrors(file: label, errors: errors) }
        for index in sources.indices { sources[index].origin = label }
        return sources
    }
}
