import Foundation

/// Decides the article's authors from every signal the page gives, most trusted first:
/// JSON-LD persons, then author meta tags, then the byline elements in the markup, then a
/// plain-text signature line, a dateline beside the headline, a closing name. A name that
/// only stands in for a writer — the site's own (a meta author "The Daily", a JSON-LD
/// `Organization` that is the publisher), a system account ("admin"), a user-name slug — is
/// kept only when no source names anyone else.
struct AuthorFinder {
    let tree: HTMLTree
    /// First value of each meta key (lower-cased), as `MetadataReader` collected them.
    let meta: [String: String]
    /// Every value of each key of ``metaKeys``, in page order.
    var authorMeta: [String: [String]] = [:]
    let structured: StructuredData
    /// The page title (as shown) and the site's names, to find the headline and the site.
    let title: String?
    let site: SiteNames

    /// Meta keys naming the author, most specific first.
    static let metaKeys = [
        "author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator",
        "dc:creator", "dcterms.creator", "dc.creator.aut", "citation_author", "authors", "creator",
        "atc-metaauthor", "dcsext.author", "rbauthors", "shareaholic:article_author_name",
        "article:author_name", "cxenseparse:author", "og:author", "twitter:data1",
    ]
    static let metaKeySet = Set(metaKeys)

    func authors() -> [String] {
        let (names, declared) = found()
        return declared ? preferringFullNames(completingFirstNames(names)) : names
    }

    /// The names of the most trusted source that gives any (see the type's comment), and
    /// whether metadata (JSON-LD, meta tags) declared them, as opposed to the markup.
    private func found() -> (names: [String], declared: Bool) {
        var fallback: [String] = []
        // 1. JSON-LD persons (an Organization that is the site waits for the fallback).
        let declared = structured.declaredAuthors
        // A name may hold the CMS's byline markup ("By <a href=…>Ann Roe</a>, Tom Lee").
        let people = AuthorNameCleaner.names(in: declared.filter { !$0.isOrganization }.map { AuthorText.withoutMarkup($0.name) },
                                             site: site)
        if let chosen = firstPeople(people, fallback: &fallback) { return (chosen, true) }
        let organizations = AuthorNameCleaner.names(in: declared.filter(\.isOrganization).map(\.name), site: site)
        if !organizations.isEmpty {
            // An organization other than the publisher is a deliberate declaration.
            if organizations.contains(where: { !AuthorNameCleaner.isSecondary($0, site: site) }) { return (organizations, true) }
            if fallback.isEmpty { fallback = organizations }
        }
        // 2. Meta tags.
        for key in Self.metaKeys {
            let values = (authorMeta[key] ?? meta[key].map { [$0] } ?? []).filter { !Self.isPlaceholder($0) }
            guard !values.isEmpty else { continue }
            if key == "twitter:data1" && !Self.labelsAuthor(meta["twitter:label1"]) { continue }
            // A company or association by its legal form ("… GmbH", "… e.V.") is the site's
            // owner or maker: kept only when no one else is named.
            let people = values.filter { AuthorNameChecks.company(in: $0) == nil }
            guard !people.isEmpty else {
                if fallback.isEmpty {
                    fallback = AuthorNameCleaner.names(in: values.compactMap(AuthorNameChecks.company(in:)), site: site)
                }
                continue
            }
            let names = AuthorNameCleaner.names(in: people.map(AuthorText.withoutMarkup), site: site)
            if let chosen = firstPeople(names, fallback: &fallback) { return (chosen, true) }
        }
        // 3. Bylines in the markup, nearest the headline first.
        let headline = headline()
        let declaredOrganizations = Set(organizations.map(AuthorNameCleaner.fold))
        for texts in BylineScanner(tree: tree).rankedTexts(headline: headline) {
            let names = AuthorNameCleaner.names(in: texts, site: site)
            if let chosen = firstPeople(names, fallback: &fallback) { return (chosen, false) }
            // The byline names the organization the JSON-LD declares as author ("Par AFP" and
            // `"author": {"@type": "Organization", "name": "AFP"}`): the page has said it twice;
            // names in bylines further away (teaser cards, other items) are not its author.
            if !names.isEmpty && names.allSatisfy({ declaredOrganizations.contains(AuthorNameCleaner.fold($0)) }) {
                return (organizations, true)
            }
        }
        // 4. A plain-text signature line ("Von Jana Becker"): first and last name required.
        for line in SignedLines(tree: tree).texts(headline: headline) {
            let all = AuthorNameCleaner.names(in: [line], site: site)
            let names = all.filter { $0.split(separator: " ").count >= 2 }
            if let chosen = firstPeople(names, fallback: &fallback) { return (chosen, false) }
            // A lone word signing the page ("Verfasst von: jancak") stands in when nothing else does.
            if fallback.isEmpty, !all.isEmpty { fallback = all }
        }
        // 5. A dateline beside the headline naming a writer between separators
        // ("04.02.2022 | 13:10 Uhr | Uta Roe"): a full name of two to four words.
        for line in SignedLines(tree: tree).datelineBylines(headline: headline) {
            let names = AuthorNameCleaner.names(in: [line], site: site).filter { (2...4).contains($0.split(separator: " ").count) }
            if let chosen = firstPeople(names, fallback: &fallback) { return (chosen, false) }
        }
        // 6. A closing paragraph that holds only a full name.
        for line in SignedLines(tree: tree).closingLines(headline: headline) {
            let names = AuthorNameCleaner.names(in: [line], site: site).filter { $0.split(separator: " ").count >= 2 }
            if let chosen = firstPeople(names, fallback: &fallback) { return (chosen, false) }
        }
        return (fallback, false)
    }

    /// `names` if they name someone other than the site; otherwise they become the fallback.
    private func firstPeople(_ names: [String], fallback: inout [String]) -> [String]? {
        guard !names.isEmpty else { return nil }
        let people = names.filter { !AuthorNameCleaner.isSecondary($0, site: site) }
        if !people.isEmpty { return people }
        if fallback.isEmpty { fallback = names }
        return nil
    }

    /// Twitter's "label1/data1" pair names the author when the label says so ("Written by").
    static func labelsAuthor(_ label: String?) -> Bool {
        guard let label = label?.lowercased() else { return false }
        return AuthorText.has(label, "by") || AuthorText.has(label, "von") || AuthorText.has(label, "par")
            || AuthorText.has(label, "autor") || AuthorText.has(label, "author") || AuthorText.has(label, "auteur")
    }

    /// URLs, "null" and other template leftovers.
    static func isPlaceholder(_ value: String) -> Bool {
        let lower = AuthorText.trim(value, [" "]).lowercased()
        return lower.isEmpty || lower.hasPrefix("http") || lower.hasPrefix("//") || lower.hasPrefix("www.facebook")
            || ["null", "undefined", "none", "unknown", "n/a", "-"].contains(lower)
    }

    /// The `h1` (or, on pages whose `h1` is the logo, the `h2`) that shows the title; the
    /// first `h1` when none does.
    func headline() -> Int32? {
        var first: Int32?
        let key = title.map(SiteNames.titleKey) ?? []
        var checked = 0
        for index in 1..<tree.nodes.count {
            let tag = tree.nodes[index].tag
            guard tag == .h1 || tag == .h2 else { continue }
            let id = Int32(index)
            if first == nil && tag == .h1 { first = id }
            guard !key.isEmpty else { if first != nil { break } else { continue } }
            guard checked < 12 else { break }
            checked += 1
            if SiteNames.headline(tree.textContent(id), matches: key, minimum: 4) { return id }
        }
        return first
    }
}
