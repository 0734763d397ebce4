internal import CXXHash
import Foundation

/// `content_hash` of a record: XXH3-128 (xxHash, seed 0) of the text file's UTF-8 bytes,
/// 32 lowercase hex digits. Not cryptographic: it identifies identical text, nothing more.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let hash = XXH3_128bits(bytes.baseAddress, bytes.count)
            return hex(hash.high64) + hex(hash.low64)
        }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
