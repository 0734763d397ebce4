import Foundation

/// Folds a text so that reprints compare equal despite cosmetic changes: Unicode
/// compatibility forms (NFKC), case, digits (every digit becomes `0`, so dates and counts
/// in credit lines do not matter), quote styles (apostrophes join, so `don’t` = `don't` =
/// `dont`), punctuation, symbols and whitespace (all become one separator).
///
/// Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are split into one
/// token per character, so that they still yield shingles.
enum TextNormalizer {
    /// Normalizes `text`. Pure; safe from any thread.
    static func normalize(_ text: String) -> NormalizedText {
        var text = text
        if let folded = text.withUTF8({ TokenScanner.scan($0, unicodeFolded: false) }) { return folded }
        // Rare: decomposed accents or compatibility characters. NFKC first, then the standard
        // library's full Unicode lower-casing, then the same scan.
        var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.withUTF8 { TokenScanner.scan($0, unicodeFolded: true) }!
    }

    /// What a scalar contributes to the folded text.
    enum Role {
        case letter
        /// A digit, folded to `0`.
        case digit
        /// An apostrophe or an invisible format character (soft hyphen…): dropped without
        /// ending the word.
        case joiner
        /// A combining mark: kept inside a word, ignored outside one.
        case mark
        /// A character of a script written without spaces: a token by itself.
        case unspaced
        case separator
    }

    /// The role of a scalar beyond ASCII.
    static func role(of scalar: Unicode.Scalar) -> Role {
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC, 0x00B4, 0xFF07: return .joiner
        case 0x00A0, 0x2000...0x2017, 0x201A...0x206F: return .separator
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return isUnspacedScript(scalar.value) ? .unspaced : .letter
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .decimalNumber, .letterNumber, .otherNumber:
            return .digit
        case .format:
            return .joiner
        default:
            return .separator
        }
    }

    static func isUnspacedScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF,   // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF,   // Han
             0xF900...0xFAFF, 0x20000...0x3FFFF, // Han compatibility and supplements
             0x0E00...0x0EFF,                    // Thai, Lao
             0x1000...0x109F,                    // Myanmar
             0x1780...0x17FF:                    // Khmer
            return true
        default:
            return false
        }
    }

    /// The scalar to use for `scalar` in text that has not been through NFKC and
    /// lower-casing, or nil when that text needs those passes: a combining mark (NFKC may
    /// compose it with its base) or a character NFKC_Casefold changes in another way than
    /// a one-to-one lower-case mapping.
    static func foldedWithoutUnicodePass(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value == 0xA0 || (0x2000...0x206F).contains(value) { return scalar }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered { return nil }
        guard properties.changesWhenNFKCCaseFolded else { return scalar }
        if properties.generalCategory == .format { return scalar }
        let lower = properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let single = lower.first,
              !single.properties.changesWhenNFKCCaseFolded else { return nil }
        return single
    }
}
