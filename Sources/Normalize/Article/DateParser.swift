public import Foundation

/// Parses the date formats news pages use in metadata — ISO 8601 with or without time,
/// fraction and zone (`2019-11-18T10:02:00.000+0000`, `2019-11-18 10:02`, `20191118`), RFC 1123
/// (`Mon, 18 Nov 2019 10:02:00 GMT`), Unix time — into an instant. One reader serves both this
/// and the publication-date finder (`MetadataDateText`, which also keeps the written day and
/// zone apart).
public enum DateParser {
    /// The instant a metadata date string names (UTC when it carries no zone), or nil.
    public static func parse(_ raw: String) -> Date? {
        MetadataDateText.parse(raw, dayFirst: false).map { $0.instant ?? $0.wallClock }
    }
}
