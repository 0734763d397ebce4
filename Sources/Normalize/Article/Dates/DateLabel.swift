/// What the words in front of a visible date say it is: "Updated …", "Aktualisiert am …",
/// "Mis à jour le …" make it a modification date; "Published …", "Veröffentlicht …",
/// "Publié le …" confirm a publication date; anything else is neutral. Words that open a label
/// in a non-Latin script are listed without their first letter ("…публиковано", "…бновлено"),
/// as only ASCII is lower-cased here.
enum DateLabel: UInt8, Sendable {
    case neutral, published, modified

    private static let words = PatternSet(groups: [
        ["published", "posted", "veröffentlicht", "erschienen", "erstellt", "publié", "publie le", "publicado",
         "publicada", "pubblicato", "gepubliceerd", "opublikowano", "publikováno", "publicerad", "publisert",
         "originally", "created", "first pub", "date de publication", "fecha de publicación",
         "veröffentlichung", "publiziert", "udgivet", "julkaistu", "publicat", "publikálva", "yayınlan", "yayımlan",
         "публиковано"],
        ["updated", "update:", "aktualisiert", "geändert", "änderung", "mis à jour", "mise à jour",
         "modifié", "actualizado", "actualizada", "actualización", "aggiornato", "aggiornamento", "atualizado",
         "atualizada", "bijgewerkt", "zaktualizowano", "aktualizacja", "aktualizováno", "uppdaterad",
         "oppdatert", "last edited", "modified", "revised", "edited", "stand:", "stand ",
         "last update", "opdateret", "päivitetty", "actualizat", "frissítve", "güncellen", "бновлено"],
    ])

    /// The label in the bytes right before a date (lower-cased here, ASCII only); the word
    /// nearest the date wins when both kinds appear.
    static func of(_ before: ArraySlice<UInt8>) -> DateLabel {
        guard before.count >= 4 else { return .neutral }
        var lowered = [UInt8](before.suffix(28))
        for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A {
            lowered[index] |= 0x20
        }
        let found = words.groups(in: lowered[...])
        switch found {
        case 0: return .neutral
        case 1: return .published
        case 2: return .modified
        default:
            // Both: the one whose last occurrence is later.
            var tail = lowered[...]
            while tail.count >= 4 {
                tail = tail.dropFirst()
                let rest = words.groups(in: tail)
                if rest == 1 { return .published }
                if rest == 2 { return .modified }
            }
            return .neutral
        }
    }
}
