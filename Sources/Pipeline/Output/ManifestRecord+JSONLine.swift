import Foundation

extension ManifestRecord {
    /// The manifest line: compact JSON, no newline, keys in the documented order (`id`, `seq`,
    /// `file`, … as in ``CodingKeys``) so lines read the same from run to run.
    ///
    /// Written by hand rather than through `JSONEncoder` and `JSONSerialization`: the serial
    /// writer stage builds one line per record, and the Foundation round trip cost more than
    /// the rest of a commit. The output is byte for byte what `JSONSerialization` writes with
    /// `.withoutEscapingSlashes` (same string escapes, same number forms), which the tests check.
    public func jsonLine() throws -> String {
        var out = ""
        out.reserveCapacity(640 + (description?.utf8.count ?? 0) + (title?.utf8.count ?? 0))
        out += "{"
        ManifestJSON.key("id", first: true, &out)
        ManifestJSON.string(id, &out)
        ManifestJSON.key("seq", &out)
        ManifestJSON.integer(seq, &out)
        ManifestJSON.key("file", &out)
        ManifestJSON.string(file, &out)
        ManifestJSON.key("url", &out)
        ManifestJSON.string(url, &out)
        ManifestJSON.key("canonical_url", &out)
        ManifestJSON.string(canonicalURL, &out)
        ManifestJSON.key("source", &out)
        ManifestJSON.string(source, &out)
        ManifestJSON.key("title", &out)
        ManifestJSON.string(title, &out)
        ManifestJSON.key("published", &out)
        ManifestJSON.string(published.map { ManifestDates.format($0, offset: publishedOffset) }, &out)
        ManifestJSON.key("modified", &out)
        ManifestJSON.string(modified.map { ManifestDates.format($0, offset: modifiedOffset) }, &out)
        ManifestJSON.key("authors", &out)
        ManifestJSON.strings(authors, &out)
        ManifestJSON.key("categories", &out)
        ManifestJSON.strings(categories, &out)
        ManifestJSON.key("language", &out)
        ManifestJSON.string(language, &out)
        ManifestJSON.key("description", &out)
        ManifestJSON.string(description, &out)
        ManifestJSON.key("site_name", &out)
        ManifestJSON.string(siteName, &out)
        ManifestJSON.key("image_url", &out)
        ManifestJSON.string(imageURL, &out)
        ManifestJSON.key("fetched_at", &out)
        ManifestJSON.string(ManifestDates.format(fetchedAt), &out)
        ManifestJSON.key("word_count", &out)
        ManifestJSON.integer(wordCount, &out)
        ManifestJSON.key("content_hash", &out)
        ManifestJSON.string(contentHash, &out)
        ManifestJSON.key("duplicate_of", &out)
        ManifestJSON.string(duplicateOf, &out)
        ManifestJSON.key("similarity", &out)
        try ManifestJSON.number(similarity.map { ($0 * 10_000).rounded() / 10_000 }, &out)
        ManifestJSON.key("revision", &out)
        ManifestJSON.integer(revision, &out)
        ManifestJSON.key("supersedes", &out)
        ManifestJSON.string(supersedes, &out)
        ManifestJSON.key("extraction", &out)
        if let extraction {
            // Nested keys sorted, as `.sortedKeys` wrote them.
            out += "{"
            ManifestJSON.key("confidence", first: true, &out)
            try ManifestJSON.number(extraction.confidence, &out)
            ManifestJSON.key("flags", &out)
            ManifestJSON.strings(extraction.flags, &out)
            ManifestJSON.key("method", &out)
            ManifestJSON.string(extraction.method, &out)
            out += "}"
        } else {
            out += "null"
        }
        ManifestJSON.key("worker", &out)
        ManifestJSON.string(worker, &out)
        out += "}"
        return out
    }
}

/// The JSON pieces of a manifest line, in `JSONSerialization`'s forms.
enum ManifestJSON {
    /// A value a JSON line cannot hold (NaN or an infinity).
    struct InvalidNumber: Error, CustomStringConvertible {
        var value: Double
        var description: String { "manifest number \(value) is not valid JSON" }
    }

    static func key(_ name: StaticString, first: Bool = false, _ out: inout String) {
        if !first { out += "," }
        out += "\""
        out += name.description
        out += "\":"
    }

    static func integer(_ value: Int?, _ out: inout String) {
        guard let value else { return out += "null" }
        out += String(value)
    }

    /// A double as `JSONSerialization` writes it: the shortest form that reads back the same,
    /// without a trailing `.0` for whole numbers.
    static func number(_ value: Double?, _ out: inout String) throws {
        guard let value else { return out += "null" }
        guard value.isFinite else { throw InvalidNumber(value: value) }
        if value == value.rounded(), abs(value) < 1e15 {
            out += String(Int64(value))
            return
        }
        out += value.description
    }

    static func strings(_ values: [String], _ out: inout String) {
        out += "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            string(value, &out)
        }
        out += "]"
    }

    /// A string literal with `JSONSerialization`'s escapes: quote, backslash, `\b \f \n \r \t`,
    /// other control characters as `\u00xx`; slashes and non-ASCII kept as they are.
    static func string(_ value: String?, _ out: inout String) {
        guard let value else { return out += "null" }
        out += "\""
        var plainStart = value.utf8.startIndex
        let utf8 = value.utf8
        var index = plainStart
        // Runs of bytes that need no escape are copied whole; UTF-8 continuation bytes are
        // never below 0x80, so a byte-wise scan is safe.
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String? =
                switch byte {
                case 0x22: "\\\""
                case 0x5C: "\\\\"
                case 0x08: "\\b"
                case 0x0C: "\\f"
                case 0x0A: "\\n"
                case 0x0D: "\\r"
                case 0x09: "\\t"
                case 0x00..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: nil
                }
            if let escape {
                out += value[plainStart..<index]
                out += escape
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += value[plainStart..<utf8.endIndex]
        out += "\""
    }
}
