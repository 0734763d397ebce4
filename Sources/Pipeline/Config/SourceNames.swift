import Foundation

/// Source names: what is valid (`[A-Za-z0-9][A-Za-z0-9._-]*`, since a name labels records,
/// metrics and state rows), and a valid, unique name made from a feed title of a source list.
enum SourceNames {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }

    /// A name from `title` (accents folded, anything else turned into `-`), else from the
    /// URL's host; `-2`, `-3`, … appended until it is not in `taken`.
    static func make(title: String, url: String, taken: Set<String>) -> String {
        var base = slug(title)
        if base.isEmpty { base = slug(URLComponents(string: url)?.host ?? "") }
        if base.isEmpty { base = "source" }
        var name = base
        var suffix = 2
        while taken.contains(name) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        return name
    }

    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if isAlphanumeric(scalar) || scalar == "." || scalar == "_" {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            if out.count >= 60 { break }
        }
        while let first = out.unicodeScalars.first, !isAlphanumeric(first) { out.removeFirst() }
        return out
    }
}
