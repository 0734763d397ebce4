/// What follows the article: a short line that opens the readers' comments ("Kommentare",
/// "12 Comments", "Commentaires (3)"), the next article ("Read next"), a press release's contact
/// or a column's biography ("Pressekontakt", "About the author"), once the article's prose has
/// come, leaves the body with everything after it. Comment threads without class names
/// (`<div class="titlebar">Kommentare` over posts in plain `div`s) are joined to the article by
/// density scoring; their heading is the one sign of where the article ends.
extension LineFilter {
    /// Headings of a comment section in the common web languages, lower case, without counts.
    static let commentHeadings: Set<String> = [
        "comments", "comment", "reader comments", "readers comments", "kommentare", "leserkommentare",
        "kommentar", "commentaires", "commentaire", "comentarios", "comentario", "comentários",
        "commenti", "komentarze", "komentarzy", "reacties", "kommentarer", "kommentit", "yorumlar",
        "комментарии", "hozzászólások", "responses", "komentáře", "komentáre", "komentari", "komentar",
        "коментари", "коментарі", "σχόλια", "תגובות", "تعليقات", "التعليقات", "نظرات", "bình luận", "评论",
        "評論", "留言", "コメント", "댓글", "comentaris",
        // The comment form's own heading, where a theme leaves no thread class to go by.
        "leave a reply", "leave a reply cancel reply", "leave a comment", "post a comment", "add a comment",
        "join the conversation", "join the discussion", "schreibe einen kommentar", "kommentar verfassen",
        "kommentar schreiben", "laisser un commentaire", "deja un comentario", "deja una respuesta",
        "lascia un commento", "deixe um comentário", "deixe uma resposta", "dodaj komentarz",
        "geef een reactie", "lämna ett svar", "skriv en kommentar",
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
            if index > 0, index < lines.count - 1, sawProse, length <= 40, before * articleShare >= total {
                let key = headingKey(line.text)
                if commentHeadings.contains(key) || nextArticleHeadings.contains(key) || trailerHeadings.contains(key) {
                    return Array(lines[..<index])
                }
            }
            before += length
            if length >= 80 { sawProse = true }
        }
        return lines
    }

    /// Headings that open the next article under this one ("Vorschau auf den nächsten Artikel",
    /// "Read next"): a teaser follows, and the article has ended.
    static let nextArticleHeadings: Set<String> = [
        "next article", "read next", "up next", "next story", "nächster artikel", "nächster beitrag",
        "vorschau auf den nächsten artikel", "article suivant", "siguiente artículo", "artículo siguiente",
        "próximo artigo", "articolo successivo", "następny artykuł",
    ]

    /// Headings of what a press release or a column appends: the press contact and the
    /// writer's biography.
    static let trailerHeadings: Set<String> = [
        "pressekontakt", "pressekontakte", "medienkontakt", "press contact", "press contacts", "media contact",
        "media contacts", "contact presse", "contacto de prensa", "about the author", "über den autor",
        "über die autorin", "über die autoren", "à propos de l auteur", "sobre el autor", "sobre la autora",
    ]

    /// A post's meta line split by bars or dots, one part a comment count: "Freitag | 14. Juni
    /// 2019 | 15:49 VON Sina Roe IN Fashion | 0 COMMENTS".
    static func isPostMeta(_ line: String) -> Bool {
        guard line.utf8.count <= 200 else { return false }
        let parts = line.split(whereSeparator: { $0 == "|" || $0 == "·" || $0 == "•" })
        guard parts.count >= 3 else { return false }
        return parts.contains { part in
            part.contains(where: \.isNumber) && commentHeadings.contains(headingKey(String(part)))
        }
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
