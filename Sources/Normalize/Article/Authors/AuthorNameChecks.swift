/// What counts as a name, and which names only stand in for one: the checks
/// `AuthorNameCleaner` applies to each candidate name.
extension AuthorNameCleaner {
    /// Rejects sentences, numbers and fragments.
    static func isName(_ name: String, words: Int) -> Bool {
        guard !name.isEmpty, name.count <= maximumLength, words <= maximumWords,
              name.unicodeScalars.contains(where: AuthorText.isLetter) else { return false }
        // Sentence and note marks, full-width ones too ("※「iPhone」は、Apple Inc.の商標です。").
        if name.contains(where: { "!?…|<>{}=。！？※".contains($0) }) || AuthorText.has(name, "...") { return false }
        if name.hasSuffix(":") { return false }
        let lower = name.lowercased()
        if AuthorLexicon.interfaceLabels.contains(lower) { return false }
        if lower.hasPrefix("http") || AuthorText.has(lower, "://") { return false }
        // A sentence: ". " followed by a lower-case word, or four lower-case words.
        if hasSentenceBreak(name) { return false }
        // Phrases: two lower-case words that are not name particles ("soutenue par un").
        let parts = name.split(separator: " ")
        let lowerWords = parts.filter { $0.first?.isLowercase == true && !AuthorLexicon.particles.contains(String($0)) }
        if lowerWords.count >= 2 || (parts.count >= 2 && lowerWords.count == parts.count) { return false }
        // A name does not end in a lower-case word other than a particle ("Hier durchblättern");
        // a newsroom does ("Politics.co.uk staff"), and so does a brand's "iG".
        if parts.count >= 2, let last = parts.last, last.allSatisfy({ !$0.isUppercase }), last.first?.isLowercase == true,
           !AuthorLexicon.particles.contains(String(last)), !AuthorLexicon.newsroomWords.contains(String(last)) { return false }
        // A fragment: a name particle ("von der") or an article or conjunction at the end.
        if parts.count >= 2, let last = parts.last.map(String.init),
           AuthorLexicon.particles.contains(last) || AuthorLexicon.trailingFunctionWords.contains(last.lowercased()) {
            return false
        }
        return true
    }

    /// A role on its own, a news agency, or the site's name.
    static func isSecondary(_ name: String, site: SiteNames) -> Bool {
        let lower = name.lowercased()
        if AuthorLexicon.agencies.contains(lower) || AuthorLexicon.generic.contains(lower) || site.contains(name)
            || AuthorText.has(lower, "admin") || isHandle(name) { return true }
        let words = lower.split(separator: " ").map { AuthorText.bare($0) }
        if let last = words.last, AuthorLexicon.collectives.contains(last) { return true }
        // "The Daily Staff": the site's name with a role.
        if let named = words.lastIndex(where: { !AuthorLexicon.roleModifiers.contains($0) && !AuthorLexicon.coreRoles.contains($0) }),
           named < words.count - 1, site.contains(words[...named].joined(separator: " ")) {
            return true
        }
        return words.contains { AuthorLexicon.coreRoles.contains($0) }
            && words.allSatisfy { AuthorLexicon.coreRoles.contains($0) || AuthorLexicon.roleModifiers.contains($0) }
    }

    /// A user name or URL slug ("jane_roe", "jane-roe"): one lower-case word with a joiner.
    static func isHandle(_ name: String) -> Bool {
        !AuthorText.has(name, " ") && name == name.lowercased() && (AuthorText.has(name, "_") || AuthorText.has(name, "-"))
    }

    /// ". " followed by a lower-case letter: a sentence, not initials.
    static func hasSentenceBreak(_ name: String) -> Bool {
        var previous: [Character] = []
        for character in name {
            if previous.count == 2, previous[0] == ".", previous[1] == " ", character.isLowercase { return true }
            previous.append(character)
            if previous.count > 2 { previous.removeFirst() }
        }
        return false
    }
}

/// Legal forms that end the name of a company or an association.
enum AuthorNameChecks {
    static let legalForms: Set<String> = [
        "gmbh", "ag", "e.v", "ev", "kg", "gbr", "ug", "inc", "ltd", "llc", "plc", "corp", "s.a", "s.l", "sarl", "s.r.l", "b.v",
    ]

    /// `raw` ends with a legal form, or holds one before a web address ("Studio GmbH www.studio.de").
    static func hasLegalForm(_ raw: String) -> Bool {
        let words = raw.split(whereSeparator: \.isWhitespace).map { AuthorText.bare($0) }
            .filter { !$0.hasPrefix("www.") && !$0.hasPrefix("http") }
        guard let last = words.last, words.count >= 2 else { return false }
        return legalForms.contains(last)
    }

    /// The company `raw` names when it is one: the whole string when it ends with a legal form,
    /// or its first part when that does and the rest is the seat ("Süddeutsche.de GmbH,
    /// Munich, Germany": a city and a country are not two more authors). nil for anything else.
    static func company(in raw: String) -> String? {
        if hasLegalForm(raw) { return raw }
        guard let comma = raw.firstIndex(of: ","), hasLegalForm(String(raw[..<comma])) else { return nil }
        return raw[..<comma].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
