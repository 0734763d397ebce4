import Foundation

/// A loaded configuration and what was noticed while merging its source lists.
public struct LoadedConfig: Sendable {
    public var config: PipelineConfig
    /// Not errors: e.g. a feed listed twice (the later listing is left out). `check-config`
    /// prints them and `run` logs them.
    public var warnings: [String]
}

extension ConfigLoader {
    /// Loads the file at `path` and the source files it names, with the merge's warnings.
    public static func loadWithWarnings(path: String) throws(ConfigErrors) -> LoadedConfig {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try FileBytes.read(path)
        } catch {
            throw ConfigErrors(file: path, errors: [ConfigError(path: "", message: "cannot read the file: \(error.localizedDescription)")])
        }
        var config = try decode(data, file: path)
        let base = url.deletingLastPathComponent()
        config.resolvePaths(relativeTo: base)
        // Checked once relative paths are resolved against the configuration's folder.
        if let caFile = config.fetch.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ConfigErrors(file: path, errors: [ConfigError(path: "fetch.caFile", message: "cannot read the CA file \"\(caFile)\"")])
        }
        let warnings = try mergeSourceFiles(into: &config, base: base, configLabel: path)
        return LoadedConfig(config: config, warnings: warnings)
    }

    /// Appends the sources of every `sourceFiles` entry to `config.sources`. Names stay unique
    /// (a JSON file reusing a name is an error; OPML feeds are named to fit); a URL already
    /// listed keeps its first listing and the repeat is reported.
    static func mergeSourceFiles(into config: inout PipelineConfig, base: URL, configLabel: String) throws(ConfigErrors) -> [String] {
        var warnings: [String] = []
        var byURL: [String: String] = [:]
        var names = Set<String>()
        var merged: [SourceConfig] = []
        /// Keeps the first listing of a URL; a repeat is reported and left out.
        func add(_ source: SourceConfig, at index: Int) {
            let place = source.origin ?? "\(configLabel) sources[\(index)]"
            if let first = byURL[source.url] {
                warnings.append("\(place): \(source.url) is already listed by \(first); this listing is left out")
                return
            }
            byURL[source.url] = place
            merged.append(source)
        }
        for (index, source) in config.sources.enumerated() {
            names.insert(source.name)
            add(source, at: index)
        }
        for file in config.sourceFiles {
            let path = file.hasPrefix("/") ? file : base.appendingPathComponent(file).standardizedFileURL.path
            let loaded = try SourceFileLoader.load(path: path, label: file, taken: names)
            for (index, source) in loaded.enumerated() {
                if names.contains(source.name) && source.origin == file {
                    throw ConfigErrors(file: file, errors: [ConfigError(path: "[\(index)].name", message: "\"\(source.name)\" is already used by another source")])
                }
                names.insert(source.name)
                add(source, at: index)
            }
        }
        guard !merged.isEmpty else {
            throw ConfigErrors(file: configLabel, errors: [ConfigError(path: "sources", message: "expected at least one source (inline or in sourceFiles)")])
        }
        config.sources = merged
        return warnings
    }
}
