import Foundation

/// A light language identifier: the writing system decides for scripts used by one major
/// language (Greek, Hebrew, Thai, Hangul, kana, Han, Devanagari, Bengali), and stop-word
/// profiles decide among languages sharing a script (Latin, Cyrillic, Arabic).
///
/// Works on UTF-8 bytes and reads a bounded sample, so it costs microseconds: words are
/// hashed (FNV-1a) straight from the bytes and looked up in one table mapping a word hash
/// to the set of profiles containing it.
public enum LanguageDetector {
    /// How much text is read; a few hundred words decide reliably.
    static let sampleBytes = 4096

    /// ISO 639-1 code of the text's language, or nil when the text is too short or unclear.
    public static func detect(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { detect(bytes: $0) }
    }

    static func detect(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scripts = ScriptCounts()
        var hits = [Int](repeating: 0, count: StopwordProfiles.profiles.count)
        var words = 0
        var hash: UInt64 = StopwordProfiles.fnvOffset
        var wordLength = 0
        let limit = min(bytes.count, sampleBytes)
        var index = 0
        let table = StopwordProfiles.table

        func endWord() {
            if wordLength > 0 {
                words += 1
                if let mask = table[hash] {
                    var bits = mask
                    while bits != 0 {
                        let profile = bits.trailingZeroBitCount
                        hits[profile] += 1
                        bits &= bits - 1
                    }
                }
            }
            hash = StopwordProfiles.fnvOffset
            wordLength = 0
        }

        while index < limit {
            let lead = bytes[index]
            var scalar: UInt32
            var width: Int
            if lead < 0x80 {
                scalar = UInt32(lead)
                width = 1
            } else if lead >= 0xF0 && index + 3 < bytes.count {
                scalar = (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                    | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                width = 4
            } else if lead >= 0xE0 && index + 2 < bytes.count {
                scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                width = 3
            } else if lead >= 0xC0 && index + 1 < bytes.count {
                scalar = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                width = 2
            } else {
                index += 1
                endWord()
                continue
            }
            index += width
            let isLetter = scripts.count(scalar)
            if isLetter {
                let lowered = lowercase(scalar)
                appendHash(lowered, &hash)
                wordLength += 1
            } else {
                endWord()
            }
        }
        endWord()

        guard scripts.letters >= 20 else { return nil }
        if let byScript = scripts.dominantLanguage() { return byScript }
        let family = scripts.family()
        var best = -1
        for (offset, profile) in StopwordProfiles.profiles.enumerated() where profile.script == family {
            if best < 0 || hits[offset] > hits[best] { best = offset }
        }
        guard best >= 0 else { return nil }
        let found = hits[best]
        guard found >= 3, found * 20 >= words || found >= 8 else { return nil }
        return StopwordProfiles.profiles[best].code
    }

    /// Simple case folding for the scripts whose stop words are profiled.
    @inline(__always)
    static func lowercase(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return scalar + 0x20
        case 0x410...0x42F: return scalar + 0x20
        case 0x400...0x40F: return scalar + 0x50
        case 0x100...0x17F where scalar & 1 == 0: return scalar + 1
        default: return scalar
        }
    }

    /// FNV-1a over the scalar's UTF-8 bytes, so table keys can be built from `String`s.
    @inline(__always)
    static func appendHash(_ scalar: UInt32, _ hash: inout UInt64) {
        func mix(_ byte: UInt32) {
            hash ^= UInt64(byte)
            hash = hash &* StopwordProfiles.fnvPrime
        }
        switch scalar {
        case 0..<0x80: mix(scalar)
        case 0x80..<0x800:
            mix(0xC0 | (scalar >> 6)); mix(0x80 | (scalar & 0x3F))
        case 0x800..<0x10000:
            mix(0xE0 | (scalar >> 12)); mix(0x80 | ((scalar >> 6) & 0x3F)); mix(0x80 | (scalar & 0x3F))
        default:
            mix(0xF0 | (scalar >> 18)); mix(0x80 | ((scalar >> 12) & 0x3F))
            mix(0x80 | ((scalar >> 6) & 0x3F)); mix(0x80 | (scalar & 0x3F))
        }
    }

    /// Normalises a declared language tag (`en-US`, `pt_BR`, `EN`) to its primary subtag.
    public static func primaryTag(_ declared: String?) -> String? {
        guard let declared else { return nil }
        let primary = WhitespaceTrim.trimmed(declared, newlines: false)
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == ";" }).first
            .map { $0.lowercased() } ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            return nil
        }
        return primary
    }
}

/// Letter counts per writing system.
struct ScriptCounts {
    var latin = 0, cyrillic = 0, arabic = 0, greek = 0, hebrew = 0, devanagari = 0, bengali = 0
    var thai = 0, hangul = 0, kana = 0, han = 0, other = 0
    var letters: Int {
        latin + cyrillic + arabic + greek + hebrew + devanagari + bengali + thai + hangul + kana + han + other
    }

    /// Counts a scalar and tells whether it is part of a word.
    @inline(__always)
    mutating func count(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF:
            latin += 1
        case 0x370...0x3FF, 0x1F00...0x1FFF: greek += 1
        case 0x400...0x52F: cyrillic += 1
        case 0x590...0x5FF: hebrew += 1
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
        case 0x900...0x97F: devanagari += 1
        case 0x980...0x9FF: bengali += 1
        case 0xE00...0xE7F: thai += 1
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
        case 0x3040...0x30FF: kana += 1
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
        case 0x30...0x39: return false
        case 0x80...0xBF, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFF20: return false
        default:
            if value < 0x80 { return false }
            other += 1
        }
        return true
    }

    /// Languages identified by script alone.
    func dominantLanguage() -> String? {
        let total = Double(letters)
        if Double(kana) > total * 0.05 && kana + han > letters / 3 { return "ja" }
        if Double(hangul) > total * 0.3 { return "ko" }
        if Double(han) > total * 0.3 { return "zh" }
        if Double(greek) > total * 0.5 { return "el" }
        if Double(hebrew) > total * 0.5 { return "he" }
        if Double(thai) > total * 0.5 { return "th" }
        if Double(devanagari) > total * 0.5 { return "hi" }
        if Double(bengali) > total * 0.5 { return "bn" }
        return nil
    }

    func family() -> StopwordProfiles.Script {
        if arabic > latin && arabic > cyrillic { return .arabic }
        if cyrillic > latin { return .cyrillic }
        return .latin
    }
}
