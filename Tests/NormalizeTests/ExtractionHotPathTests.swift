import Foundation
import Testing
@testable import Normalize

/// Hot-path rewrites of the extractor must give exactly what the plain forms they replace
/// gave: each is checked here against that plain form, on chosen and on random text.
@Suite("Extraction hot paths match their plain forms", .timeLimit(.minutes(1)))
struct ExtractionHotPathTests {
    /// The alphanumeric key as it was first written.
    static func plainKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
    }

    /// Random text drawn from ASCII, Latin, Greek, Cyrillic, combining marks, CJK, Devanagari,
    /// fullwidth forms, special-cased scalars (İ, ß, Kelvin sign, final sigma) and emoji.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF,
                                             0x300...0x36F, 0x4E00...0x4E80, 0x900...0x97F, 0xFF01...0xFF9F,
                                             0x130...0x131, 0xDF...0xDF, 0x212A...0x212B, 0x1E9E...0x1E9E,
                                             0x3A3...0x3C2, 0x1F600...0x1F64F, 0x10400...0x1044F]
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    @Test(arguments: [
        "", "Plain ASCII, with 42 digits & punctuation!", "İstanbul’da DÜŞÜNCE", "Straße STRASSE ẞ",
        "ΟΔΥΣΣΕΥΣ σοφός", "KELVIN \u{212A} Å", "e\u{301}te\u{301} É", "東京の天気は晴れ", "नमस्ते दुनिया",
        "ＡＢＣ１２３ｶﾞ", "👩‍👩‍👧 🇫🇷 family", "\u{10400}\u{10428} Deseret", "tab\tand\r\nbreaks",
    ])
    func alphanumericKeyMatchesThePlainForm(_ text: String) {
        #expect(AlphanumericKey.of(text) == Self.plainKey(text))
        #expect(Array(AlphanumericKey.of(text).unicodeScalars) == Array(Self.plainKey(text).unicodeScalars))
    }

    /// The key skips the lower-case mapping of scalars that are not alphabetic or do not
    /// change when lower-cased: this holds for every scalar, alone and between others (the
    /// key of a text is the keys of its scalars, as `lowercased()` maps scalar by scalar).
    @Test func alphanumericKeyMatchesThePlainFormForEveryScalar() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if AlphanumericKey.of(text).utf8.elementsEqual(Self.plainKey(text).utf8) == false {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        let mixed = "A\u{130}b\u{3A3}\u{3A3} \u{DF}\u{1E9E}\u{212A}e\u{301}\u{660}9\u{1F600}\u{10400}\u{2160}\u{24B6}\u{5D0}\u{627}"
        #expect(Array(AlphanumericKey.of(mixed).unicodeScalars) == Array(Self.plainKey(mixed).unicodeScalars))
    }

    @Test func alphanumericKeyMatchesThePlainFormOnRandomText() {
        for text in Self.randomTexts(count: 3000, seed: 6) {
            #expect(Array(AlphanumericKey.of(text).unicodeScalars) == Array(Self.plainKey(text).unicodeScalars),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

extension ExtractionHotPathTests {
    /// Text between tags as the prefilter first wrote it: a run of blanks becomes its first byte.
    static func plainCollapse(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            output.append(bytes[index])
            if MarkupPrefilter.isBlank(bytes[index]) {
                index += 1
                while index < bytes.count && MarkupPrefilter.isBlank(bytes[index]) { index += 1 }
            } else {
                index += 1
            }
        }
        return output
    }

    @Test func prefilterCollapsesBlankRunsAsThePlainFormOnRandomText() {
        var random = SplitMix64(seed: 19)
        let alphabet: [UInt8] = Array("ab \t\n\r\u{0B}\u{0C}é".utf8)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            #expect(MarkupPrefilter.strip(text) == Self.plainCollapse(text))
            // Runs end at tags: the blank after a tag starts a new run.
            let tagged = text + Array("<b> \n x</b>".utf8) + text
            #expect(MarkupPrefilter.strip(tagged)
                == Self.plainCollapse(text) + Array("<b> x</b>".utf8) + Self.plainCollapse(text))
        }
    }
}

extension ExtractionHotPathTests {
    /// `TextNormalizer.collapse` as it was first written, through an array and `String(decoding:)`.
    static func plainCollapse(text: [UInt8]) -> String {
        let bytes = text[...]
        var output: [UInt8] = []
        var pendingSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                index += 1
                continue
            }
            if byte >= 0xC2 {
                let width = plainSpaceWidth(bytes, index)
                if width > 0 {
                    pendingSpace = true
                    index += width
                    continue
                }
                let invisible = plainInvisibleWidth(bytes, index)
                if invisible > 0 {
                    index += invisible
                    continue
                }
            }
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func plainSpaceWidth(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }
        guard index + 2 < bytes.endIndex else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        if byte == 0xE2 && second == 0x80 && ((third >= 0x80 && third <= 0x8A) || third == 0xA8
            || third == 0xA9 || third == 0xAF) { return 3 }
        if byte == 0xE2 && second == 0x81 && third == 0x9F { return 3 }
        if byte == 0xE3 && second == 0x80 && third == 0x80 { return 3 }
        if byte == 0xE1 && second == 0x9A && third == 0x80 { return 3 }
        return 0
    }

    static func plainInvisibleWidth(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xAD { return 2 }
        guard index + 2 < bytes.endIndex else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        if byte == 0xE2 && second == 0x80 && (third == 0x8B || third == 0x8C || third == 0x8D
            || third == 0x8E || third == 0x8F) { return 3 }
        if byte == 0xE2 && second == 0x81 && third == 0xA0 { return 3 }
        if byte == 0xEF && second == 0xBB && third == 0xBF { return 3 }
        return 0
    }

    @Test func collapseMatchesThePlainFormOnRandomText() {
        var random = SplitMix64(seed: 15)
        let pieces = ["a", "Zz", " ", "\t", "\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{AD}", "\u{FEFF}",
                      "é", "東", "🙂", "\u{2061}", "\u{2009}", "\r\n"].map { Array($0.utf8) }
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            // Cut anywhere, so sequences broken at the end are covered too.
            let cut = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            #expect(TextNormalizer.collapse(cut[...]) == Self.plainCollapse(text: cut))
            // A slice that does not start at index 0, as `HTMLTree` hands over.
            #expect(TextNormalizer.collapse(bytes.dropFirst()) == Self.plainCollapse(text: Array(bytes.dropFirst())))
        }
    }

    /// `looksBinary` counts control bytes without branches; the plain definition decides the same.
    @Test func binaryCheckMatchesThePlainForm() {
        var generator = SplitMix64(seed: 11)
        for round in 0..<200 {
            let length = [10, 63, 64, 500, 4096, 6000][round % 6]
            // From all text to all control bytes, through the one-in-ten threshold.
            let share = Double(round % 20) / 40
            let bytes: [UInt8] = (0..<length).map { _ in
                Double.random(in: 0..<1, using: &generator) < share ? UInt8.random(in: 0...0x20, using: &generator)
                    : UInt8.random(in: 0x20...0xFF, using: &generator)
            }
            let sample = bytes.prefix(4096)
            let controls = sample.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) || $0 == 0x7F }.count
            let plain = sample.count >= 64 && controls * 10 > sample.count
            #expect(bytes.withUnsafeBufferPointer(ArticleExtractor.looksBinary) == plain)
        }
    }

    @Test func utf8ValidityMatchesAScalarByScalarCheck() {
        var random = SplitMix64(seed: 8)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random) & (Bool.random(using: &random) ? 0x7F : 0xFF)
            }
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var valid = true
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: break decoding
                case .error: valid = false; break decoding
                }
            }
            #expect(UTF8Repair.isValid(bytes) == valid)
        }
    }
}
