public import Foundation

/// Reads, checks and resolves a `pipeline.json`.
///
/// Three passes, so that a user sees every problem at once: unknown keys (a typo must not be
/// silently ignored), types (from `Codable`, re-worded with the key path), then values.
public enum ConfigLoader {
    /// Loads the file at `path` and the source files it names; relative `output`/`state`/
    /// `metrics` paths and `sourceFiles` are resolved against the file's folder, so the service
    /// works whatever its working directory.
    public static func load(path: String) throws(ConfigErrors) -> PipelineConfig {
        try loadWithWarnings(path: path).config
    }

    /// Checks and decodes configuration bytes; `file` only labels the errors.
    public static func decode(_ data: Data, file: String = "<config>") throws(ConfigErrors) -> PipelineConfig {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ConfigErrors(file: file, errors: [ConfigError(path: "", message: "not valid JSON: \(jsonErrorDetail(error))")])
        }
        var errors = ConfigSchema.unknownKeys(in: json)
        if !errors.isEmpty {
            throw ConfigErrors(file: file, errors: errors)
        }
        let config: PipelineConfig
        do {
            config = try JSONDecoder().decode(PipelineConfig.self, from: data)
        } catch let error as DecodingError {
            throw ConfigErrors(file: file, errors: [describe(error)])
        } catch {
            throw ConfigErrors(file: file, errors: [ConfigError(path: "", message: "\(error)")])
        }
        errors = ConfigValidator.validate(config)
        if !errors.isEmpty {
            throw ConfigErrors(file: file, errors: errors)
        }
        return config
    }

    private static func jsonErrorDetail(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }

    static func describe(_ error: DecodingError) -> ConfigError {
        switch error {
        case .typeMismatch(let type, let context):
            return ConfigError(path: ConfigError.path(context.codingPath), message: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return ConfigError(path: ConfigError.path(context.codingPath), message: "expected \(typeName(type)), got null")
        case .keyNotFound(let key, let context):
            return ConfigError(path: ConfigError.path(context.codingPath + [key]), message: "required key is missing")
        case .dataCorrupted(let context):
            return ConfigError(path: ConfigError.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return ConfigError(path: "", message: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is SourceType.Type: return "one of \(SourceType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))"
        case is DedupePolicy.Type: return "one of \(DedupePolicy.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            return "an object"
        }
    }
}

extension PipelineConfig {
    /// Makes relative paths absolute against `base` (the configuration file's folder).
    mutating func resolvePaths(relativeTo base: URL) {
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
        }
        output.directory = resolve(output.directory)
        state.path = resolve(state.path)
        if let metricsPath = metrics.path { metrics.path = resolve(metricsPath) }
        if let archiveDirectory = archive.directory { archive.directory = resolve(archiveDirectory) }
        if let caFile = fetch.caFile { fetch.caFile = resolve(caFile) }
    }
}
