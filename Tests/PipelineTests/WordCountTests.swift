import Testing
@testable import Pipeline

@Suite("Word count")
struct WordCountTests {
    @Test(arguments: ["", "one", "  leading and trailing  ", "tabs\tand\nnew\r\nlines\n", "Ünïcödé wörds — 東京 🚀 end\n",
                      "a\u{0}b c", "\n\n\n", "x y z " + String(repeating: "word ", count: 5_000),
                      // Long enough for the 16-byte blocks and the per-255-block flush, with
                      // word boundaries on and across block edges.
                      String(repeating: "ab cdefghijklmnop\tq\r\nrs  ", count: 700) + "tail",
                      String(repeating: "x ", count: 20_000), String(repeating: "y", count: 70_000)])
    func countsRunsBetweenSpacesAndLineEnds(text: String) {
        let reference = text.utf8.split(whereSeparator: { [0x20, 0x09, 0x0A, 0x0D].contains($0) }).count
        #expect(ArticleFlow.wordCount(text) == reference)
    }
}
