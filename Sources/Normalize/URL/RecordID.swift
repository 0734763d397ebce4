internal import CXXHash
import Foundation

/// The id of an article record: **16 lower-case hex digits of XXH3-64 (seed 0) of the canonical
/// URL's UTF-8 bytes** (``CanonicalURL/string``). The same URL gets the same id on every machine
/// and in every run; a change of canonicalization rules changes ids, so they are versioned with it.
public struct RecordID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The 64-bit hash.
    public let value: UInt64

    public init(canonical: CanonicalURL) {
        value = Self.hash(canonical.string)
    }

    public init(value: UInt64) {
        self.value = value
    }

    /// Parses the 16-hex-digit form.
    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// 16 lower-case hex digits, zero-padded.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { hex }

    /// XXH3-64 of a string's UTF-8 bytes.
    public static func hash(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { bytes in XXH3_64bits(bytes.baseAddress, bytes.count) }
    }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RecordID(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 16 hex digits: \(text)")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
