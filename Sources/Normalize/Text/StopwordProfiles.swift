/// The most frequent function words of languages that share a script. Twenty words or so
/// per language tell them apart in a paragraph; words common to two languages of the
/// same family are left out of at least one of them.
enum StopwordProfiles {
    enum Script { case latin, cyrillic, arabic }

    struct Profile {
        let code: String
        let script: Script
        let words: Set<String>
    }

    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    static func hash(_ word: String) -> UInt64 {
        var value = fnvOffset
        for byte in word.utf8 {
            value ^= UInt64(byte)
            value = value &* fnvPrime
        }
        return value
    }

    /// Word hash → bit set of the profiles (by index) that list the word.
    static let table: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        for (offset, profile) in profiles.enumerated() {
            for word in profile.words { table[hash(word), default: 0] |= 1 << UInt32(offset) }
        }
        return table
    }()

    static let profiles: [Profile] = [
        Profile(code: "en", script: .latin, words: ["the", "and", "of", "to", "is", "that", "it", "was", "for", "with", "on", "are", "this", "have", "from", "by", "be", "they", "which", "you", "has", "were", "said", "but", "not", "their"]),
        Profile(code: "es", script: .latin, words: ["el", "los", "las", "del", "que", "y", "en", "por", "una", "con", "para", "es", "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "esta", "también"]),
        Profile(code: "pt", script: .latin, words: ["o", "os", "as", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "para", "com", "não", "no", "na", "por", "mais", "foi", "ao", "seu", "sua", "também", "são"]),
        Profile(code: "fr", script: .latin, words: ["le", "la", "les", "des", "et", "est", "un", "une", "du", "dans", "que", "qui", "pour", "pas", "sur", "au", "avec", "il", "elle", "ce", "sont", "aux", "mais", "plus", "nous"]),
        Profile(code: "de", script: .latin, words: ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "den", "zu", "von", "sich", "auf", "für", "dem", "auch", "es", "im", "wird", "sie", "wie", "aus", "bei", "nach"]),
        Profile(code: "it", script: .latin, words: ["il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "della", "del", "con", "si", "le", "gli", "nel", "alla", "anche", "più", "questo", "è", "ha", "dei", "delle"]),
        Profile(code: "nl", script: .latin, words: ["de", "het", "een", "en", "van", "is", "dat", "op", "niet", "zijn", "met", "voor", "ook", "aan", "er", "maar", "om", "bij", "naar", "dan", "wordt", "hij", "deze", "nog", "worden"]),
        Profile(code: "pl", script: .latin, words: ["i", "w", "nie", "na", "się", "z", "do", "że", "jest", "to", "jak", "po", "co", "tak", "przez", "od", "za", "czy", "ale", "jego", "które", "był", "już", "dla", "oraz"]),
        Profile(code: "tr", script: .latin, words: ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "en", "ama", "sonra", "kadar", "değil", "her", "ne", "mi", "var", "şey", "onun", "ise", "diye"]),
        Profile(code: "id", script: .latin, words: ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "saya", "kita", "mereka", "sudah", "bisa", "atau", "kami", "harus"]),
        Profile(code: "sv", script: .latin, words: ["och", "att", "det", "som", "en", "är", "på", "för", "med", "inte", "av", "till", "den", "har", "om", "ett", "var", "men", "jag", "så", "vi", "från", "kan", "också", "eller"]),
        Profile(code: "da", script: .latin, words: ["og", "at", "det", "er", "en", "til", "på", "med", "af", "ikke", "den", "for", "de", "som", "har", "der", "et", "men", "fra", "var", "vi", "jeg", "kan", "også", "efter"]),
        Profile(code: "no", script: .latin, words: ["og", "i", "det", "er", "på", "som", "en", "til", "av", "med", "for", "ikke", "har", "de", "at", "var", "jeg", "om", "fra", "men", "vi", "kan", "også", "etter", "ble"]),
        Profile(code: "fi", script: .latin, words: ["ja", "on", "ei", "että", "se", "oli", "mutta", "kun", "hän", "myös", "ovat", "tai", "jos", "niin", "kuin", "joka", "ole", "sen", "mitä", "nyt", "vain", "olla", "jo", "tämä", "siitä"]),
        Profile(code: "cs", script: .latin, words: ["a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jako", "ale", "o", "by", "pro", "jsou", "také", "které", "který", "jeho", "byl", "bylo", "podle", "až", "než"]),
        Profile(code: "ro", script: .latin, words: ["și", "în", "de", "la", "cu", "pe", "care", "nu", "este", "o", "un", "din", "să", "au", "mai", "pentru", "fost", "sunt", "ce", "dar", "sau", "iar", "acest", "după", "până"]),
        Profile(code: "hu", script: .latin, words: ["a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "már", "csak", "de", "ha", "mint", "még", "kell", "volt", "után", "pedig", "vagy", "ez", "azt", "lesz", "sem", "el"]),
        Profile(code: "vi", script: .latin, words: ["và", "của", "là", "có", "các", "được", "trong", "cho", "không", "những", "một", "với", "người", "này", "đã", "khi", "để", "từ", "cũng", "như", "đến", "ra", "về", "sẽ", "nhiều"]),
        Profile(code: "ru", script: .cyrillic, words: ["и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "его", "к", "из", "за", "от", "для", "также", "был", "она", "так", "но", "который", "уже", "или", "если"]),
        Profile(code: "uk", script: .cyrillic, words: ["і", "в", "не", "на", "що", "з", "та", "це", "як", "до", "від", "для", "також", "його", "він", "але", "який", "вже", "про", "із", "ще", "її", "буде", "було", "щоб"]),
        Profile(code: "bg", script: .cyrillic, words: ["и", "на", "в", "да", "се", "не", "от", "за", "е", "че", "са", "с", "по", "това", "ще", "като", "след", "но", "които", "към", "има", "който", "беше", "тази", "още"]),
        Profile(code: "ar", script: .arabic, words: ["في", "من", "على", "أن", "إلى", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "لا", "ما", "أو", "بين", "قد", "كما", "بعد", "ذلك", "وقد", "إن", "عام", "حيث", "كل"]),
        Profile(code: "fa", script: .arabic, words: ["و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "هم", "تا", "شده", "بر", "می", "شود", "کرد", "ها", "نیز", "اما", "خود", "وی", "دارد"]),
        Profile(code: "ur", script: .arabic, words: ["کے", "کی", "میں", "ہے", "اور", "کا", "کو", "سے", "نے", "پر", "یہ", "ہیں", "کہ", "بھی", "تھا", "گیا", "ایک", "کر", "تھی", "وہ", "لیے", "ہو", "جو", "اس", "رہے"]),
    ]
}
