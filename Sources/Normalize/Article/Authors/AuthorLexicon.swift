/// Words that surround names in bylines without being names: lead-ins ("By", "Von",
/// "Written by"), roles ("Staff Writer", "Redakteur"), date words and news agencies, in the
/// languages the pipeline meets most. All lower case; matched on whole words.
enum AuthorLexicon {
    /// Lead-ins, longest first so "written by" wins over "by".
    static let leadIns: [[String]] = [
        "view all posts by", "all posts by", "more posts by", "more from", "more by", "alle beiträge von",
        "alle artikel von", "mehr von", "alles von", "a cura di", "analysis by", "opinion by", "commentary by", "interview by", "review by",
        "ein beitrag von", "eine kolumne von", "ein kommentar von", "ein gastbeitrag von",
        "written by", "posted by", "published by", "reported by", "story by", "words by", "article by",
        "text by", "artikel von", "beitrag von", "posted on", "published on", "submitted by", "submitted on", "geschrieben von", "verfasst von", "erstellt von",
        "veröffentlicht von", "veröffentlicht am", "gastbeitrag von", "text von", "escrito por",
        "publicado por", "publicado el", "écrit par", "rédigé par", "publié par", "publié le",
        "scritto da", "propos recueillis par", "recueilli par", "recueillis par", "eingestellt von", "geplaatst door", "geschreven door", "updated", "published", "posted", "submitted",
        "aktualisiert", "veröffentlicht", "publié", "publicado", "by", "von", "par", "por", "di", "av", "af",
        "door", "from", "author", "autor", "autorin", "auteur", "©",
        // Other languages' lead-ins: Indonesian and Malay, Turkish, Hungarian, Finnish, South Slavic,
        // Nordic, Polish, Russian and Ukrainian, Greek, Hebrew, Arabic.
        "oleh", "penulis", "yazar", "yazan", "szerző", "teksti", "kirjoittaja", "piše", "skrevet af",
        "skrevet av", "napisał", "napisała", "автор", "συντάκτης", "מאת", "بقلم", "本报记者", "记者", "記者",
        // Plural labels over a list of names ("Autoren: A und B").
        "authors", "autoren", "autorinnen", "auteurs", "autores", "autori", "autorzy",
        // A letter's or a blog post's closing greeting before its signature ("Liebe Grüße Sabine").
        "liebe grüße", "ganz liebe grüße", "viele grüße", "herzliche grüße", "beste grüße", "schöne grüße",
        "best regards", "kind regards", "warm regards", "regards", "cheers", "cordialement", "bisous", "saludos",
        "un saludo", "un abrazo", "cordiali saluti", "met vriendelijke groet",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    /// Lead-ins of the site's own credits ("Developed by", "Powered by"): the segment is dropped.
    static let siteCredits: Set<String> = [
        "developed", "designed", "powered", "theme", "website", "design", "hosted", "realisiert",
        "umgesetzt", "template", "webdesign",
    ]

    /// `leadIns` keyed by their first word.
    static let leadInsByFirstWord: [String: [[String]]] = Dictionary(grouping: leadIns, by: { $0[0] })

    /// Words left dangling before or after a removed date ("am", "on", "le", "um").
    static let glue: Set<String> = [
        "am", "on", "at", "um", "le", "el", "la", "de", "del", "du", "den", "dem", "vom", "à", "a",
        "las", "il", "op", "om", "uhr", "h", "gmt", "utc", "cet", "cest", "mez", "mesz", "est",
        "edt", "pst", "pdt", "bst", "hkt", "ist", "jst", "kst", "sgt", "wib", "msk", "eet", "eest", "cst",
        "cdt", "mst", "mdt", "ast", "aest", "aedt", "nzst", "nzdt", "pht", "pm", "a.m", "p.m", "updated", "published",
        "posted", "aktualisiert", "veröffentlicht", "publié", "publicado", "actualizado", "stand",
        "last", "zuletzt", "mis", "jour", "|", "-", "–", "—", "·", "•", "/",
    ]

    /// Role words stripped from the end of a name ("Jane Roe Senior Editor"); at least one
    /// `coreRoles` word must be in the stripped run, so "Staff" alone stays a name's part.
    static let coreRoles: Set<String> = [
        "writer", "editor", "reporter", "correspondent", "contributor", "columnist", "journalist",
        "redakteur", "redakteurin", "redaktor", "redaktorin", "autor", "autorin", "author",
        "korrespondent", "korrespondentin", "photographer", "fotograf", "fotografin",
        "chefredakteur", "chefredakteurin", "herausgeber", "herausgeberin", "volontär", "volontärin",
        "rédacteur", "rédactrice", "journaliste", "periodista", "redactor", "redactora",
        "corresponsal", "giornalista", "redattore", "editor-in-chief", "reporterin", "journalistin",
        "editor-at-large", "producer", "analyst", "critic", "anchor", "host",
        // Other languages' reporters and editors (Korean names the role after the name: "홍길동 기자").
        "reportero", "reportera", "jornalista", "repórter", "dziennikarz", "dziennikarka", "redaktør",
        "toimittaja", "novinář", "novinářka", "újságíró", "muhabir", "muhabiri", "gazeteci", "wartawan",
        "журналист", "корреспондент", "기자", "특파원",
    ]
    static let roleModifiers: Set<String> = [
        "staff", "senior", "associate", "contributing", "managing", "chief", "deputy", "executive",
        "assistant", "freelance", "freier", "freie", "special", "guest", "gast", "news", "sports",
        "political", "science", "digital", "online", "video", "features", "opinion", "and", "&",
        "stellvertretender", "stellvertretende", "leitender", "leitende", "national", "politics",
        "security", "international", "foreign", "business", "health", "medical", "entertainment",
        "technology", "tech", "investigative", "economics", "world", "local", "education",
        "climate", "environment", "white", "house", "legal", "breaking", "weather", "at-large",
        "general", "city", "metro", "culture", "travel", "food", "markets", "finance", "writer-at-large",
    ]

    /// Labels whose text is a photo or image credit, not the article's author.
    static let creditLabels: Set<String> = [
        "foto", "fotos", "photo", "photos", "photograph", "photography", "bild", "bilder", "image",
        "images", "illustration", "grafik", "video", "quelle", "source", "credit", "credits",
        "фото", "фотография", "zdjęcie", "imagen", "imagem", "immagine", "crédit", "crédito", "fuente", "fonte",
    ]

    /// News agencies dropped from a byline that also names a person ("Ann Roe, dpa").
    static let agencies: Set<String> = [
        "dpa", "afp", "ap", "reuters", "apa", "sda", "kna", "epd", "sid", "ddp", "efe", "ansa",
        "dpa-afx", "upi", "pa", "aap", "ats", "belga", "anp", "tt", "ntb", "ritzau", "europa press",
        "associated press", "the associated press", "agence france-presse", "kyodo", "xinhua",
        "tass", "ria novosti", "interfax", "anadolu", "anadolu agency", "yonhap", "pti", "ians", "bernama",
        "antara", "čtk", "ctk", "tasr", "mti", "pap", "hina", "tanjug", "bta", "agerpres", "wam", "kuna",
        "irna", "isna", "lusa", "télam", "telam", "notimex", "andina", "prensa latina", "adnkronos", "sputnik",
    ]

    /// Plural nouns that end a collective's name, never a person's ("Auswärtige Autoren",
    /// "Guest Authors", "Redaktion Agenturen").
    static let collectives: Set<String> = [
        "autoren", "authors", "autores", "auteurs", "autori", "autorzy", "agenturen", "agencies", "agencias", "agences",
    ]

    /// Account names of a publishing system, not of a person.
    static let generic: Set<String> = [
        "admin", "administrator", "webmaster", "wordpress", "root", "user", "guest", "anonymous",
        "unknown", "anónimo", "anonym", "anonyme", "editor", "redaktion", "redaction", "rédaction", "redacción", "newsroom", "team",
    ]

    /// A follow or subscribe button beside the writer's name: its bio and tags come after it.
    static let followButtons: Set<String> = [
        "follow", "folgen", "abonnieren", "subscribe", "suivre", "seguir", "segui", "volgen", "obserwuj",
    ]

    /// Labels of a logged-out user box, where a user name element shows no name, and the
    /// greeting of a profile box whose name is filled in only for a signed-in reader ("Welcome, ").
    /// Lower-case words a newsroom's byline ends with ("Science X staff", "the news desk").
    static let newsroomWords: Set<String> = [
        "staff", "team", "desk", "editors", "reporters", "writers", "newsroom", "redaktion", "rédaction", "redacción",
        "redazione", "redactie", "redakcja", "wires", "agencies", "contributors", "contributor", "writer", "reporter",
    ]
    static let interfaceLabels: Set<String> = [
        "login", "log in", "sign in", "anmelden", "einloggen", "connexion", "iniciar sesión", "accedi", "inloggen",
        "welcome", "willkommen", "bienvenue", "bienvenido", "bienvenida", "benvenuto", "welkom", "hello", "hallo",
        "ログイン", "登录", "登入", "로그인", "войти", "вход", "zaloguj", "zaloguj się", "entrar", "ingresar", "se connecter",
        // Comment counts and share buttons that sit in a byline ("28.01.22 / 0 Kommentare").
        "comments", "comment", "kommentare", "kommentar", "comentarios", "comentários", "commentaires", "commenti",
        "reacties", "komentarze", "комментарии", "share", "teilen", "compartir", "partager", "condividi", "megosztom",
        // The links of an author box: the writer's profiles elsewhere, the list of their articles.
        "twitter", "facebook", "instagram", "linkedin", "xing", "youtube", "tiktok", "mastodon", "bluesky", "threads",
        "e-mail", "email", "mail", "rss", "website", "homepage", "all articles", "all posts", "more articles",
        "alle artikel", "alle beiträge", "weitere artikel", "mehr artikel", "tous les articles", "todos los artículos",
        // The heading of an author box's "about" panel.
        "über", "about", "about me", "über mich", "à propos", "acerca de", "sobre mí", "chi sono", "over mij",
        // A forum post's and a profile's labels.
        "beitrag", "beiträge", "post", "posts", "reply", "antwort", "zitat", "quote", "articles", "artikel",
    ]
    /// Words no name ends with, in any case: "Letters To The" is what is left of a column's
    /// name once its role ("Editor") is cut, "Hier das Einzel-Tableau in" a link's text.
    static let trailingFunctionWords: Set<String> = [
        "the", "to", "of", "for", "and", "or", "with", "from", "und", "für", "mit", "et", "les", "los", "las",
    ]

    /// Lower-case words inside names ("Ursula von der Leyen", "Luis de la Cruz").
    static let particles: Set<String> = [
        "von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "del", "della", "dos", "das",
        "do", "des", "zu", "zur", "ter", "ten", "bin", "al", "el", "y", "e", "en", "v.", "vom", "dalla",
    ]

    /// Degrees and credentials after a name ("Jane Roe, MS, RD").
    static let credentials: Set<String> = [
        "ms", "msc", "ma", "mba", "md", "m.d", "phd", "ph.d", "dr", "rd", "rdn", "cde", "rn",
        "np", "pa-c", "mph", "dds", "dvm", "do", "bsc", "ba", "bs", "jd", "cpa", "cfa", "lcsw", "psyd",
        "facp", "faap", "cnm", "ibclc", "cpt", "nasm-cpt", "ace", "esq", "jr", "sr", "ii", "iii",
    ]

    /// Abbreviated titles that end with a full stop inside a name ("Prof. Ann Roe").
    static let titles: Set<String> = [
        "prof", "dipl", "ing", "univ", "mag", "hon", "rev", "sen", "gov", "rep", "gen", "col",
        "capt", "sgt", "mons", "mrs", "sra", "sr", "jr", "phd", "dres", "med", "rer", "nat", "mme", "mlle",
    ]

    /// Prepositions that end a name ("Jane Roe for The Daily"), matched in lower case only.
    static let prepositions: Set<String> = [
        "for", "at", "in", "from", "on", "to", "with", "für", "aus", "bei", "mit", "pour", "avec",
        "para", "con", "per", "chez",
    ]

    /// Prepositions that end a name in any case ("Jane Roe For The Daily", as some sites
    /// capitalise every byline word): none of them is a name or a particle of one.
    static let affiliationPrepositions: Set<String> = ["for", "für", "pour", "from"]

    /// Conjunctions between names.
    static let conjunctions: Set<String> = ["and", "&", "und", "et", "y", "og", "och", "e", "i"]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "januar", "februar", "märz", "mai", "juni", "juli", "oktober",
        "dezember", "jän", "jänner", "mär", "okt", "dez", "janvier", "février", "mars", "avril",
        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
        "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
        "settembre", "ottobre", "dicembre", "januari", "februari", "maart", "mei", "augustus",
        "oktober", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro",
        "outubro", "novembro", "dezembro",
    ]
    /// Units of relative times and reading times ("3 hours ago", "hace 2 horas", "5 min").
    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day", "days",
        "week", "weeks", "sekunden", "minute", "minuten", "stunde", "stunden", "tag", "tagen", "tage",
        "segundos", "minuto", "minutos", "hora", "horas", "día", "días", "heure", "heures", "jour",
        "jours", "minuti", "ore", "giorni", "minuten", "uur", "dagen",
    ]
    /// Words of a relative time next to its number or unit ("ago", "hace", "vor", "il y a").
    static let relativeTime: Set<String> = ["ago", "hace", "vor", "atrás", "fa", "geleden", "read", "lesen", "lecture", "lettura"]

    /// Labels of a reading time ("Tiempo de lectura: 8 minutos", "Lesezeit 3 Min."): never
    /// part of a name, cut with the duration they announce.
    static let readingTimeLabels: [[String]] = [
        "reading time", "read time", "lesezeit", "lesedauer", "tiempo de lectura", "temps de lecture",
        "tempo di lettura", "tempo de leitura", "leestijd", "czas czytania", "lästid", "læsetid",
    ].map { $0.split(separator: " ").map(String.init) }

    /// The words a reading-time label starts with: most bylines hold none.
    static let readingTimeFirstWords = Set(readingTimeLabels.map { $0[0] })

    /// Words between a day and its month ("2 de mayo", "the 3rd of May").
    static let dateLinks: Set<String> = ["de", "of", "del", "di", "do", "da"]
    /// Weekdays, also as sites write them without accents ("sabado 07 de mayo del 2022").
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "miercoles", "sabado",
    ]
    /// Weekdays of more languages, a date word only beside a day number or a month ("Dilluns,
    /// Març 23", "piątek 5 maja", "الجمعة 8 فيفري"): several are also surnames (Środa, Sobota).
    static let weekdaysBesideDates: Set<String> = [
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte", "diumenge",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
        "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاحد",
    ]
}
