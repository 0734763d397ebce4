import Foundation

/// The names a site goes by (`og:site_name`, the JSON-LD or meta publisher, the title's
/// suffix, the host), folded for comparison. A byline that only repeats one of them names
/// the publication, not a writer.
struct SiteNames: Sendable {
    private var keys: Set<String> = []

    /// `names` may hold URLs (an `og:site_name` of "https://www.example.com/"): their host
    /// counts, as does `host`, the page's own.
    init(_ names: [String?], host: String? = nil) {
        for name in names.compactMap({ $0 }) {
            if name.hasPrefix("http") {
                if let urlHost = URL(string: name)?.host, !urlHost.contains("facebook.") { addHost(urlHost) }
                continue
            }
            add(name)
            for part in Self.parts(name) { add(part) }
            // "Deutsche Welle (www.dw.com)": the name without its aside.
            if let open = name.firstIndex(of: "("), open > name.startIndex { add(String(name[..<open])) }
        }
        if let host { addHost(host) }
    }

    private mutating func addHost(_ host: String) {
        var labels = host.lowercased().split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        add(labels.joined(separator: "."))
        if labels.count >= 2 { add(labels[labels.count - 2]) }
    }

    private mutating func add(_ name: String) {
        let key = Self.fold(name)
        if key.count >= 2 { keys.insert(key) }
    }

    /// Whether `name`, or one of its " | " / " - " parts, is one of the site's names.
    func contains(_ name: String) -> Bool {
        guard !keys.isEmpty else { return false }
        if keys.contains(Self.fold(name)) { return true }
        return Self.parts(name).contains { keys.contains(Self.fold($0)) }
    }

    /// Lower-case letters and digits only: "INTERSCENAR.IO" and "Interscenario" agree.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A || value >= 0x30 && value <= 0x39 {
                    scalars.append(scalar)
                } else if value >= 0x41 && value <= 0x5A, let lower = Unicode.Scalar(value | 0x20) {
                    scalars.append(lower)
                }
            } else if scalar.properties.isAlphabetic {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        var folded = String(scalars)
        if folded.hasPrefix("the") && folded.count > 6 { folded.removeFirst(3) }
        return folded
    }

    /// The part of a page title after its last " | " / " - ", which is usually the site.
    static func titleSuffix(_ title: String?) -> String? {
        guard let title else { return nil }
        let words = title.split(separator: " ")
        guard let last = words.lastIndex(where: { titleSeparators.contains($0) }), last + 1 < words.count else { return nil }
        let suffix = words[(last + 1)...].joined(separator: " ")
        return suffix.count >= 2 && suffix.count < 60 ? suffix : nil
    }

    private static let titleSeparators: Set<Substring> = ["|", "-", "–", "—", "::", "·", "»"]
    private static let separators: Set<Substring> = ["|", "-", "–", "—", "::", "·", "»", "/"]

    /// The parts of "Site | Tagline", "Site: Tagline", "Site /XY"; empty when there is one.
    private static func parts(_ name: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        var split = false
        func flush() {
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
            current = []
        }
        for word in name.split(separator: " ") {
            if separators.contains(word) {
                flush()
                split = true
            } else if word.hasPrefix("/") && word.count > 1 && !current.isEmpty {
                flush()
                current = [word.dropFirst()]
                split = true
            } else if word.hasSuffix(":") && word.count > 1 {
                current.append(word.dropLast())
                flush()
                split = true
            } else {
                current.append(word)
            }
        }
        flush()
        return split ? parts : []
    }
}
