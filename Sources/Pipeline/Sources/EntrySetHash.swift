public import Normalize
import Foundation

/// A hash of what a source lists — the set of its entries' guids and links — for deciding
/// "unchanged" without trusting HTTP validators. Ignores order and everything that feeds change
/// on every request without news (`lastBuildDate`, generator comments, ads).
public enum EntrySetHash {
    /// XXH3-64 of the sorted entry keys (guid, else link, else title).
    public static func of(_ entries: [FeedEntry]) -> UInt64 {
        of(keys: entries.map { $0.guid ?? $0.link?.absoluteString ?? $0.title ?? "" })
    }

    /// XXH3-64 of sorted keys (sitemap or page URLs).
    public static func of(keys: [String]) -> UInt64 {
        RecordID.hash(keys.sorted().joined(separator: "\n"))
    }
}
