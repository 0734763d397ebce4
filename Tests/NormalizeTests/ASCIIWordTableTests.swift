import Testing
@testable import Normalize

/// `ASCIIWordTable` answers ASCII words without making a `String`; it must answer what the
/// `Dictionary` of lower-cased `String`s it stands in for answers.
@Suite("ASCII word table")
struct ASCIIWordTableTests {
    /// Random words over letters, digits, a few marks and one non-ASCII letter, with the
    /// table's own words (in any case, cut or extended) mixed in.
    static func words(from vocabulary: [String], count: Int) -> [[UInt8]] {
        let alphabet = Array("abcdeijlmnoprstuyzABDJMNOST.-0 ".utf8) + [0x00, 0x7F]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        var words: [[UInt8]] = []
        for round in 0..<count {
            var word: [UInt8]
            if round % 2 == 0 {
                word = Array(vocabulary[next() % vocabulary.count].utf8)
                for index in word.indices where next() % 3 == 0 && word[index] >= 0x61 && word[index] <= 0x7A {
                    word[index] -= 0x20
                }
                switch next() % 4 {
                case 0: word.removeLast(min(word.count, 1 + next() % 2))
                case 1: word.append(alphabet[next() % alphabet.count])
                default: break
                }
            } else {
                word = (0..<next() % 20).map { _ in alphabet[next() % alphabet.count] }
            }
            if round % 11 == 0 { word.insert(contentsOf: Array("é".utf8), at: next() % (word.count + 1)) }
            words.append(word)
        }
        return words
    }

    @Test func answersWhatTheDictionaryAnswers() {
        let table = ASCIIWordTable(MonthNames.lookup)
        var asked = 0
        for word in Self.words(from: Array(MonthNames.lookup.keys), count: 40_000) {
            guard let key = ASCIIWordTable.Key(word[...]) else {
                #expect(word.isEmpty || word.count > 16 || word.contains { $0 >= 0x80 })
                continue
            }
            asked += 1
            #expect(table.value(key) == MonthNames.lookup[String(decoding: word, as: UTF8.self).lowercased()],
                    "\(String(decoding: word, as: UTF8.self))")
        }
        #expect(asked > 20_000)
        #expect(table.value(ASCIIWordTable.Key(Array("NOV".utf8)[...])!) == 11)
        #expect(table.value(ASCIIWordTable.Key(Array("pazdziernika".utf8)[...])!) == 10)
        #expect(table.value(ASCIIWordTable.Key(Array("no".utf8)[...])!) == nil)
    }

    @Test func monthNamesMatchTheStringLookup() {
        for word in Self.words(from: Array(MonthNames.lookup.keys), count: 40_000) {
            let plain = word.count >= 3 && word.count <= MonthNames.maximumBytes
                ? MonthNames.lookup[String(decoding: word, as: UTF8.self).lowercased()] : nil
            #expect(MonthNames.month(word[...]) == plain, "\(String(decoding: word, as: UTF8.self))")
        }
        #expect(MonthNames.month(Array("Novembre".utf8)[...]) == 11)
        #expect(MonthNames.month(Array("MÄRZ".utf8)[...]) == 3)
    }

    @Test func fillersMatchTheStringLookup() {
        for word in Self.words(from: Array(DatelineParser.fillers), count: 20_000) {
            let plain = DatelineParser.fillers.contains(String(decoding: word, as: UTF8.self).lowercased())
            #expect(DatelineParser.isFiller(word[...]) == plain, "\(String(decoding: word, as: UTF8.self))")
        }
        #expect(DatelineParser.isFiller(Array("TH".utf8)[...]))
        #expect(DatelineParser.isFiller(Array("º".utf8)[...]))
        #expect(!DatelineParser.isFiller(Array("den".utf8)[...]))
    }
}
