import Foundation

/// The `xml:base` and `xml:lang` in force at each element, kept apart from the events.
///
/// Most elements inherit both from their parent, so an event names its scope by a number into
/// a table that gains a row only where an element sets `xml:base` or `xml:lang`. Carrying the
/// URL and the language in every event cost a retain and a release of each per element and per
/// copy, a large share of feed parsing.
///
/// Row 0 is the document's own (its URL, no language). Rows are pushed in document order and
/// open elements always name a prefix of the table, so once the reader has taken every queued
/// event the rows past the innermost open element's are dropped (``compact()``): the table
/// stays as deep as the document's nesting, whatever its length.
struct XMLScopes {
    private var rows: [(base: URL?, language: String?)]
    /// The row of each open element, outermost first.
    private var open: [Int32] = []

    init(documentURL: URL?) {
        rows = [(documentURL, nil)]
    }

    /// Number of open elements: the depth of the next event.
    var depth: Int { open.count }

    /// The innermost open element's row (0 outside the root).
    var current: Int32 { open.last ?? 0 }

    func base(_ row: Int32) -> URL? { rows[Int(row)].base }
    func language(_ row: Int32) -> String? { rows[Int(row)].language }

    /// Opens an element; `base` and `language` are its own `xml:base` (unresolved) and
    /// `xml:lang` when it has them. Returns the element's row.
    mutating func push(base: String?, language: String?) -> Int32 {
        var row = current
        if base != nil || language != nil {
            let parent = rows[Int(row)]
            var resolved = parent.base
            if let base {
                resolved = URL(string: base.trimmingCharacters(in: .whitespaces), relativeTo: parent.base)?.absoluteURL ?? parent.base
            }
            let lang = language.map { $0.isEmpty ? nil : $0 } ?? parent.language
            rows.append((resolved, lang))
            row = Int32(rows.count - 1)
        }
        open.append(row)
        return row
    }

    mutating func pop() {
        if !open.isEmpty { open.removeLast() }
    }

    /// Drops the rows no open element uses; call only when no queued event names them.
    mutating func compact() {
        let keep = Int(current) + 1
        if rows.count > keep { rows.removeSubrange(keep...) }
    }
}
