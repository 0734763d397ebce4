import Foundation

/// A problem the parser recovered from: the document was not well-formed, its declared encoding
/// was wrong, or an entry was dropped as a duplicate. The data that could be kept was kept.
public struct ParseWarning: Sendable, Codable, Equatable, CustomStringConvertible {
    /// 1-based line in the document, or 0 when the problem is not tied to a line.
    public var line: Int
    /// Human-readable description (libxml2's message for XML errors).
    public var message: String

    public init(line: Int = 0, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
