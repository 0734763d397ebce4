import Foundation

/// A light language identifier: the writing system decides for scripts used by one major
/// language (Greek, Hebrew, Thai, Hangul, kana), and stop-word profiles decide among
/// languages sharing a script (Latin, Cyrillic, Arabic). Reads at most the first few
/// thousand words, so it costs little on long articles.
public enum LanguageDetector {
    /// ISO 639-1 code of the text's language, or nil when the text is too short or unclear.
    public static func detect(_ text: String) -> String? {
        var scripts = ScriptCounts()
        var words: [String] = []
        var word = ""
        var scanned = 0
        for scalar in text.unicodeScalars {
            scanned += 1
            if scanned > 20_000 { break }
            scripts.count(scalar)
            if scalar.properties.isAlphabetic {
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !word.isEmpty {
                if word.count <= 12 { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        guard scripts.letters >= 20 else { return nil }
        if let bySript = scripts.dominantLanguage() { return bySript }
        let family = scripts.family()
        let profiles = StopwordProfiles.profiles.filter { $0.script == family }
        guard !profiles.isEmpty else { return nil }
        var best: (code: String, hits: Int)? = nil
        var second = 0
        for profile in profiles {
            var hits = 0
            for word in words where profile.words.contains(word) { hits += 1 }
            if hits > (best?.hits ?? 0) {
                second = best?.hits ?? 0
                best = (profile.code, hits)
            } else if hits > second {
                second = hits
            }
        }
        guard let best, best.hits >= 3, best.hits * 10 >= words.count / 2 || best.hits >= 8 else {
            return nil
        }
        return best.code
    }

    /// Normalises a declared language tag (`en-US`, `pt_BR`, `EN`) to its primary subtag.
    public static func primaryTag(_ declared: String?) -> String? {
        guard let declared else { return nil }
        let primary = declared.trimmingCharacters(in: .whitespaces)
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
    var letters: Int { latin + cyrillic + arabic + greek + hebrew + devanagari + bengali + thai + hangul + kana + han + other }

    mutating func count(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin += 1
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
        default:
            if scalar.properties.isAlphabetic && value > 0x7F { other += 1 }
        }
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
