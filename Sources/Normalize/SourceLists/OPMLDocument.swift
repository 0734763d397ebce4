import Foundation

/// A feed list in OPML 1.0 or 2.0, the format feed readers (Miniflux, FreshRSS, Feedly,
/// NetNewsWire, …) import and export.
public struct OPMLDocument: Sendable, Equatable {
    /// One subscription: an `outline` element with an `xmlUrl`.
    public struct Feed: Sendable, Equatable {
        /// `title`, else `text` (readers write one or both), trimmed; may be empty.
        public var title: String
        /// The feed address (`xmlUrl`).
        public var url: String
        /// The site's home page (`htmlUrl`), when given.
        public var siteURL: String?
        /// Titles of the folders (outlines without `xmlUrl`) the feed sits in, outermost first.
        public var folders: [String]
        /// 1-based line of the outline in the file, for messages.
        public var line: Int

        public init(title: String, url: String, siteURL: String? = nil, folders: [String] = [], line: Int = 0) {
            self.title = title
            self.url = url
            self.siteURL = siteURL
            self.folders = folders
            self.line = line
        }
    }

    /// `head/title`, when present.
    public var title: String?
    /// The subscriptions in document order.
    public var feeds: [Feed]

    public init(title: String? = nil, feeds: [Feed]) {
        self.title = title
        self.feeds = feeds
    }
}

/// Why an OPML file could not be read. Source lists are configuration: a broken file is an
/// error that names the line, never a partial list silently used.
public struct OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line, or 0 when the problem is the whole file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
