public import Foundation

/// What one poll of a source saw — what ``PollSchedule/record(_:hints:into:)`` learns from.
public struct PollObservation: Sendable, Codable, Equatable {
    public var at: Date
    /// HTTP status: 200, or 304 for a conditional GET answered "not modified".
    public var status: Int
    /// Entries not seen before (0 for a 304).
    public var newItems: Int
    /// `ETag` of the response (for a 304, the one the server repeated, if any).
    public var etag: String?
    /// `Last-Modified` of the response.
    public var lastModified: String?
    /// Hash of what the source lists (see ``EntrySetHash``); nil for a 304.
    public var contentHash: UInt64?
    /// New items of this source were found another way (a sitemap, a later full fetch) although
    /// this poll's conditional GET said "not modified".
    public var newItemsObservedElsewhere: Bool

    public init(
        at: Date, status: Int, newItems: Int, etag: String? = nil, lastModified: String? = nil,
        contentHash: UInt64? = nil, newItemsObservedElsewhere: Bool = false
    ) {
        self.at = at
        self.status = status
        self.newItems = newItems
        self.etag = etag
        self.lastModified = lastModified
        self.contentHash = contentHash
        self.newItemsObservedElsewhere = newItemsObservedElsewhere
    }
}
