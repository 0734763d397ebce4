import Foundation

/// One author as the page's JSON-LD declares it.
struct DeclaredAuthor: Sendable, Equatable {
    var name: String
    /// Declared with an Organization-family `@type` (and not also as a `Person`).
    var isOrganization: Bool
}

/// Reads schema.org `author` values: a string, a `Person`/`Organization` object, an array of
/// either, or an `{"@id": …}` reference to an object elsewhere in the page's JSON-LD (Yoast's
/// `@graph` keeps the `Person` apart from the `Article`). References are followed at most
/// twice, so a cycle in the graph cannot loop.
enum DeclaredAuthors {
    private static let maximumEntries = 12

    /// Authors of the first of `sources` (the article, then the page) that names any; when none
    /// does, the first object on the page whose `author` resolves to a name.
    static func resolve(sources: [[String: Any]], objects: [[String: Any]]) -> [DeclaredAuthor] {
        var index: [String: [String: Any]]?
        func lookup(_ id: String) -> [String: Any]? {
            if index == nil {
                var built: [String: [String: Any]] = [:]
                for object in objects {
                    if let key = object["@id"] as? String, built[key] == nil, object["name"] != nil {
                        built[key] = object
                    }
                }
                index = built
            }
            return index?[id]
        }
        for source in sources {
            let found = entries(source["author"] ?? source["creator"], lookup: lookup, depth: 0)
            if !found.isEmpty { return found }
        }
        for object in objects where object["author"] != nil {
            let found = entries(object["author"], lookup: lookup, depth: 0)
            if !found.isEmpty { return found }
        }
        return []
    }

    private static func entries(_ value: Any?, lookup: (String) -> [String: Any]?, depth: Int) -> [DeclaredAuthor] {
        guard let value, depth < 3 else { return [] }
        if value is String {
            return StructuredData.string(value).map { [DeclaredAuthor(name: $0, isOrganization: false)] } ?? []
        }
        if let array = value as? [Any] {
            var found: [DeclaredAuthor] = []
            for item in array.prefix(maximumEntries) {
                found += entries(item, lookup: lookup, depth: depth + 1)
            }
            return found
        }
        guard let object = value as? [String: Any] else { return [] }
        // One Person object listing several names: `"name": ["Ann Roe", "Tom Lee"]`.
        if let names = object["name"] as? [Any], names.count > 1 {
            let organization = isOrganization(object)
            return names.prefix(maximumEntries).compactMap { StructuredData.string($0) }
                .map { DeclaredAuthor(name: $0, isOrganization: organization) }
        }
        if let name = name(of: object) {
            return [DeclaredAuthor(name: name, isOrganization: isOrganization(object))]
        }
        if let id = object["@id"] as? String, let target = lookup(id) {
            return entries(target, lookup: lookup, depth: depth + 1)
        }
        return []
    }

    private static func name(of object: [String: Any], depth: Int = 0) -> String? {
        // `"name": {"@type": "Person", "name": "Ann Roe"}`: a Person where its name belongs.
        if let nested = object["name"] as? [String: Any], depth < 2 { return name(of: nested, depth: depth + 1) }
        if let name = StructuredData.string(object["name"]), !name.isEmpty {
            return fullName(name, description: StructuredData.string(object["description"])) ?? name
        }
        let parts = [object["givenName"], object["additionalName"], object["familyName"]].compactMap { StructuredData.string($0) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// A person declared by first name only ("Nils") whose biography opens with the full
    /// name ("Nils Roe ist freier Autor …"), as WordPress/Yoast profiles often do: the full
    /// name — the first name and the capitalised words (or name particles) right after it.
    static func fullName(_ name: String, description: String?) -> String? {
        guard let description, !name.contains(" "), name.count >= 2,
              description.hasPrefix(name + " ") else { return nil }
        var words = [name]
        for word in description.dropFirst(name.count + 1).split(separator: " ", maxSplits: 4).prefix(4) {
            let bare = AuthorText.trim(word, AuthorText.clinging)
            let isParticle = AuthorLexicon.particles.contains(String(bare))
            guard !AuthorLexicon.coreRoles.contains(bare.lowercased()), let first = bare.first, first.isUppercase || isParticle, bare.count >= 2 || isParticle,
                  bare.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) else { break }
            words.append(String(bare))
            // A word closed by punctuation ends the name ("Nils Roe, born …").
            if bare.count != word.count { break }
        }
        while let last = words.last, words.count > 1, AuthorLexicon.particles.contains(last) { words.removeLast() }
        return words.count > 1 ? words.joined(separator: " ") : nil
    }

    private static func isOrganization(_ object: [String: Any]) -> Bool {
        if let single = object["@type"] as? String { return isOrganization(types: [single]) }
        return isOrganization(types: (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? [])
    }

    /// Whether `types` (an `@type` value) declare an organization rather than a person.
    static func isOrganization(types: [String]) -> Bool {
        guard !types.contains("Person") else { return false }
        return types.contains { $0.hasSuffix("Organization") || $0 == "Corporation" || $0 == "NGO"
            || $0 == "LocalBusiness" || $0 == "WebSite" || $0 == "Brand" }
    }
}
