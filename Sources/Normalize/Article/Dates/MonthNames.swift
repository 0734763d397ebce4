/// Month names and their usual abbreviations in the languages news pages are written in,
/// lower-cased, including the genitive forms Slavic languages use in dates ("18 listopada").
///
/// Words that are common words elsewhere ("sie", "lis", "ago" alone) are harmless here: a month
/// only counts when numbers on both sides make a valid date.
enum MonthNames {
    private static let table: [(Int, [String])] = [
        (1, ["january", "jan", "januar", "jänner", "janner", "janvier", "janv", "enero", "ene", "gennaio",
             "gen", "janeiro", "januari", "stycznia", "styczeń", "styczen", "ledna", "leden", "tammikuuta",
             "ocak", "января", "январь", "січня", "ianuarie", "január", "gener", "jänn"]),
        (2, ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "febrero",
             "febbraio", "fevereiro", "fev", "februari", "lutego", "luty", "února", "únor", "helmikuuta",
             "şubat", "subat", "февраля", "февраль", "лютого", "februarie", "február", "febrer"]),
        (3, ["march", "mar", "märz", "marz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt",
             "marca", "marzec", "března", "březen", "maaliskuuta", "mart", "марта", "март", "березня",
             "martie", "március", "març", "maret"]),
        (4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "dubna",
             "duben", "huhtikuuta", "nisan", "апреля", "апрель", "квітня", "aprilie", "április"]),
        (5, ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "května", "květen",
             "toukokuuta", "mayıs", "mayis", "мая", "май", "травня", "május", "maig"]),
        (6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec",
             "června", "červen", "kesäkuuta", "haziran", "июня", "июнь", "червня", "iunie", "június", "juny"]),
        (7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec",
             "července", "červenec", "heinäkuuta", "temmuz", "июля", "июль", "липня", "iulie", "július",
             "juliol"]),
        (8, ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "srpna",
             "srpen", "elokuuta", "ağustos", "agustos", "августа", "август", "серпня", "augusti",
             "augusztus", "agost", "agustus"]),
        (9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
             "setembro", "września", "wrzesień", "wrzesien", "září", "syyskuuta", "eylül", "eylul",
             "сентября", "сентябрь", "вересня", "septembrie", "szeptember", "setembre"]),
        (10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
              "października", "październik", "pazdziernika", "října", "říjen", "lokakuuta", "ekim",
              "октября", "октябрь", "жовтня", "octombrie", "október"]),
        (11, ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu",
              "marraskuuta", "kasım", "kasim", "ноября", "ноябрь", "листопада", "noiembrie"]),
        (12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
              "dicembre", "dezembro", "grudnia", "grudzień", "prosince", "prosinec", "joulukuuta", "aralık",
              "aralik", "декабря", "декабрь", "грудня", "decembrie", "desember", "desembre"]),
    ]

    /// Arabic (Gulf/Egyptian, Levantine and Maghreb single-word names) and Greek genitives; Hindi,
    /// Marathi, Bengali and Gujarati (Indian pages write the Gregorian months in their script).
    private static let moreScripts: [(Int, [String])] = [
        (1, ["يناير", "جانفي", "ιανουαρίου", "ιανουάριος", "जनवरी", "जानेवारी", "জানুয়ারি", "জানুয়ারী", "જાન્યુઆરી"]),
        (2, ["فبراير", "فيفري", "شباط", "φεβρουαρίου", "फ़रवरी", "फरवरी", "फेब्रुवारी", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "ફેબ્રુઆરી"]),
        (3, ["مارس", "آذار", "μαρτίου", "मार्च", "মার্চ", "માર્ચ"]),
        (4, ["أبريل", "أفريل", "افريل", "ابريل", "إبريل", "نيسان", "απριλίου", "अप्रैल", "अप्रेल", "एप्रिल", "এপ্রিল", "એપ્રિલ"]),
        (5, ["مايو", "ماي", "أيار", "μαΐου", "μαΐου", "मई", "मे", "মে", "મે"]),
        (6, ["يونيو", "جوان", "يونيه", "حزيران", "ιουνίου", "जून", "জুন", "જૂન"]),
        (7, ["يوليو", "جويلية", "يوليه", "تموز", "ιουλίου", "जुलाई", "जुलै", "জুলাই", "જુલાઈ"]),
        (8, ["أغسطس", "أوت", "اغسطس", "آب", "αυγούστου", "अगस्त", "ऑगस्ट", "আগস্ট", "আগষ্ট", "ઓગસ્ટ", "ઑગસ્ટ"]),
        (9, ["سبتمبر", "أيلول", "σεπτεμβρίου", "सितंबर", "सितम्बर", "सप्टेंबर", "সেপ্টেম্বর", "સપ્ટેમ્બર"]),
        (10, ["أكتوبر", "اكتوبر", "οκτωβρίου", "अक्टूबर", "अक्तूबर", "ऑक्टोबर", "অক্টোবর", "ઓક્ટોબર", "ઑક્ટોબર"]),
        (11, ["نوفمبر", "νοεμβρίου", "नवंबर", "नवम्बर", "नोव्हेंबर", "নভেম্বর", "નવેમ્બર"]),
        (12, ["ديسمبر", "δεκεμβρίου", "दिसंबर", "दिसम्बर", "डिसेंबर", "ডিসেম্বর", "ડિસેમ્બર"]),
    ]

    /// The longest name in bytes ("ফেব্রুয়ারি": eleven three-byte characters).
    static let maximumBytes = 36

    static let lookup: [String: Int] = {
        var lookup: [String: Int] = [:]
        for (month, names) in table + moreScripts + moreLanguages {
            for name in names where lookup[name] == nil { lookup[name] = month }
        }
        return lookup
    }()

    /// The ASCII names of `lookup`, read without making a `String` (every word of a dateline is
    /// looked up).
    private static let asciiLookup = ASCIIWordTable(lookup)

    /// The month (1...12) a word names, any case, a trailing full stop allowed ("Nov.").
    static func month(_ word: ArraySlice<UInt8>) -> Int? {
        guard word.count >= 3, word.count <= maximumBytes else { return nil }
        if let key = ASCIIWordTable.Key(word) { return asciiLookup.value(key) }
        var ascii = true
        for byte in word where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            var lowered = [UInt8](word)
            for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A {
                lowered[index] |= 0x20
            }
            return lookup[String(decoding: lowered, as: UTF8.self)]
        }
        return lookup[String(decoding: word, as: UTF8.self).lowercased()]
    }
}
