/// The registrable part of a host name ("site"), approximated without the Public Suffix List:
/// the last two labels, or the last three when the second-to-last is a common second-level
/// registry label under a two-letter country code (`co.uk`, `com.au`, `ne.jp`, `org.br` …).
/// IP addresses and single-label hosts are their own site.
public enum RegistrableDomain {
    private static let secondLevelLabels: Set<String> = [
        "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "nic", "mil", "ltd", "plc", "sch", "nom",
    ]

    /// The registrable domain of `host` (lower-cased, trailing dot removed).
    public static func of(_ host: String) -> String {
        var name = host.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        if name.hasPrefix("[") || name.allSatisfy({ $0.isNumber || $0 == "." }) { return name }
        let labels = name.split(separator: ".")
        guard labels.count > 2 else { return name }
        let count =
            labels[labels.count - 1].count == 2 && secondLevelLabels.contains(String(labels[labels.count - 2])) ? 3 : 2
        return labels.suffix(count).joined(separator: ".")
    }

    /// Whether two hosts belong to the same site (`www.example.com` and `news.example.com` do).
    public static func sameSite(_ a: String, _ b: String) -> Bool { of(a) == of(b) }
}
