import Foundation

/// A configuration problem, named by the key path where it was found, e.g.
/// `sources[2].url: expected an http(s) URL, got "ftp://x"`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path with array indices, `""` for the whole document.
    public let path: String
    /// What was expected and what was found.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// All problems found in one configuration file (validation does not stop at the first).
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let errors: [ConfigError]

    public var description: String {
        errors.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}

extension ConfigError {
    /// Renders a Codable coding path the way users write it: `sources[2].url`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return out
    }
}
