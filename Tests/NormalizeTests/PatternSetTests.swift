import Testing
@testable import Normalize

/// The bitmap in front of `PatternSet`'s table must find exactly what a plain substring
/// search finds.
@Suite("Pattern set")
struct PatternSetTests {
    static let groups = [["article", "body", "ad-slot", "zz"], ["cookie", "consent", "-print", "a-"], ["x9", "story"]]

    static func plain(_ haystack: [UInt8]) -> UInt32 {
        var found: UInt32 = 0
        for (group, patterns) in groups.enumerated() {
            let needles = patterns.map { Array($0.utf8) }
            for needle in needles where haystack.count >= needle.count
                && (0...haystack.count - needle.count).contains(where: { haystack[$0..<$0 + needle.count].elementsEqual(needle) }) {
                found |= 1 << UInt32(group)
            }
        }
        return found
    }

    @Test func findsWhatASubstringSearchFinds() {
        let set = PatternSet(groups: Self.groups)
        let alphabet = Array("abcdeikoprstyz9x- ".utf8)
        let words = Self.groups.flatMap { $0 }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<3000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 58) + (round % 3 == 0 ? 0 : 4)
            var haystack: [UInt8] = []
            var state = seed
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                haystack.append(alphabet[Int(state >> 59) % alphabet.count])
            }
            if round % 5 == 0 {
                haystack.insert(contentsOf: Array(words[Int(state >> 40) % words.count].utf8), at: haystack.count / 2)
            }
            #expect(set.groups(in: haystack[...]) == Self.plain(haystack), "\(String(decoding: haystack, as: UTF8.self))")
        }
        #expect(set.groups(in: Array("the story body".utf8)[...]) == 5)
        #expect(set.groups(in: Array("cookie-consent".utf8)[...]) == 2)
    }
}
