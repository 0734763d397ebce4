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
        let tag = (language ?? "").lowercased().replacingOccurrences(of: "_", with: "-")
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
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        guard let dot = host.lastIndex(of: ".") else { return nil }
        return host[host.index(after: dot)...].lowercased()
    }
}
