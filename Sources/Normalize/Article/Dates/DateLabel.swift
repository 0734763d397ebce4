/// What the words in front of a visible date say it is: "Updated …", "Aktualisiert am …",
/// "Mis à jour le …" make it a modification date; "Published …", "Veröffentlicht …",
/// "Publié le …" confirm a publication date; "Joined …", "Mitglied seit …", "Born on …" date
/// something else (a forum member's sign-up, a birth, a deadline); anything else is neutral.
/// Words that open a label in a non-Latin script are listed without their first letter
/// ("…публиковано", "…новлено" for "Обновлено" and "Оновлено", "…ημοσιεύ"), as only ASCII is
/// lower-cased here. Korean news labels its two stamps "입력" (filed) and "수정" (edited);
/// Japanese and Chinese pages "公開", "配信", "发布" and "更新".
enum DateLabel: UInt8, Sendable {
    case neutral, published, modified, unrelated

    private static let publishedWords = [
        "published", "posted", "veröffentlicht", "erschienen", "erstellt", "publié", "publie le", "publicado",
        "publicada", "pubblicato", "gepubliceerd", "opublikowano", "publikováno", "publicerad", "publisert",
        "originally", "created", "first pub", "date de publication", "fecha de publicación",
        "veröffentlichung", "publiziert", "udgivet", "julkaistu", "publicat", "publikálva", "yayınlan", "yayımlan",
        "публиковано", "публіковано", "бјављено", "objavljeno", "objavljen", "publikované", "közzétéve",
        "ημοσιεύ", "نشر", "diterbitkan", "dipublikasikan", "diposting", "פורסם", "公開", "投稿", "配信",
        "发布", "發布", "發佈", "发表", "發表", "입력", "등록",
    ]
    private static let modifiedWords = [
        "updated", "update:", "aktualisiert", "geändert", "änderung", "mis à jour", "mise à jour",
        "modifié", "actualizado", "actualizada", "actualización", "aggiornato", "aggiornamento", "atualizado",
        "atualizada", "bijgewerkt", "zaktualizowano", "aktualizacja", "aktualizováno", "uppdaterad",
        "oppdatert", "last edited", "modified", "revised", "edited", "stand:", "stand ",
        "last update", "opdateret", "päivitetty", "actualizat", "frissítve", "güncellen",
        "новлено", "журирано", "ažurirano", "aktualizované", "aktualizace", "νημερώ", "تحديث", "diperbarui",
        "cập nhật", "עודכן", "更新", "수정", "업데이트",
    ]
    private static let unrelatedWords = [
        "joined", "join date", "member since", "mitglied seit", "dabei seit", "registriert", "registered",
        "membre depuis", "inscrit le", "inscription", "miembro desde", "registrado", "iscritto", "lid sinds",
        "born:", "born on", "geboren am", "geboren:", "né le", "née le", "deadline", "einsendeschluss", "bewerbungsschluss",
        "anmeldeschluss", "expires", "valid until", "gültig bis",
    ]
    private static let words = PatternSet(groups: [publishedWords, modifiedWords, unrelatedWords])
    private static let modifiedPrefixes = modifiedWords.map { Array($0.utf8) }

    /// Whether the bytes right after a date open an update label ("-- Updated 0203 GMT",
    /// "| Aktualisiert 14:02"): only blanks and separators between.
    static func opensUpdate(_ after: ArraySlice<UInt8>) -> Bool {
        var rest = after
        while let first = rest.first {
            if first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D || first == 0x2D || first == 0x7C
                || first == 0x2C || first == 0x2F || first == 0x28 {
                rest = rest.dropFirst()
            } else if first == 0xC2 || first == 0xE2 {
                // No-break space, "·"; dashes, bullets and other punctuation of U+2000–U+2FFF.
                rest = rest.dropFirst(first == 0xC2 ? 2 : 3)
            } else {
                break
            }
        }
        var lowered = [UInt8](rest.prefix(20))
        for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A {
            lowered[index] |= 0x20
        }
        return modifiedPrefixes.contains { lowered.starts(with: $0) }
    }

    /// The label in the bytes right before a date (lower-cased here, ASCII only); the word
    /// nearest the date wins when both kinds appear.
    static func of(_ before: ArraySlice<UInt8>) -> DateLabel {
        guard before.count >= 4 else { return .neutral }
        var lowered = [UInt8](before.suffix(28))
        for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A {
            lowered[index] |= 0x20
        }
        let found = words.groups(in: lowered[...])
        if let single = label(of: found) { return single }
        // Several kinds: the one whose last occurrence is later.
        var tail = lowered[...]
        while tail.count >= 4 {
            tail = tail.dropFirst()
            if let single = label(of: words.groups(in: tail)) { return single }
        }
        return .neutral
    }

    /// The label of one kind of word found (bit 0 published, 1 modified, 2 unrelated); nil for several.
    private static func label(of groups: UInt32) -> DateLabel? {
        switch groups {
        case 0: return .neutral
        case 1: return .published
        case 2: return .modified
        case 4: return .unrelated
        default: return nil
        }
    }
}
