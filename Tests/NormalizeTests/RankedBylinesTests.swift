import Foundation
import Testing
@testable import Normalize

/// `RankedBylines` makes the byline groups one at a time; the groups, their order and their
/// number must be those of the eager loop it replaced, kept here as the plain form.
@Suite("Ranked bylines match the eager form", .timeLimit(.minutes(1)))
struct RankedBylinesTests {
    static func tree(_ html: String) -> HTMLTree {
        let stripped = MarkupPrefilter.strip(Array(html.utf8), liftingHints: true)
        return HTMLParser.parse(utf8: stripped.bytes, hints: stripped.hints)
    }

    /// The ranked texts as the scanner first built them: every group up front.
    static func eagerTexts(_ scanner: BylineScanner, headline: Int32?) -> [[String]] {
        let tree = scanner.tree
        let found = scanner.candidates(headline: headline)
        guard !found.isEmpty else { return [] }
        func distance(_ node: Int32) -> Int32 {
            guard let headline else { return node }
            return node >= headline ? node - headline : (headline - node) * 2
        }
        let order = found.indices.sorted { first, second in
            if found[first].isDeclared != found[second].isDeclared { return found[first].isDeclared }
            return distance(found[first].node) < distance(found[second].node)
        }
        var result: [[String]] = []
        var used = Set<Int32>()
        for position in order where result.count < 8 && !used.contains(found[position].node) {
            let chosen = found[position]
            let end = tree.subtreeEnd(chosen.node)
            guard end - chosen.node <= BylineScanner.largestSubtree || tree.attributeBytes(chosen.node, .itemprop) != nil
            else { continue }
            let inner = found.filter { $0.isAuthor && $0.node > chosen.node && $0.node <= end }
            let leaves = inner.filter { candidate in
                let last = tree.subtreeEnd(candidate.node)
                return !inner.contains { $0.node > candidate.node && $0.node <= last }
            }
            var group = leaves.isEmpty ? [chosen] : leaves
            group += scanner.siblings(of: chosen, in: found)
            var texts: [String] = []
            for member in group where used.insert(member.node).inserted {
                if let text = scanner.text(of: member.node), !text.isEmpty { texts.append(text) }
            }
            used.formUnion(inner.map(\.node))
            if !texts.isEmpty { result.append(texts) }
            if !leaves.isEmpty, let whole = scanner.text(of: chosen.node), !whole.isEmpty { result.append([whole]) }
        }
        return result
    }

    /// A header byline with author elements inside, declared authors, sibling bylines, empty
    /// and oversized candidates, and more groups than the scanner gives.
    static let crowdedPage = """
        <html><head><title>Harbour works begin</title></head><body>
        <div class="byline">Posted by <span class="author">Ann Roe</span> and <span class="author">Ben Kerr</span></div>
        <article><h1>Harbour works begin</h1>
        <div class="byline">By <span class="author-name">Cara Diaz</span></div>
        <span itemprop="author" itemscope><meta itemprop="name" content="Dana Kerr"></span>
        <a rel="author" href="/e">Eve Lund</a>
        <p class="author"></p>
        <ul><li class="byline-item">Finn Moss</li><li class="byline-item">Gus Park</li></ul>
        <div class="author-box">\(String(repeating: "<span>x</span>", count: 90))</div>
        <div class="byline"><span class="author">By</span></div>
        \((1...9).map { "<section><div class=\"byline\">By Writer \($0)</div><p>Text \($0)</p></section>" }.joined())
        <p>The works start on Monday and will close the quay for a month, the port authority said.</p>
        </article></body></html>
        """

    static var pages: [String] {
        get throws {
            let names = ["app-shell-jsonld", "comments-outweigh", "consent-wall", "harbour-bridge", "microdata-story",
                         "opengraph-blog", "paywall-teaser", "script-only"]
            return try names.map { String(decoding: try ArticleFixtureLoader.data($0), as: UTF8.self) } + [crowdedPage]
        }
    }

    @Test func givesTheGroupsOfTheEagerForm() throws {
        for html in try Self.pages {
            let tree = Self.tree(html)
            let scanner = BylineScanner(tree: tree)
            let heads: [Int32?] = [nil, AuthorFinder(tree: tree, meta: [:], structured: StructuredData(blocks: []),
                                                     title: "Harbour works begin", site: SiteNames([])).headline()]
            for headline in heads {
                #expect(Array(scanner.rankedTexts(headline: headline)) == Self.eagerTexts(scanner, headline: headline))
            }
        }
    }

    /// The crowded page reaches the cap of eight groups begun, and a container whose author
    /// element holds only "By" is followed by its whole text.
    @Test func stopsAtTheCapAndFollowsFragmentsWithTheWholeByline() {
        let tree = Self.tree(Self.crowdedPage)
        let scanner = BylineScanner(tree: tree)
        let ranked = Array(scanner.rankedTexts(headline: nil))
        #expect(ranked.count >= RankedBylines.largestCount)
        #expect(ranked == Self.eagerTexts(scanner, headline: nil))
        // Asking for fewer groups gives the first of the same.
        #expect(Array(scanner.rankedTexts(headline: nil).prefix(2)) == Array(ranked.prefix(2)))
    }
}
