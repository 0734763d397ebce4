import Foundation
import Testing
@testable import Normalize

@Suite("Charset detection and conversion")
struct CharsetTests {
    static let sentence = "Le café où Zoë a mangé coûte 5 € — « très cher », dit-elle à l'œil."

    /// A page whose paragraphs carry `sentence`, encoded by the caller.
    static func page(meta: String = "") -> String {
        let paragraph = "<p>\(sentence) La municipalité a répondu que les prix suivent ceux du marché et que rien ne changera cette année.</p>"
        return "<html><head>\(meta)<title>Prix</title></head><body><article>\(paragraph)\(paragraph)\(paragraph)</article></body></html>"
    }

    static func windows1252(_ text: String) -> Data {
        text.data(using: .windowsCP1252)!
    }

    static func bodyContainsSentence(_ data: Data, contentType: String? = nil) -> ExtractedArticle {
        let article = ArticleExtractor().extract(ArticleInput(html: data, contentType: contentType))
        #expect(article.bodyLines.first?.hasPrefix(sentence) == true, "got \(article.bodyLines.first ?? "nothing")")
        return article
    }

    @Test func httpHeaderCharsetWins() {
        let article = Self.bodyContainsSentence(Self.windows1252(Self.page()), contentType: "text/html; charset=ISO-8859-1")
        #expect(article.quality.charset == "WINDOWS-1252")
        #expect(article.quality.charsetSource == .httpHeader)
    }

    @Test func headerBeatsAWrongMetaDeclaration() {
        let data = Self.windows1252(Self.page(meta: "<meta charset=\"utf-8\">"))
        let article = Self.bodyContainsSentence(data, contentType: "text/html;charset=\"windows-1252\"")
        #expect(article.quality.charsetSource == .httpHeader)
    }

    @Test func utf8ByteOrderMark() {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(Self.page(meta: "<meta charset=\"iso-8859-1\">").utf8)
        let article = Self.bodyContainsSentence(data, contentType: "text/html; charset=iso-8859-1")
        #expect(article.quality.charsetSource == .byteOrderMark)
    }

    @Test func utf16ByteOrderMark() {
        var data = Data([0xFF, 0xFE])
        data.append(Self.page().data(using: .utf16LittleEndian)!)
        let article = Self.bodyContainsSentence(data)
        #expect(article.quality.charset == "UTF-16LE")
    }

    @Test func metaCharsetAttribute() {
        let article = Self.bodyContainsSentence(Self.windows1252(Self.page(meta: "<meta charset=\"windows-1252\">")))
        #expect(article.quality.charsetSource == .metaTag)
    }

    @Test func metaHttpEquiv() {
        let meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">"
        // ISO-8859-15 is Latin-1 with € at 0xA4 and œ at 0xBD, both in the sentence.
        let bytes = Self.page(meta: meta).unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "€": return 0xA4
            case "œ": return 0xBD
            case "—": return UInt8(ascii: "-")  // not in the charset
            default: return UInt8(scalar.value)
            }
        }
        let article = ArticleExtractor().extract(ArticleInput(html: Data(bytes)))
        #expect(article.text.contains("coûte 5 € - « très cher », dit-elle à l'œil."))
        #expect(article.quality.charset == "ISO-8859-15")
        #expect(article.quality.charsetSource == .metaTag)
    }

    @Test func undeclaredUTF8IsDetected() {
        let article = Self.bodyContainsSentence(Data(Self.page().utf8))
        #expect(article.quality.charset == "UTF-8")
        #expect(article.quality.charsetSource == .detected)
    }

    @Test func undeclaredLegacyBytesFallBackToWindows1252() {
        let article = Self.bodyContainsSentence(Self.windows1252(Self.page()))
        #expect(article.quality.charset == "WINDOWS-1252")
        #expect(article.quality.charsetSource == .detected)
    }

    /// A CMS template still saying Latin-1 over UTF-8 content must not produce mojibake.
    @Test func utf8MisdeclaredAsLatin1IsRecognised() {
        let data = Data(Self.page(meta: "<meta charset=\"iso-8859-1\">").utf8)
        let article = Self.bodyContainsSentence(data)
        #expect(article.quality.charset == "UTF-8")
        #expect(!article.text.contains("Ã"))
    }

    /// The same for any legacy declaration, in a meta tag or a header: a Polish page saved as
    /// UTF-8 under a stale ISO-8859-2 template, a Russian one under windows-1251.
    @Test(arguments: [("<meta charset=\"ISO-8859-2\">", nil as String?), ("", "text/html; charset=windows-1251")])
    func utf8MisdeclaredAsAnyLegacyCharsetIsRecognised(meta: String, contentType: String?) {
        let html = "<html><head>\(meta)<title>Nowym prezesem będzie Paweł Majewski</title></head><body><article>"
            + "<p>Paweł Jan Majewski ukończył prawo na Uniwersytecie Jagiellońskim oraz studia podyplomowe MBA.</p>"
            + "<p>Был членом правления и наблюдательного совета нескольких компаний в прошлом году.</p></article></body></html>"
        let article = ArticleExtractor().extract(ArticleInput(html: Data(html.utf8), contentType: contentType))
        #expect(article.quality.charset == "UTF-8")
        #expect(article.title == "Nowym prezesem będzie Paweł Majewski")
        #expect(article.text.contains("Paweł Jan Majewski ukończył"))
    }

    /// A real ISO-8859-2 page is not valid UTF-8 and keeps its declaration.
    @Test func genuineLatin2StaysLatin2() throws {
        let html = "<html><head><meta charset=\"ISO-8859-2\"><title>Prezes</title></head><body><article>"
            + "<p>Paweł Jan Majewski ukończył prawo na Uniwersytecie Jagiellońskim oraz studia podyplomowe MBA w Gdańsku.</p>"
            + "<p>Zajmował kierownicze stanowiska w wielu spółkach, a teraz będzie kierował zarządem Grupy Lotos.</p></article></body></html>"
        let data = try #require(html.data(using: .isoLatin2))
        let article = ArticleExtractor().extract(ArticleInput(html: data))
        #expect(article.quality.charset == "ISO-8859-2")
        #expect(article.text.contains("Paweł Jan Majewski ukończył"))
    }

    @Test func shiftJISThroughIconv() throws {
        let text = "<html><head><meta charset=\"Shift_JIS\"></head><body><article><p>東京の新しい図書館は来月から日曜日も開館すると市が発表しました。利用者の要望に応えたものです。</p><p>開館時間は午前九時から午後六時までで、子ども向けの読み聞かせも毎週行われる予定です。</p></article></body></html>"
        let data = try #require(text.data(using: .shiftJIS))
        let article = ArticleExtractor().extract(ArticleInput(html: data))
        #expect(article.quality.charset == "CP932")
        #expect(article.text.contains("東京の新しい図書館"))
        #expect(article.language == "ja")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var bytes = Array(Self.page().utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "Z"))!
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80], at: index)
        let article = ArticleExtractor().extract(ArticleInput(html: Data(bytes), contentType: "text/html; charset=utf-8"))
        let first = article.bodyLines.first ?? ""
        #expect(first.contains("\u{FFFD}"))
        #expect(first.contains("Zoë a mangé"))
    }

    /// The page is read in place: a body cut out of a larger buffer (a WARC record's block)
    /// starts at a non-zero index, and must read exactly as the same bytes on their own.
    @Test func pageHandedOverAsASliceReadsAsTheWholePage() {
        let page = Data(Self.page().utf8)
        let block = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + page + Data("trailing bytes".utf8)
        let start = block.count - page.count - "trailing bytes".utf8.count
        let slice = block[(block.startIndex + start)..<(block.startIndex + start + page.count)]
        #expect(slice.startIndex != 0)
        let alone = ArticleExtractor().extract(ArticleInput(html: page))
        let sliced = Self.bodyContainsSentence(slice)
        #expect(sliced.bodyLines == alone.bodyLines)
        #expect(sliced.title == alone.title)
        #expect(sliced.quality.charset == "UTF-8")
    }

    /// Only clean UTF-8 (valid, no NUL) is read in place; anything else goes through the
    /// repair, and a page with NULs reads as the same page without them.
    @Test func onlyCleanUTF8SkipsTheRepair() {
        let clean = Array(Self.page().utf8)
        var withNULs = clean
        withNULs.insert(contentsOf: [0x00, 0x00], at: withNULs.firstIndex(of: UInt8(ascii: "Z"))!)
        var invalid = clean
        invalid.insert(0xFF, at: invalid.firstIndex(of: UInt8(ascii: "Z"))!)
        #expect(clean.withUnsafeBufferPointer(UTF8Repair.isClean))
        #expect(!withNULs.withUnsafeBufferPointer(UTF8Repair.isClean))
        #expect(withNULs.withUnsafeBufferPointer(UTF8Repair.isValid))
        #expect(!invalid.withUnsafeBufferPointer(UTF8Repair.isClean))
        #expect(UTF8Repair.repair(withNULs) == clean)
        let extractor = ArticleExtractor()
        let expected = extractor.extract(ArticleInput(html: Data(clean), contentType: "text/html; charset=utf-8"))
        let got = extractor.extract(ArticleInput(html: Data(withNULs), contentType: "text/html; charset=utf-8"))
        #expect(got.bodyLines == expected.bodyLines)
    }

    @Test func unknownDeclaredCharsetFallsThroughToDetection() {
        let article = Self.bodyContainsSentence(Data(Self.page(meta: "<meta charset=\"x-klingon\">").utf8),
                                                contentType: "text/html; charset=bogus")
        #expect(article.quality.charset == "UTF-8")
    }

    @Test(arguments: [
        ("latin1", "WINDOWS-1252"), ("US-ASCII", "WINDOWS-1252"), ("utf8", "UTF-8"),
        ("gb2312", "GB18030"), ("euc-kr", "CP949"), ("windows-1251", "CP1251"),
        ("iso-8859-2", "ISO-8859-2"), ("koi8-r", "KOI8-R"),
    ])
    func labelsMapToIconvNames(label: String, name: String) {
        #expect(CharsetDetector.canonical(label) == name)
    }

    @Test func cyrillicWindows1251() throws {
        let text = "<html><head><meta charset=\"windows-1251\"></head><body><article><p>Городской совет во вторник проголосовал за продление ночных автобусных маршрутов в восточные районы.</p><p>По словам чиновников, новые маршруты будут работать каждые тридцать минут с полуночи до пяти утра.</p></article></body></html>"
        let data = try #require(text.data(using: .windowsCP1251))
        let article = ArticleExtractor().extract(ArticleInput(html: data))
        #expect(article.text.contains("Городской совет"))
        #expect(article.language == "ru")
    }
}
