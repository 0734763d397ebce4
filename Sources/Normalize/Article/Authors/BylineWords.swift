import Foundation

/// Cuts byline text into words and the words into segments that may hold names.
///
/// A segment ends at a separator ("|", " - ", "•"), at a run of date and time words
/// ("November 20, 2019 10:43", "am Samstag, 19. Oktober 2019") and before a label
/// ("Datum:", "Foto:"). Each segment then loses its lead-in ("By", "Written by", "Von"),
/// its label ("Autor:", "Text & Fotos:") and the glue words next to a removed date ("am",
/// "on"); a segment labelled as a photo credit or a source is dropped whole. A follow button
/// after a name ends the byline (the writer's bio follows it).
enum BylineWords {
    /// Words of `raw`, without e-mail addresses, handles, URLs and parenthesised asides.
    static func split(_ raw: String) -> [String] {
        var words: [String] = []
        var parenthesis = 0
        for word in raw.split(whereSeparator: { $0.isWhitespace }).prefix(60) {
            // "Jenny Roe ❤️", "✍️ Jana Roe": pictographs around a name are decoration.
            if word.unicodeScalars.allSatisfy(isPictograph) { continue }
            let opens = word.hasPrefix("(") || word.hasPrefix("[")
            if parenthesis > 0 || opens {
                if opens { parenthesis += 1 }
                if word.hasSuffix(")") || word.hasSuffix("),") || word.hasSuffix("]") { parenthesis -= 1 }
                parenthesis = max(0, min(parenthesis, 4))
                continue
            }
            if AuthorText.has(word, "@") || AuthorText.has(word, "://") || AuthorText.has(word, "[at]")
                || AuthorText.has(word, "(at)") || startsWithHTTP(word) { continue }
            // "dpa/Jana Roe", "Jana Roe/AFP": a slash between letters separates two credits.
            if let slash = word.firstIndex(of: "/"), slash != word.startIndex,
               word.index(after: slash) != word.endIndex,
               word[word.index(before: slash)].isLetter, word[word.index(after: slash)].isLetter {
                words.append(String(word[..<slash]))
                words.append("/")
                words.append(String(word[word.index(after: slash)...]))
                continue
            }
            // "Updated:March", "Autor:Jana": a label glued to what follows it (no name holds a colon).
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
               word.index(after: colon) != word.endIndex,
               word[word.index(before: colon)].isLetter, word[word.index(after: colon)].isLetter {
                words.append(String(word[...colon]))
                words.append(String(word[word.index(after: colon)...]))
                continue
            }
            words.append(String(word))
        }
        return words
    }

    /// "http…" in any case, without lower-casing a copy of the word.
    private static func startsWithHTTP(_ word: Substring) -> Bool {
        var bytes = word.utf8.makeIterator()
        for expected in "http".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        return true
    }

    /// Emoji and other pictographic symbols, with the selectors and joiners that shape them;
    /// not the symbols below U+2100 ("©" leads a credit in).
    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0x200D, 0x1F3FB...0x1F3FF: return true
        case 0x2100...: return scalar.properties.generalCategory == .otherSymbol
        default: return false
        }
    }

    /// One segment of a byline and where it stood.
    struct Segment {
        var words: [String]
        /// A date or time came somewhere before it ("Ann Roe 3 May 2020 Politics").
        var followsDate: Bool
        /// A bar or a dot came somewhere before it ("Ann Roe | Palma", "Ann Roe · Politics");
        /// dashes and slashes also join co-authors ("Ann Roe - Tom Lee", "Ann Roe / Tom Lee").
        var followsSeparator: Bool
        /// It lost a lead-in or a label ("By", "Autor:"): what follows was introduced as a name.
        var isIntroduced: Bool
    }

    /// The segments of `words`, each stripped of its lead-in, label and date glue.
    static func segments(_ words: [String]) -> [Segment] {
        // Each word's lexicon form and date-ness, computed once.
        let bare = words.map { AuthorText.bare($0) }
        var isDate = words.indices.map { isDateWord(bare, $0) }
        markReadingTimeLabels(bare, &isDate)
        var segments: [Segment] = []
        var current: [Int] = []
        var label: [Int] = []
        var afterDate = false
        var seenDate = false
        var seenSeparator = false
        func flush(beforeDate: Bool) {
            defer { current = []; label = [] }
            if isCredit(label.map { bare[$0] }) { return }
            // "Developed by Studio X", "Powered by …", "Cookely Theme by WPZOOM": the site's credits.
            if zip(current, current.dropFirst()).contains(where: { credit, by in
                AuthorLexicon.siteCredits.contains(bare[credit]) && (bare[by] == "by" || bare[by] == "von")
            }) { return }
            var segment = current[...]
            if afterDate { while let first = segment.first, AuthorLexicon.glue.contains(bare[first]) { segment.removeFirst() } }
            if beforeDate { while let last = segment.last, AuthorLexicon.glue.contains(bare[last]) { segment.removeLast() } }
            let leadIn = leadInLength(segment.map { bare[$0] })
            segment = segment.dropFirst(leadIn)
            if !segment.isEmpty {
                segments.append(Segment(words: segment.map { words[$0] }, followsDate: seenDate,
                                        followsSeparator: seenSeparator, isIntroduced: leadIn > 0 || !label.isEmpty))
            }
        }
        var index = 0
        while index < words.count {
            let word = words[index]
            // "Inga Roe Follow Coach | Expert for …": a follow button after a name ends the
            // byline; what follows is the writer's bio. Before any name it is skipped.
            if AuthorLexicon.followButtons.contains(bare[index]) {
                if !current.isEmpty || !segments.isEmpty {
                    flush(beforeDate: false)
                    return segments
                }
                index += 1
                continue
            }
            if separators.contains(word) {
                flush(beforeDate: false)
                afterDate = false
                if barSeparators.contains(word) { seenSeparator = true }
            } else if isDate[index] {
                while index + 1 < words.count && isDate[index + 1] { index += 1 }
                flush(beforeDate: true)
                afterDate = true
                seenDate = true
            } else if endsSentence(word, bare[index]) {
                // "Finian Roe. Sputnik International": a full stop after a word, not an initial.
                current.append(index)
                flush(beforeDate: false)
                afterDate = false
            } else if word.hasSuffix(":") {
                var newLabel = [index]
                // "Text & Fotos:" — a label joined by a conjunction.
                if current.count >= 2, AuthorLexicon.conjunctions.contains(bare[current[current.count - 1]]) {
                    newLabel = Array(current.suffix(2)) + newLabel
                    current.removeLast(2)
                } else if word == ":", let last = current.last {
                    newLabel = [last, index]
                    current.removeLast()
                } else if let leadIn = AuthorLexicon.leadIns.first(where: { $0.count > 1 && $0.last == bare[index]
                            && current.count >= $0.count - 1
                            && current.suffix($0.count - 1).map({ bare[$0] }) == Array($0.dropLast()) }) {
                    // "Written By:": the lead-in's first words belong to the label.
                    newLabel = Array(current.suffix(leadIn.count - 1)) + newLabel
                    current.removeLast(leadIn.count - 1)
                }
                flush(beforeDate: false)
                afterDate = false
                label = newLabel
            } else {
                current.append(index)
            }
            index += 1
        }
        flush(beforeDate: false)
        return segments
    }

    /// A word closed by a full stop that is neither an initial nor a title ("Prof.", "Dr.").
    private static func endsSentence(_ word: String, _ bare: String) -> Bool {
        guard word.hasSuffix("."), bare.count > 2, !AuthorLexicon.titles.contains(bare) else { return false }
        return !bare.contains(".") && bare.first?.isLetter == true
    }

    private static func isCredit(_ words: [String]) -> Bool {
        guard words.contains(where: { AuthorLexicon.creditLabels.contains($0) }) else { return false }
        return !words.contains { ["text", "texte", "texto", "autor", "author", "auteur", "autorin"].contains($0) }
    }

    /// How many leading words are lead-ins ("Written by", "Posted on", "By").
    private static func leadInLength(_ words: [String]) -> Int {
        var start = 0
        var rounds = 0
        while start < words.count && rounds < 4 {
            rounds += 1
            guard let options = AuthorLexicon.leadInsByFirstWord[words[start]],
                  let leadIn = options.first(where: { words[start...].starts(with: $0) }) else { break }
            start += leadIn.count
        }
        return start
    }

    private static let separators: Set<String> = ["|", "-", "–", "—", "•", "·", "::", "»", "›", "/", "||"]
    /// Separators that set a name apart from its place, outlet or section (see `Segment`).
    private static let barSeparators: Set<String> = ["|", "||", "•", "·"]

    /// Marks each reading-time label ("Tiempo de lectura") as date words, like the duration
    /// that follows it.
    private static func markReadingTimeLabels(_ bare: [String], _ isDate: inout [Bool]) {
        for start in bare.indices where AuthorLexicon.readingTimeFirstWords.contains(bare[start]) {
            for label in AuthorLexicon.readingTimeLabels where start + label.count <= bare.count {
                guard bare[start..<start + label.count].elementsEqual(label) else { continue }
                for index in start..<start + label.count { isDate[index] = true }
            }
        }
    }

    /// A month's name or abbreviation in any language the dates are read in (``MonthNames``:
    /// "kwietnia", "Març", "фев", "فيفري"), or the byline lexicon's shorter forms.
    static func isMonthName(_ word: String) -> Bool {
        AuthorLexicon.months.contains(word) || MonthNames.month(Array(word.utf8)[...]) != nil
    }

    /// A number, a time, an ordinal, a weekday, or a month name next to a number.
    static func isDateWord(_ bare: [String], _ index: Int) -> Bool {
        let word = bare[index]
        guard !word.isEmpty else { return false }
        var letters = 0, digits = 0
        for scalar in word.unicodeScalars {
            if AuthorText.isLetter(scalar) { letters += 1 } else if ("0"..."9").contains(scalar) { digits += 1 }
        }
        if digits > 0 && letters == 0 { return true }
        if AuthorLexicon.weekdays.contains(word) { return true }
        if AuthorLexicon.weekdaysBesideDates.contains(word) {
            return [index - 1, index + 1].contains { neighbour in
                guard neighbour >= 0 && neighbour < bare.count else { return false }
                return bare[neighbour].first?.isNumber == true || isMonthName(bare[neighbour])
            }
        }
        if digits > 0 {
            let rest = word.filter { $0.isLetter }
            if ["st", "nd", "rd", "th", "er", "e", "º", "ª"].contains(rest) { return true }
            // A time with its half of the day or hour mark glued on: "11:57AM", "9pm", "14h30".
            if ["am", "pm", "h", "hs", "hrs", "uhr"].contains(rest) { return true }
            if isMonthName(rest) { return true }
            return false
        }
        // "3 hours ago", "hace 2 horas", "vor 5 Minuten", "5 min read": relative times and durations.
        if AuthorLexicon.timeUnits.contains(word) || AuthorLexicon.relativeTime.contains(word) {
            return [index - 1, index + 1, index + 2].contains { neighbour in
                guard neighbour >= 0 && neighbour < bare.count, let first = bare[neighbour].first else { return false }
                return first.isNumber || (neighbour != index + 2 && AuthorLexicon.timeUnits.contains(bare[neighbour]))
            }
        }
        guard isMonthName(word) else { return false }
        // "20 November", "November 20", "2 de mayo", "mayo de 2023".
        var neighbours = [index - 1, index + 1]
        if index >= 2 && AuthorLexicon.dateLinks.contains(bare[index - 1]) { neighbours.append(index - 2) }
        if index + 2 < bare.count && AuthorLexicon.dateLinks.contains(bare[index + 1]) { neighbours.append(index + 2) }
        neighbours = neighbours.filter { $0 >= 0 && $0 < bare.count }
        return neighbours.contains { neighbour in
            let other = bare[neighbour]
            return other.first?.isNumber == true && !other.contains(where: \.isLetter)
        }
    }
}
