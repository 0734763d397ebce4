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
        if let fast = text.withUTF8({ foldWithoutUnicodePass($0) }) { return fast }
        // NFKC first (full-width letters, ligatures, composed accents), then the standard
        // library's full Unicode lower-casing, then the same scan.
        var folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.withUTF8 { fold($0) }
    }

    /// Folds UTF-8 text as it is, or returns nil as soon as it meets a character that needs
    /// NFKC or Unicode lower-casing (anything beyond ASCII, general punctuation and the
    /// apostrophes): most English copy never pays for those passes.
    static func foldWithoutUnicodePass(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText? {
        var builder = Builder()
        builder.reserve(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                builder.addASCII(byte)
                index += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            let value = scalar.value
            guard value == 0xA0 || (0x2000...0x206F).contains(value) else { return nil }
            builder.add(scalar)
            index += length
        }
        builder.endToken()
        return builder.result
    }

    /// Folds UTF-8 text already in NFKC and lower case.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var builder = Builder()
        builder.reserve(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                builder.addASCII(byte)
                index += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: index)
            builder.add(scalar)
            index += length
        }
        builder.endToken()
        return builder.result
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (a Swift string's storage).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// What a scalar contributes to the folded text.
    enum Role {
        case letter
        /// A digit, folded to `0`.
        case digit
        /// An apostrophe: dropped without ending the word.
        case joiner
        /// A combining mark: kept inside a word, ignored outside one.
        case mark
        /// A character of a script written without spaces: a token by itself.
        case unspaced
        case separator
    }

    static func role(of scalar: Unicode.Scalar) -> Role {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x41...0x5A: return .letter
            case 0x30...0x39: return .digit
            case 0x27, 0x60: return .joiner
            default: return .separator
            }
        }
        switch value {
        case 0x2018, 0x2019, 0x02BC, 0x00B4, 0xFF07: return .joiner
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return isUnspacedScript(value) ? .unspaced : .letter
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .decimalNumber, .letterNumber, .otherNumber:
            return .digit
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

    /// Accumulates tokens into a ``NormalizedText``.
    struct Builder {
        var result = NormalizedText()
        var inToken = false

        mutating func reserve(_ bytes: Int) {
            result.bytes.reserveCapacity(bytes)
            result.tokenStarts.reserveCapacity(bytes / 5)
            result.tokenEnds.reserveCapacity(bytes / 5)
        }

        @inline(__always)
        mutating func addASCII(_ byte: UInt8) {
            switch byte {
            case 0x61...0x7A:
                startToken()
                result.bytes.append(byte)
            case 0x41...0x5A:
                startToken()
                result.bytes.append(byte | 0x20)
            case 0x30...0x39:
                startToken()
                result.bytes.append(0x30)
            case 0x27, 0x60:
                break
            default:
                endToken()
            }
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            switch TextNormalizer.role(of: scalar) {
            case .letter:
                startToken()
                let value = scalar.value
                if value < 0x80 {
                    // ASCII upper-case is folded here; other scripts were lower-cased before.
                    let byte = UInt8(value)
                    result.bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    append(scalar)
                }
            case .digit:
                startToken()
                result.bytes.append(0x30)
            case .joiner:
                break
            case .mark:
                if inToken { append(scalar) }
            case .unspaced:
                endToken()
                startToken()
                append(scalar)
                endToken()
                result.unspacedTokens += 1
            case .separator:
                endToken()
            }
        }

        mutating func startToken() {
            guard !inToken else { return }
            if !result.bytes.isEmpty { result.bytes.append(0x20) }
            result.tokenStarts.append(Int32(result.bytes.count))
            inToken = true
        }

        mutating func endToken() {
            guard inToken else { return }
            result.tokenEnds.append(Int32(result.bytes.count))
            inToken = false
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            result.bytes.append(contentsOf: scalar.utf8)
        }
    }
}
