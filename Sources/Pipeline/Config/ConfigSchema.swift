import Foundation

/// The keys each configuration object may hold, so a misspelt key is an error, not a default.
enum ConfigSchema {
    static let topLevel: Set<String> = ["output", "state", "fetch", "dedupe", "polling", "metrics", "archive", "sources", "sourceFiles", "worker"]
    static let sections: [String: Set<String>] = [
        "output": ["directory"],
        "state": ["path", "url"],
        "fetch": [
            "userAgent", "concurrency", "perHostConcurrency", "perHostDelayMs", "timeoutSeconds",
            "connectTimeoutSeconds", "stallTimeoutSeconds", "lowSpeedBytesPerSecond", "maxBodyBytes",
            "maxRedirects", "maxAttempts", "maxRetryAfterSeconds", "respectRobotsTxt",
            "allowPrivateNetworks", "proxy", "caFile",
        ],
        "dedupe": ["threshold", "windowDays", "policy"],
        "polling": ["minIntervalMinutes", "maxIntervalMinutes"],
        "metrics": ["path"],
        "archive": ["directory", "maxFileBytes"],
        "worker": ["name", "leaseSeconds"],
    ]
    static let source: Set<String> = ["name", "type", "url", "articlePattern", "enabled", "language", "category"]

    static func unknownKeys(in json: Any) -> [ConfigError] {
        guard let root = json as? [String: Any] else {
            return [ConfigError(path: "", message: "expected a JSON object at the top level")]
        }
        var errors: [ConfigError] = []
        for key in root.keys.sorted() where !topLevel.contains(key) {
            errors.append(unknown(key, path: key, allowed: topLevel))
        }
        for (section, allowed) in sections.sorted(by: { $0.key < $1.key }) {
            guard let object = root[section] as? [String: Any] else { continue }
            for key in object.keys.sorted() where !allowed.contains(key) {
                errors.append(unknown(key, path: "\(section).\(key)", allowed: allowed))
            }
        }
        if let sources = root["sources"] as? [Any] {
            errors += unknownSourceKeys(in: sources, path: "sources")
        }
        return errors
    }

    /// Unknown keys of the source objects of an array (inline, or from a JSON source file).
    static func unknownSourceKeys(in sources: [Any], path: String) -> [ConfigError] {
        var errors: [ConfigError] = []
        for (index, item) in sources.enumerated() {
            guard let object = item as? [String: Any] else { continue }
            for key in object.keys.sorted() where !source.contains(key) {
                errors.append(unknown(key, path: "\(path)[\(index)].\(key)", allowed: source))
            }
        }
        return errors
    }

    private static func unknown(_ key: String, path: String, allowed: Set<String>) -> ConfigError {
        let suggestion = allowed.min { editDistance($0.lowercased(), key.lowercased()) < editDistance($1.lowercased(), key.lowercased()) }
        var message = "unknown key"
        if let suggestion, editDistance(suggestion.lowercased(), key.lowercased()) <= 3 {
            message += " (did you mean \"\(suggestion)\"?)"
        } else {
            message += "; expected one of \(allowed.sorted().joined(separator: ", "))"
        }
        return ConfigError(path: path, message: message)
    }

    /// Levenshtein distance, for "did you mean" hints on short key names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
