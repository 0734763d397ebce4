import Foundation
import Testing

@testable import Normalize

/// A page source's `articlePattern` is compiled once per process, not on every poll (each
/// compile of a long pattern leaks in swift-corelibs-foundation; found by the `config` fuzz target).
@Suite struct CompiledPatternsTests {
    @Test func aPatternIsCompiledOnceAndReused() throws {
        let pattern = "^/compiled-once-\(UUID().uuidString)/" + String(repeating: "(a|b)", count: 100)
        #expect(!CompiledPatterns.isKept(pattern))
        let html = Data(#"<a href="/compiled-once-x/a">x</a>"#.utf8)
        _ = try PageLinkExtractor.articleLinks(html: html, baseURL: URL(string: "https://a.example/")!, pattern: pattern)
        #expect(CompiledPatterns.isKept(pattern))
        let first = try CompiledPatterns.expression(pattern)
        let second = try CompiledPatterns.expression(pattern)
        #expect(first === second)
    }

    @Test func anInvalidPatternIsStillAnErrorAndNotKept() {
        let pattern = "^/broken-\(UUID().uuidString)/(["
        #expect(throws: (any Error).self) { try CompiledPatterns.expression(pattern) }
        #expect(!CompiledPatterns.isKept(pattern))
    }
}
