/// A source that names an author by first name only ("Nils" in a profile's display name)
/// while the byline or another meta tag spells the whole name ("Nils Roe"): the whole name
/// is the author. Looked for only when every chosen name is a single word, so most pages
/// pay nothing.
extension AuthorFinder {
    /// `names` with each lone first name replaced by the full name another source gives.
    func completingFirstNames(_ names: [String]) -> [String] {
        // Agencies ("Reuters") and the site's own name are whole names already.
        guard !names.isEmpty, names.count <= 3,
              names.allSatisfy({ !$0.contains(" ") && !AuthorNameCleaner.isSecondary($0, site: site) }) else { return names }
        var others: [String] = []
        for key in Self.metaKeys {
            if let value = meta[key], !Self.isPlaceholder(value) { others += AuthorNameCleaner.names(in: [value], site: site) }
        }
        for texts in BylineScanner(tree: tree).rankedTexts(headline: headline()).prefix(3) {
            others += AuthorNameCleaner.names(in: texts, site: site)
        }
        return names.map { name in
            let key = name.lowercased()
            return others.first { other in
                let words = other.split(separator: " ")
                return words.count >= 2 && words.count <= 4 && words[0].lowercased() == key
                    && words.dropFirst().allSatisfy { $0.first?.isUppercase == true || AuthorLexicon.particles.contains(String($0)) }
            } ?? name
        }
    }

    /// Declared names that are all account names — one word in lower case or with digits
    /// ("jroe", "mk2") — give way to the full names the byline by the headline prints:
    /// metadata of that kind holds a login, the byline the writer. A first name ("Nils") is
    /// a name, and stays unless `completingFirstNames` found its surname.
    func preferringFullNames(_ names: [String]) -> [String] {
        guard !names.isEmpty, names.allSatisfy({ name in
            !name.contains(" ") && (name.first?.isLowercase == true || name.contains(where: \.isNumber))
        }) else { return names }
        for texts in BylineScanner(tree: tree).rankedTexts(headline: headline()).prefix(2) {
            let people = AuthorNameCleaner.names(in: texts, site: site)
                .filter { $0.contains(" ") && !AuthorNameCleaner.isSecondary($0, site: site) }
            if !people.isEmpty { return people }
        }
        return names
    }
}

extension AuthorFinder {
    /// Whether `node` sits in a microdata item that is itself another item's property
    /// (`<li itemprop="citation" itemscope>`): an ancestor within a few levels has `itemprop`.
    static func isInNestedItem(_ tree: HTMLTree, _ node: Int32) -> Bool {
        var current = tree.nodes[Int(node)].parent
        var steps = 0
        while current > 0 && steps < 8 {
            if tree.attributeBytes(current, .itemprop) != nil { return true }
            current = tree.nodes[Int(current)].parent
            steps += 1
        }
        return false
    }
}
