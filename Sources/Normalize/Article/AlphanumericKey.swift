/// The letters and digits of a text, lower-cased: the key by which a description, a lead line
/// and a JSON-LD body are compared whatever their markup, escapes and punctuation.
///
/// The same string as `String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic
/// || ("0"..."9").contains($0) })`, which is how the key was first written, but that form looks
/// up two Unicode properties for every scalar and was a twentieth of a page's extraction time.
/// Here ASCII, most of any text, is decided from the byte; other scalars take the alphabetic
/// test, and only the alphabetic ones that change when lower-cased take the per-scalar
/// lower-case mapping (as `lowercased()` does), a string made for each.
enum AlphanumericKey {
    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A {
                        key.append(byte | 0x20)
                    } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        key.append(byte)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
                let properties = scalar.properties
                // Checked over every scalar (see `ExtractionHotPathTests`): a scalar that is not
                // alphabetic lower-cases to nothing the key keeps, and one that does not change
                // when lower-cased is its own mapping. So most scalars (quotes, dashes, spaces,
                // CJK) need neither the mapping nor its string.
                if properties.isAlphabetic {
                    if properties.changesWhenLowercased {
                        for mapped in properties.lowercaseMapping.unicodeScalars
                            where mapped.properties.isAlphabetic || ("0"..."9").contains(mapped) {
                            key.append(contentsOf: mapped.utf8)
                        }
                    } else {
                        key.append(contentsOf: bytes[index..<(index + length)])
                    }
                }
                index += length
            }
            return String(decoding: key, as: UTF8.self)
        }
    }
}
