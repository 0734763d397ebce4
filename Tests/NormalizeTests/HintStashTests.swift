import Testing
@testable import Normalize

/// `class` and `id` values lifted out of the markup (`HintStash`) must give the tree exactly
/// the hints libxml2 would have read from the markup itself.
@Suite("Hint stash", .timeLimit(.minutes(1)))
struct HintStashTests {
    /// Every node's tag, parent and hint, by the plain route and by the stash route.
    static func shapes(_ html: String) -> (plain: [String], lifted: [String], stashed: Int?) {
        let bytes = Array(html.utf8)
        let plain = HTMLParser.parse(utf8: MarkupPrefilter.strip(bytes))
        let stripped = MarkupPrefilter.strip(bytes, liftingHints: true)
        let lifted = HTMLParser.parse(utf8: stripped.bytes, hints: stripped.hints)
        func describe(_ tree: HTMLTree) -> [String] {
            tree.nodes.indices.map { index in
                let node = tree.nodes[index]
                return "\(node.tag) \(node.parent) \(node.flags.rawValue) [\(String(decoding: tree.hint(Int32(index)), as: UTF8.self))]"
            }
        }
        return (describe(plain), describe(lifted), stripped.hints?.ends.count)
    }

    @Test func liftedValuesLeaveTheMarkupAndComeBackLowercased() {
        let stripped = MarkupPrefilter.strip(Array(#"<div Class="Story Body" ID='Main-Column'><p>x</p></div>"#.utf8),
                                             liftingHints: true)
        #expect(String(decoding: stripped.bytes, as: UTF8.self) == "<div Class=\"\u{1}0\" ID=\"\u{1}1\"><p>x</p></div>")
        let tree = HTMLParser.parse(utf8: stripped.bytes, hints: stripped.hints)
        let div = tree.nodes.firstIndex { $0.tag == .div } ?? 0
        #expect(String(decoding: tree.hint(Int32(div)), as: UTF8.self) == "story body main-column")
    }

    @Test(arguments: [
        #"<div class="story body" id="main"><p class="lead">Text</p></div>"#,
        #"<div CLASS="Upper Case" Id='Single Quoted'>x</div>"#,
        #"<div class="first" class="second duplicate">x</div>"#,            // libxml2 keeps the first
        #"<div class="a&amp;b entity" id="x&#65;y">x</div>"#,             // entities: left to libxml2
        #"<div class="line&#10;break" id="tab\#tinside value">x</div>"#,   // control bytes: left too
        #"<div class="caf\#u{E9} cr\#u{E8}me" id="ok-ascii-value">x</div>"#, // non-ASCII: left too
        #"<div class=unquoted-value id="">x</div><p class="ab">short</p>"#,
        #"<html class="root-level"><body class="page-body"><html class="second-html-tag"><div class="inner">x</div></body></html>"#,
        #"<div class="a > b" id="greater > than">x</div><p/>"#,
        #"<table class="t-one"><tr class="row-class"><td class="cell-class">1<td class="cell-two">2</table>"#,
        #"<div class="broken @attr" @x="1" id="kept-unchanged">x</div>"#,
    ])
    func liftedHintsMatchThePlainParse(_ html: String) {
        let shapes = Self.shapes(html)
        #expect(shapes.lifted == shapes.plain)
    }

    @Test func manyValuesGetLongerReferencesAndStillMatch() {
        let html = (0..<1200).map { #"<span class="value-number-\#($0) Extra">w</span>"# }.joined()
        let shapes = Self.shapes(html)
        #expect(shapes.lifted == shapes.plain)
        #expect(shapes.stashed == 1200)
    }

    @Test func aPageHoldingTheMarkerKeepsItsValues() {
        let html = "<div class=\"\u{1}0\">a</div><div class=\"long class value\">b</div>"
        let stripped = MarkupPrefilter.strip(Array(html.utf8), liftingHints: true)
        #expect(stripped.hints == nil)
        #expect(stripped.bytes == MarkupPrefilter.strip(Array(html.utf8)))
    }

    @Test func referencesNeverOutgrowTheValue() {
        var stash = HintStash()
        var target = [UInt8](repeating: 0, count: 16)
        let short = Array("ab".utf8), longer = Array("abc".utf8)
        let none = short.withUnsafeBufferPointer { value in
            target.withUnsafeMutableBufferPointer { stash.lift(value, referenceInto: $0.baseAddress!) }
        }
        #expect(none == nil)
        let taken = longer.withUnsafeBufferPointer { value in
            target.withUnsafeMutableBufferPointer { stash.lift(value, referenceInto: $0.baseAddress!) }
        }
        #expect(taken == 2)
        #expect(Array(target.prefix(2)) == [0x01, UInt8(ascii: "0")])
    }

    @Test func aReferenceOutOfRangeIsReadAsItself() {
        let stash = HintStash()
        let value: [UInt8] = [0x01, UInt8(ascii: "7"), 0]
        #expect(value.withUnsafeBufferPointer { stash.value(referencedBy: $0.baseAddress!) } == nil)
    }
}
