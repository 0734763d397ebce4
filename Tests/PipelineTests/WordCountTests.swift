import Testing
@testable import Pipeline

@Suite("Word count")
struct WordCountTests {
    @Test(arguments: ["", "one", "  leading and trailing  ", "tabs\tand\nnew\r\nlines\n", "Ünïcödé wörds — 東京 🚀 end\n",
                      "a\u{0}b c", "\n\n\n", "x y z " + String(repeating: "word ", count: 5_000)])
    func countsRunsBetweenSpacesAndLineEnds(text: String) {
        let reference = text.utf8.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D].contains($0) }).count
        #expect(ArticleFlow.wordCount(text) == reference)
    }
}
