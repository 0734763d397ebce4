public import Foundation

extension RobotsRules {
    /// robots.txt bytes beyond this are ignored (RFC 9309 asks parsers to read at least 500 KiB).
    static let maxParsedBytes = 512 * 1024

    /// Parses robots.txt `text` for the crawler whose `User-Agent` is `userAgent`.
    ///
    /// Groups whose `User-agent` names our product token (the part of `userAgent` before the
    /// first `/`, compared case-insensitively) are merged; without such a group the `*` groups
    /// apply; without either everything is allowed. Relative `Sitemap:` URLs resolve against
    /// `baseURL`.
    public init(parsing text: String, userAgent: String, baseURL: URL? = nil) {
        let token = userAgent.split(whereSeparator: { $0 == "/" || $0 == " " }).first.map { $0.lowercased() } ?? ""
        var specific: [Rule] = []
        var general: [Rule] = []
        var specificDelay: Duration?
        var generalDelay: Duration?
        var foundSpecific = false
        var foundGeneral = false
        var sitemaps: [URL] = []

        var groupAgents: [String] = []
        var lastWasAgent = false
        for rawLine in text.prefix(Self.maxParsedBytes).split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent { groupAgents = [] }
                groupAgents.append(value.lowercased())
                lastWasAgent = true
                if value == "*" { foundGeneral = true } else if Self.agent(value.lowercased(), matches: token) { foundSpecific = true }
                continue
            case "allow", "disallow":
                let rule = Rule(allow: key == "allow", pattern: RobotsPath.normalize(value))
                if groupAgents.contains(where: { Self.agent($0, matches: token) }) { specific.append(rule) }
                if groupAgents.contains("*") { general.append(rule) }
            case "crawl-delay":
                if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
                    let delay = Duration.milliseconds(Int64(min(seconds, 86_400) * 1000))
                    if groupAgents.contains(where: { Self.agent($0, matches: token) }) { specificDelay = delay }
                    if groupAgents.contains("*") { generalDelay = delay }
                }
            case "sitemap":
                if let url = URL(string: value, relativeTo: baseURL)?.absoluteURL, url.scheme != nil {
                    sitemaps.append(url)
                }
            default:
                break
            }
            lastWasAgent = false
        }
        if foundSpecific {
            self.init(rules: specific, crawlDelay: specificDelay, sitemaps: sitemaps)
        } else if foundGeneral {
            self.init(rules: general, crawlDelay: generalDelay, sitemaps: sitemaps)
        } else {
            self.init(rules: [], crawlDelay: nil, sitemaps: sitemaps)
        }
    }

    private static func agent(_ name: String, matches token: String) -> Bool {
        name != "*" && !name.isEmpty && !token.isEmpty && (token == name || token.hasPrefix(name))
    }
}
