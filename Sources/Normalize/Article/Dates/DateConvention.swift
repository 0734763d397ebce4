import Foundation

/// Whether an all-numeric date like `03/04/2019` puts the day first on this page.
///
/// American English writes month first; nearly every other convention writes the day first.
/// The page's declared language decides (`en-US` vs `en-GB`), and for plain `en` the country
/// code of the host does (`.co.uk`, `.au`, `.in` are day first).
enum DateConvention {
    private static let dayFirstEnglishRegions: Set<String> = [
        "gb", "uk", "au", "nz", "ie", "in", "za", "sg", "my", "pk", "ng", "ke", "hk", "mt", "bd", "lk",
    ]

    static func dayFirst(language: String?, urls: [String?]) -> Bool {
        let tag = hyphenated((language ?? "").lowercased())
        let parts = tag.split(separator: "-")
        if let primary = parts.first, primary != "en" { return true }
        if parts.count > 1 { return dayFirstEnglishRegions.contains(String(parts[1])) }
        // Plain "en" or no declaration: a country-code top-level domain other than .us is day first.
        for url in urls {
            guard let url, let host = hostTLD(url) else { continue }
            if host.count == 2 { return host != "us" }
            return false
        }
        return language == nil ? true : false
    }

    private static func hostTLD(_ url: String) -> String? {
        guard let rest = afterScheme(url) else { return nil }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        guard let dot = host.lastIndex(of: ".") else { return nil }
        return host[host.index(after: dot)...].lowercased()
    }

    // Foundation's string search runs once or twice per page here and cost more than the
    // rest of the date finding's set-up; language tags and URLs are ASCII, so the two helpers
    // work on bytes then, and leave other text to Foundation's Unicode-aware matching.

    /// `tag` with every "_" as "-" (`replacingOccurrences(of: "_", with: "-")`).
    static func hyphenated(_ tag: String) -> String {
        guard tag.utf8.allSatisfy({ $0 < 0x80 }) else { return tag.replacingOccurrences(of: "_", with: "-") }
        guard tag.utf8.contains(UInt8(ascii: "_")) else { return tag }
        return String(decoding: tag.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }

    /// What follows the first "://" in `url` (`url.range(of: "://")`), nil without one.
    static func afterScheme(_ url: String) -> Substring? {
        let bytes = url.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return url.range(of: "://").map { url[$0.upperBound...] }
        }
        var index = bytes.startIndex
        var matched = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: ":") {
                matched = 1
            } else if byte == UInt8(ascii: "/") && matched > 0 {
                matched += 1
                if matched == 3 { return url[index...] }
            } else {
                matched = 0
            }
        }
        return nil
    }
}
