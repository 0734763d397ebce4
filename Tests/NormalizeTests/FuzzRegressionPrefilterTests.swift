import Foundation
@testable import Normalize
import Testing

/// The markup prefilter writes into a buffer of the input's size, so its output must never be
/// longer than its input. Fuzzing (`article` target) found a start tag whose kept attributes
/// followed one another without a blank (`lang="l de"lang="fr"`): one blank was written before
/// each, the output outgrew the input, and the write ran past the buffer (AddressSanitizer:
/// heap-buffer-overflow). Without the fix these tests trap.
@Suite("Fuzz regression: markup prefilter")
struct FuzzRegressionPrefilterTests {
    @Test func attributesWithoutBlanksBetweenThemStayAsTheyAre() {
        let input = Array(#"<html lang="a"lang="b"lang="c">"#.utf8)
        let output = MarkupPrefilter.strip(input)
        #expect(output.count <= input.count)
        #expect(String(decoding: output, as: UTF8.self) == #"<html lang="a"lang="b"lang="c">"#)
        // With blanks, the runs still collapse to one.
        let spaced = MarkupPrefilter.strip(Array("<html  lang=\"a\"\n\tlang=\"b\">".utf8))
        #expect(String(decoding: spaced, as: UTF8.self) == #"<html lang="a" lang="b">"#)
    }

    @Test func fuzzerInputExtractsWithoutOverrunningTheBuffer() throws {
        let data = try Data(contentsOf: FeedFixtures.url("fuzz/prefilter-attributes-without-blanks.bin"))
        let bytes = [UInt8](data)
        #expect(MarkupPrefilter.strip(bytes).count <= bytes.count)
        _ = ArticleExtractor().extract(ArticleInput(html: data, url: URL(string: "https://news.example/a")))
    }
}
