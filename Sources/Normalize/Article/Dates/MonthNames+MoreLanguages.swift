/// Month names of the languages `MonthNames`' first tables leave out, lower-cased: the South
/// Slavic, Slovak, Baltic, Nordic and Albanian ones; Bulgarian, Serbian, Macedonian and
/// Belarusian Cyrillic; Hebrew (also with the prefix "ב", "on": "5 במרץ 2020"), Persian and Urdu;
/// Tamil, Telugu, Kannada, Malayalam, Gurmukhi and Odia (whose digits `DateTokens` reads); Malay,
/// Filipino, Swahili, Azerbaijani and Uzbek, and Galician.
///
/// Left out where a word names another month in a listed language: Croatian "listopad"
/// (October) is the Polish and Czech November.
extension MonthNames {
    static let moreLanguages: [(Int, [String])] = [
        (1, ["siječnja", "siječanj", "januara", "januára", "sausio", "janvāris", "janvārī", "jaanuar", "janúar",
             "janar", "xaneiro", "yanvar", "студзеня", "януари", "јануар", "јануара", "јануари", "ינואר", "בינואר",
             "ژانویه", "جنوری", "ஜனவரி", "జనవరి", "ಜನವರಿ", "ജനുവരി", "ਜਨਵਰੀ", "ଜାନୁଆରୀ"]),
        (2, ["veljače", "veljača", "februara", "februára", "vasario", "februāris", "februārī", "veebruar",
             "febrúar", "shkurt", "febreiro", "pebrero", "pebruari", "fevral", "febr", "лютага", "февруари",
             "фебруар", "фебруара", "פברואר", "בפברואר", "فوریه", "فروری", "பிப்ரவரி", "ఫిబ్రవరి", "ಫೆಬ್ರವರಿ",
             "ഫെബ്രുവരി", "ਫ਼ਰਵਰੀ", "ਫਰਵਰੀ", "ଫେବୃଆରୀ"]),
        (3, ["ožujka", "ožujak", "kovo", "marts", "martā", "märts", "marec", "mac", "marso", "machi", "márc",
             "сакавіка", "מרץ", "במרץ", "מרס", "במרס", "مارچ", "மார்ச்", "మార్చి", "మార్చ్", "ಮಾರ್ಚ್",
             "മാർച്ച്", "ਮਾਰਚ", "ମାର୍ଚ୍ଚ"]),
        (4, ["travnja", "travanj", "aprila", "apríla", "balandžio", "aprīlis", "aprīlī", "aprill", "apríl",
             "prill", "aprili", "aprel", "ápr", "красавіка", "април", "априла", "אפריל", "באפריל", "آوریل",
             "اپریل", "ஏப்ரல்", "ఏప్రిల్", "ಏಪ್ರಿಲ್", "ഏപ്രിൽ", "ਅਪ੍ਰੈਲ", "ਅਪਰੈਲ", "ଅପ୍ରେଲ"]),
        (5, ["svibnja", "svibanj", "mája", "gegužės", "maijs", "maijā", "maí", "máj", "мај", "маја", "מאי",
             "במאי", "مئی", "மே", "మే", "ಮೇ", "മേയ്", "മെയ്", "ਮਈ", "ମେ"]),
        (6, ["lipnja", "lipanj", "juna", "júna", "junij", "junija", "birželio", "jūnijs", "jūnijā", "juuni",
             "júní", "qershor", "xuño", "hunyo", "iyun", "jún", "чэрвеня", "юни", "јун", "јуна", "јуни", "יוני",
             "ביוני", "ژوئن", "جون", "ஜூன்", "జూన్", "ಜೂನ್", "ജൂൺ", "ਜੂਨ", "ଜୁନ"]),
        (7, ["srpnja", "srpanj", "jula", "júla", "julij", "julija", "liepos", "jūlijs", "jūlijā", "juuli",
             "júlí", "korrik", "xullo", "hulyo", "julai", "iyul", "júl", "ліпеня", "юли", "јул", "јула", "јули",
             "יולי", "ביולי", "ژوئیه", "جولائی", "ஜூலை", "జూలై", "జులై", "ಜುಲೈ", "ജൂലൈ", "ਜੁਲਾਈ", "ଜୁଲାଇ"]),
        (8, ["kolovoza", "kolovoz", "avgust", "avgusta", "augusta", "rugpjūčio", "augusts", "augustā",
             "ágúst", "gusht", "ogos", "agosti", "avqust", "жніўня", "אוגוסט", "באוגוסט", "اوت", "آگوست", "اگست",
             "ஆகஸ்ட்", "ஆகஸ்டு", "ఆగస్టు", "ఆగస్ట్", "ಆಗಸ್ಟ್", "ഓഗസ്റ്റ്", "ആഗസ്റ്റ്", "ਅਗਸਤ", "ଅଗଷ୍ଟ"]),
        (9, ["rujna", "rujan", "septembar", "septembra", "rugsėjo", "septembris", "septembrī", "shtator",
             "setyembre", "septemba", "sentyabr", "szept", "верасня", "септември", "септембар", "септембра",
             "ספטמבר", "בספטמבר", "سپتامبر", "ستمبر", "செப்டம்பர்", "సెప్టెంబర్", "సెప్టెంబరు", "ಸೆಪ್ಟೆಂಬರ್",
             "സെപ്റ്റംബർ", "ਸਤੰਬਰ", "ସେପ୍ଟେମ୍ବର"]),
        (10, ["oktobar", "oktobra", "októbra", "spalio", "oktobris", "oktobrī", "oktoober", "október", "tetor",
              "oktubre", "oktoba", "oktyabr", "кастрычніка", "октомври", "октобар", "октобра", "אוקטובר",
              "באוקטובר", "اکتبر", "اکتوبر", "அக்டோபர்", "అక్టోబర్", "అక్టోబరు", "ಅಕ್ಟೋಬರ್", "ഒക്ടോബർ",
              "ਅਕਤੂਬਰ", "ଅକ୍ଟୋବର"]),
        (11, ["studenoga", "studenog", "studeni", "novembar", "novembra", "lapkričio", "novembris", "novembrī",
              "nóvember", "nëntor", "nobyembre", "novemba", "noyabr", "nopember", "лістапада", "ноември",
              "новембар", "новембра", "נובמבר", "בנובמבר", "نوامبر", "نومبر", "நவம்பர்", "నవంబర్", "నవంబరు",
              "ನವೆಂಬರ್", "നവംബർ", "ਨਵੰਬਰ", "ନଭେମ୍ବର"]),
        (12, ["prosinca", "prosinac", "decembar", "decembra", "gruodžio", "decembris", "decembrī", "detsember",
              "dhjetor", "decembro", "disyembre", "disember", "desemba", "dekabr", "снежня", "декември",
              "децембар", "децембра", "דצמבר", "בדצמבר", "دسامبر", "دسمبر", "டிசம்பர்", "డిసెంబర్", "డిసెంబరు",
              "ಡಿಸೆಂಬರ್", "ഡിസംബർ", "ਦਸੰਬਰ", "ଡିସେମ୍ବର"]),
    ]
}
