/// `String.lowercased()`, with the same result, for text that is mostly ASCII.
///
/// The standard library lower-cases a text that is not all ASCII scalar by scalar, making the
/// lower-case mapping of each (a string) and appending it, ASCII letters included; on the
/// lines `LineFilter` compares that was a hundredth of extraction time. Here ASCII is
/// lower-cased byte by byte, a scalar that does not change when lower-cased is copied, and
/// only the others take their mapping — which is what `lowercased()` appends for each, as
/// `LowercaseTextTests` checks for every scalar. Looking the property up was itself most of
/// the remaining time, so the common scalars are answered without it (`changesCase`).
enum LowercaseText {
    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var lowered: [UInt8] = []
            lowered.reserveCapacity(bytes.count)
            let twoByte = Self.twoByteCased
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                if Self.changesCase(scalar, twoByte) {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    lowered.append(contentsOf: bytes[index..<(index + length)])
                }
                index += length
            }
            return String(decoding: lowered, as: UTF8.self)
        }
    }

    /// `changesWhenLowercased`: from a table below U+0800 (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic…); false in blocks without case that most other text is in (general
    /// punctuation, mathematical symbols, box drawing, CJK, Hangul); from the property elsewhere.
    @inline(__always)
    private static func changesCase(_ scalar: Unicode.Scalar, _ twoByte: [UInt64]) -> Bool {
        let value = scalar.value
        if value < 0x800 { return twoByte[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        switch value {
        case 0x2000...0x20FF, 0x2200...0x23FF, 0x2500...0x25FF, 0x3000...0x9FFF, 0xAC00...0xD7A3: return false
        default: return scalar.properties.changesWhenLowercased
        }
    }

    /// One bit per scalar below U+0800: whether it changes when lower-cased.
    private static let twoByteCased: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x800 / 64)
        for value in 0..<UInt32(0x800) where Unicode.Scalar(value)?.properties.changesWhenLowercased == true {
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        return bits
    }()
}
