import Foundation

/// Turns the text of one author signal (a JSON-LD name, a meta value, a byline's text) into
/// the names it holds.
///
/// Bylines carry more than names: "By", "Von", "Autor:" lead-ins, dates and times glued on
/// ("STAFF NOVEMBER 20, 2019 10:43"), roles ("Senior Editor", "| Reporter"), e-mail
/// addresses, handles, agencies ("Ann Roe, dpa") and photo credits. The text is cut into
/// words; dates and separators split it into segments, each segment loses its lead-in and
/// label, and the rest is split into names at "and" / "und" / "&" / "," / ";" — except a lone
/// "Last, First", which stays one name.
enum AuthorNameCleaner {
    /// Longest name kept, in characters and in words.
    static let maximumLength = 70
    static let maximumWords = 8

    /// Names in `raw`, in order, without duplicates (case-folded).
    static func names(in raw: [String], site: SiteNames = SiteNames([])) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for entry in raw {
            for name in names(in: entry, site: site) where seen.insert(fold(name)).inserted {
                result.append(name)
            }
        }
        guard result.count > 1 else { return result }
        // "Daniel Roe" and "Daniel Roe Zapisz": the same full name with a button or a label
        // glued on in a second element that holds it.
        let words = result.map { $0.split(separator: " ") }
        return result.indices.filter { index in
            !words.indices.contains { other in
                other != index && words[other].count >= 2 && words[index].count > words[other].count
                    && words[index].starts(with: words[other])
            }
        }.map { result[$0] }
    }

    /// Names in one raw string. Pieces that are only a role, an agency or the site's name are
    /// dropped when the string also names someone else.
    static func names(in raw: String, site: SiteNames) -> [String] {
        let words = BylineWords.split(HTMLEntities.decode(raw))
        var people: [String] = []
        var others: [String] = []
        var named = false
        var namedInFull = false
        for segment in BylineWords.segments(words) {
            // "Ann Roe 28 April 2021 Politics Climate, Energy", "Ann Roe | Palma de Mallorca |
            // 09/01/2014": after a name, what a date (or, after a full name, a bar) leads to is
            // the section, the tags, the place, the outlet; only a lead-in ("by", "Foto:") names
            // anyone there.
            if (named && segment.followsDate || namedInFull && segment.followsSeparator) && !segment.isIntroduced { continue }
            let split = pieces(of: segment.words)
            for (position, piece) in split.enumerated() {
                // "Jane Roe, MS, RD": credentials after a name are not names.
                if position > 0 && piece.allSatisfy({ AuthorLexicon.credentials.contains(AuthorText.bare($0)) }) { continue }
                guard let name = tidy(piece, site: site) else { continue }
                // In a list, a lone lower-case word is a tag or a button, not a name.
                if split.count > 1 && piece.count == 1 && name.first?.isLowercase == true { continue }
                if isSecondary(name, site: site) { others.append(name) } else {
                    people.append(name)
                    named = true
                    if name.contains(" ") { namedInFull = true }
                }
            }
        }
        return people.isEmpty ? others : people
    }

    /// The names of a segment: split at conjunctions, commas and semicolons. An affiliation
    /// ("Departement für Wirtschaft, Bildung und Forschung", "Jane Roe for Sun, Moon and
    /// Stars Ltd") runs to the segment's end: its commas and conjunctions list no one.
    private static func pieces(of segment: [String]) -> [[String]] {
        var segment = segment
        if let cut = segment.indices.dropFirst(2).first(where: { AuthorLexicon.affiliationPrepositions.contains(segment[$0].lowercased()) }),
           segment[..<cut].allSatisfy({ isCapitalized($0) || AuthorLexicon.particles.contains($0) }),
           segment[cut...].contains(where: { $0 == "," || $0.hasSuffix(",") || AuthorLexicon.conjunctions.contains($0.lowercased()) }) {
            segment.removeLast(segment.count - cut)
        }
        var pieces: [[String]] = [[]]
        var commaSplits = 0
        var conjunctionSplits = 0
        for (position, word) in segment.enumerated() {
            if word == "," || word == ";" {
                commaSplits += 1
                pieces.append([])
            } else if isConjunction(word, at: position, in: segment, current: pieces[pieces.count - 1].count) {
                conjunctionSplits += 1
                pieces.append([])
            } else if word.hasSuffix(",") || word.hasSuffix(";") {
                pieces[pieces.count - 1].append(String(word.dropLast()))
                commaSplits += 1
                pieces.append([])
            } else {
                pieces[pieces.count - 1].append(word)
            }
        }
        pieces.removeAll { $0.isEmpty }
        // "Roe, Jane": one surname and one given name around a single comma.
        if commaSplits == 1, conjunctionSplits == 0, pieces.count == 2,
           pieces.allSatisfy({ $0.count == 1 && isCapitalized($0[0]) }),
           !AuthorLexicon.agencies.contains(pieces[1][0].lowercased()),
           pieces[1][0].uppercased() != pieces[1][0] {
            return [[pieces[0][0] + ",", pieces[1][0]]]
        }
        return pieces
    }

    /// "and", "und", "&"; a one-letter "e" / "y" / "i" only in lower case and between two
    /// full names — "José Volta e Pinto" is one name with a double surname.
    private static func isConjunction(_ word: String, at position: Int, in segment: [String], current: Int) -> Bool {
        let lower = word.lowercased()
        guard AuthorLexicon.conjunctions.contains(lower) else { return false }
        guard lower.count == 1 else { return true }
        guard word == lower, current >= 2 else { return false }
        let following = segment[(position + 1)...].prefix { !isBreak($0) }
        return following.count >= 2
    }

    private static func isBreak(_ word: String) -> Bool {
        word == "," || word == ";" || word.hasSuffix(",") || word.hasSuffix(";")
            || ["and", "&", "und", "et", "og", "och"].contains(word.lowercased())
    }

    /// Strips roles and the site's name from the end, edge punctuation, and rejects what is
    /// not a name.
    private static func tidy(_ piece: [String], site: SiteNames) -> String? {
        var words = piece
        // "Diario El Dia www.eldia.com": a web address beside a name is not part of it (alone,
        // it is all the page says: "www.koffergepackt.com").
        if words.count > 1 {
            words.removeAll { word in
                let bytes = word.utf8.drop { $0 == 0x28 || $0 == 0x5B || $0 == 0x22 || $0 == 0x27 }
                return bytes.count > 4 && bytes.prefix(4).map { $0 | 0x20 }.elementsEqual("www.".utf8)
            }
            if words.isEmpty { return nil }
        }
        // "Фото из Инстаграма …", "Photo courtesy of …": a credit line without its colon.
        if let first = words.first, AuthorLexicon.creditLabels.contains(AuthorText.bare(first)) { return nil }
        // "Jane Roe for The Daily", "Jan Roe in Berlin": a preposition after a full name ends it
        // (after a lone word it is a sentence: "Welcome to my story").
        // "Jenny Roe For Daily Mail Australia": a few prepositions no name holds end it in any case.
        // "Sina Roe IN Fashion": in capitals after a name that is not, a preposition too.
        if let cut = words.indices.dropFirst(2).first(where: {
               AuthorLexicon.prepositions.contains(words[$0]) || AuthorLexicon.affiliationPrepositions.contains(words[$0].lowercased())
                   || (words[$0].count > 1 && words[$0] == words[$0].uppercased() && words[0] != words[0].uppercased()
                       && AuthorLexicon.prepositions.contains(words[$0].lowercased()))
           }),
           words[..<cut].allSatisfy({ isCapitalized($0) || AuthorLexicon.particles.contains($0) }) {
            words.removeLast(words.count - cut)
        }
        // Trailing roles: "Jane Roe Senior Editor" (the run must hold a core role word).
        var cut = words.count
        var sawCore = false
        while cut > 1 {
            let word = AuthorText.bare(words[cut - 1])
            if AuthorLexicon.coreRoles.contains(word) { sawCore = true } else if !AuthorLexicon.roleModifiers.contains(word) { break }
            cut -= 1
        }
        let keepsName = words[..<cut].contains { !AuthorLexicon.roleModifiers.contains($0.lowercased()) }
        if sawCore && keepsName && cut < words.count { words.removeLast(words.count - cut) }
        // "Jane Roe The Daily Staff", "Jill Roe Associated Press": the site's name or an
        // agency at the end goes too.
        if words.count > 2 {
            var end = words.count
            while end > 2 && isRoleWord(words[end - 1]) { end -= 1 }
            for drop in stride(from: min(4, end - 2), through: 1, by: -1) {
                let tail = words[(end - drop)..<end].joined(separator: " ")
                if site.contains(tail) || AuthorLexicon.agencies.contains(tail.lowercased()) {
                    words.removeLast(words.count - (end - drop))
                    break
                }
            }
        }
        // "Jane Roe Jane Roe": a name printed twice (an avatar's text, then the name).
        if words.count >= 2, words.count % 2 == 0,
           Array(words[..<(words.count / 2)]) == Array(words[(words.count / 2)...]) {
            words.removeLast(words.count / 2)
        }
        var name = words.joined(separator: " ")
        name = AuthorText.trim(name, edgePunctuation)
        if name.hasSuffix("."), let last = words.last, last.count > 3 { name.removeLast() }
        return isName(name, words: words.count) ? name : nil
    }

    private static func isRoleWord(_ word: String) -> Bool {
        let lower = word.lowercased()
        return AuthorLexicon.coreRoles.contains(lower) || AuthorLexicon.roleModifiers.contains(lower)
    }

    private static let edgePunctuation: Set<Character> = [
        ",", ";", ":", "|", "-", "–", "—", "·", "•", "/", "\\", "*", "\"", "'", "“", "”", "„", "«", "»", "‹", "›",
        "(", ")", "[", "]", "{", "}", " ", "¿", "¡", "?", "!", "\t",
        // Their full-width forms, as CJK pages write them ("事務所 ／").
        "／", "｜", "：", "，", "、", "；", "（", "）", "【", "】", "「", "」", "　",
    ]

    private static func isCapitalized(_ word: String) -> Bool {
        word.first?.isUppercase == true
    }

    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
