/// The readers' comments written after the article: a short line that opens them ("Kommentare",
/// "12 Comments", "Commentaires (3)") once the article's prose has come, and everything after
/// it, leave the body. Comment threads without class names (`<div class="titlebar">Kommentare`
/// over posts in plain `div`s) are joined to the article by density scoring; their heading is
/// the one sign of where the article ends.
extension LineFilter {
    /// Headings of a comment section in the common web languages, lower case, without counts.
    static let commentHeadings: Set<String> = [
        "comments", "comment", "reader comments", "readers comments", "kommentare", "leserkommentare",
        "kommentar", "commentaires", "commentaire", "comentarios", "comentario", "comentários",
        "commenti", "komentarze", "komentarzy", "reacties", "kommentarer", "kommentit", "yorumlar",
        "комментарии", "hozzászólások", "responses",
    ]
    /// Share of the body's characters that must come before the heading: a comment count under
    /// the lead ("12 Comments" beside the share buttons) is not where the article ends.
    static let articleShare = 3

    static func dropCommentSection(_ lines: [BodyWriter.Line]) -> [BodyWriter.Line] {
        guard lines.count > 2 else { return lines }
        let total = lines.reduce(0) { $0 + $1.text.utf8.count }
        var before = 0
        var sawProse = false
        for (index, line) in lines.enumerated() {
            let length = line.text.utf8.count
            if index > 0, index < lines.count - 1, sawProse, length <= 40, before * articleShare >= total,
               commentHeadings.contains(headingKey(line.text)) {
                return Array(lines[..<index])
            }
            before += length
            if length >= 80 { sawProse = true }
        }
        return lines
    }

    /// Lower case, counts and brackets removed, spaces collapsed: "Kommentare (3)" → "kommentare".
    static func headingKey(_ text: String) -> String {
        var key = ""
        for character in LowercaseText.of(text) {
            if character.isNumber || "()[]:.'’".contains(character) { continue }
            if character == " " && (key.isEmpty || key.hasSuffix(" ")) { continue }
            key.append(character)
        }
        while key.hasSuffix(" ") { key.removeLast() }
        return key
    }
}
