import Foundation
import Testing
@testable import Normalize

@Suite("Language detection")
struct LanguageTests {
    /// One ordinary news sentence or two per language; none is copied from elsewhere.
    static let samples: [(String, String)] = [
        ("en", "The city council said on Monday that the new bridge would open in the spring, and that the work has been finished on time and within the budget that was set."),
        ("es", "El ayuntamiento dijo el lunes que el nuevo puente se abrirá en primavera y que las obras se han terminado a tiempo, según los técnicos que las supervisan."),
        ("pt", "A prefeitura disse na segunda-feira que a nova ponte será aberta na primavera e que as obras foram concluídas no prazo, com o orçamento que foi definido."),
        ("fr", "La mairie a indiqué lundi que le nouveau pont ouvrira au printemps et que les travaux sont terminés dans les délais, selon les ingénieurs qui les ont suivis."),
        ("de", "Die Stadt teilte am Montag mit, dass die neue Brücke im Frühjahr eröffnet wird und die Arbeiten pünktlich und im Rahmen des Budgets abgeschlossen sind."),
        ("it", "Il comune ha detto lunedì che il nuovo ponte aprirà in primavera e che i lavori sono stati completati nei tempi previsti, secondo gli ingegneri della città."),
        ("nl", "De gemeente zei maandag dat de nieuwe brug in het voorjaar wordt geopend en dat het werk op tijd is afgerond, volgens de ingenieurs die het hebben gevolgd."),
        ("pl", "Rada miasta poinformowała w poniedziałek, że nowy most zostanie otwarty wiosną i że prace zakończono na czas, a koszty nie przekroczyły budżetu, który był ustalony."),
        ("tr", "Belediye pazartesi günü yaptığı açıklamada yeni köprünün ilkbaharda açılacağını ve çalışmaların zamanında bittiğini söyledi, bu da bütçe için çok iyi bir haber oldu."),
        ("id", "Pemerintah kota mengatakan pada hari Senin bahwa jembatan baru itu akan dibuka pada musim semi dan pekerjaan sudah selesai tepat waktu dengan anggaran yang ada."),
        ("sv", "Kommunen sa på måndagen att den nya bron ska öppnas i vår och att arbetet har blivit klart i tid, enligt de ingenjörer som har följt det från början."),
        ("da", "Kommunen sagde mandag, at den nye bro åbner til foråret, og at arbejdet er blevet færdigt til tiden, og at det ikke har kostet mere end det var planlagt."),
        ("fi", "Kaupunki kertoi maanantaina, että uusi silta avataan keväällä ja että työt on saatu valmiiksi ajallaan, mutta kustannukset ovat olleet myös kovat ja niin ne ovat."),
        ("cs", "Město v pondělí uvedlo, že nový most bude otevřen na jaře a že práce byly dokončeny včas, podle inženýrů, kteří je sledovali, a že rozpočet se také dodržel."),
        ("ro", "Primăria a anunțat luni că noul pod va fi deschis în primăvară și că lucrările au fost terminate la timp, iar costurile nu au depășit bugetul care a fost stabilit."),
        ("hu", "A város hétfőn közölte, hogy az új hidat tavasszal adják át, és hogy a munkák időben befejeződtek, de a költségek is már csak a tervezett keretben vannak."),
        ("vi", "Thành phố cho biết vào thứ Hai rằng cây cầu mới sẽ được mở vào mùa xuân và công trình đã hoàn thành đúng hạn, theo các kỹ sư của thành phố."),
        ("ru", "Городской совет в понедельник сообщил, что новый мост откроется весной и что работы были завершены в срок, как и планировалось, и это уже хорошая новость для всех."),
        ("uk", "Міська рада в понеділок повідомила, що новий міст відкриють навесні і що роботи завершили вчасно, як і планували, і це вже добра новина для всіх мешканців."),
        ("ar", "قالت البلدية يوم الاثنين إن الجسر الجديد سيفتح في الربيع وإن الأعمال انتهت في الوقت المحدد، كما كان مخططا له من قبل المهندسين في المدينة."),
        ("fa", "شهرداری روز دوشنبه اعلام کرد که پل جدید در بهار باز می شود و کارها به موقع به پایان رسیده است و این برای همه ساکنان شهر یک خبر خوب است."),
        ("el", "Ο δήμος ανακοίνωσε τη Δευτέρα ότι η νέα γέφυρα θα ανοίξει την άνοιξη και ότι οι εργασίες ολοκληρώθηκαν εγκαίρως, σύμφωνα με τους μηχανικούς."),
        ("he", "העירייה הודיעה ביום שני כי הגשר החדש ייפתח באביב וכי העבודות הסתיימו בזמן, לפי המהנדסים שליוו את הפרויקט מההתחלה."),
        ("hi", "नगर परिषद ने सोमवार को कहा कि नया पुल वसंत में खुलेगा और काम समय पर पूरा हो गया है, जैसा कि पहले से तय किया गया था।"),
        ("ja", "市は月曜日、新しい橋が春に開通し、工事は予定通りに完了したと発表しました。技術者によると、予算内で終わったということです。"),
        ("zh", "市政府周一表示，新桥将于春季通车，工程已按期完成，预算也没有超出，负责监督的工程师对此表示满意。"),
        ("ko", "시는 월요일 새 다리가 봄에 개통될 예정이며 공사가 예정대로 끝났다고 밝혔다. 기술자들은 예산 안에서 마무리됐다고 말했다."),
        ("th", "เทศบาลเมืองประกาศเมื่อวันจันทร์ว่าสะพานใหม่จะเปิดใช้ในฤดูใบไม้ผลิ และงานก่อสร้างเสร็จตามกำหนดเวลาที่วางไว้"),
    ]

    @Test(arguments: samples)
    func detectsLanguageFromText(code: String, text: String) {
        #expect(LanguageDetector.detect(text) == code)
    }

    @Test func atLeastTwentyLanguagesAreCovered() {
        #expect(Set(Self.samples.map(\.0)).count >= 20)
    }

    @Test func tooLittleTextIsUndecided() {
        #expect(LanguageDetector.detect("OK") == nil)
        #expect(LanguageDetector.detect("12 345 678 — 9") == nil)
    }

    @Test(arguments: [("en-US", "en"), ("pt_BR", "pt"), ("DE", "de"), ("zh-Hant-TW", "zh"), ("", nil), ("english", nil)])
    func declaredTagsAreNormalised(raw: String, expected: String?) {
        #expect(LanguageDetector.primaryTag(raw) == expected)
    }

    @Test func textOverridesAWrongTemplateDeclaration() {
        let html = "<html lang=\"en\"><body><article><p>\(Self.samples[2].1)</p><p>\(Self.samples[2].1)</p></article></body></html>"
        #expect(ArticleFixtureLoader.extract(html: html).language == "pt")
    }

    @Test func declarationDecidesWhenTheTextIsTooShort() {
        let html = "<html lang=\"nl-BE\"><body><article><p>OK 12.</p></article></body></html>"
        #expect(ArticleFixtureLoader.extract(html: html).language == "nl")
    }

    @Test func contentLanguageHeaderIsTheLastResort() {
        let input = ArticleInput(html: Data("<html><body><p>123</p></body></html>".utf8), contentLanguage: "fr-CA")
        #expect(ArticleExtractor().extract(input).language == "fr")
    }
}
