/// Short ASCII words mapped to small numbers, looked up by their bytes in any case, without
/// making a `String`.
///
/// The date parsers look up every word of a dateline: `MonthNames` for a month, `DatelineParser`
/// for a filler ("de", "th"). Each lookup made a `String`, lower-cased it and hashed it for a
/// `Dictionary`; that was about a tenth of publication-date finding. Here a word of at most 16
/// ASCII bytes is packed, lower-cased, into two integers, a key hashed without making a
/// string. Words that are longer or not ASCII get `nil` from `Key(_:)`, and callers keep their
/// `String` lookup for those. For ASCII text the answer is the `Dictionary`'s: lower-casing ASCII
/// is the byte fold, and an ASCII string equals only the same bytes (`ASCIIWordTableTests`).
struct ASCIIWordTable: Sendable {
    /// A word of 1...16 ASCII bytes, lower-cased and packed little-endian, zero-padded.
    struct Key: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: Int = 0

        static let maximumLength = 16

        /// The key of `word`, or nil when it is empty, longer than 16 bytes or not ASCII.
        @inline(__always)
        init?(_ word: ArraySlice<UInt8>) {
            guard !word.isEmpty, word.count <= Self.maximumLength else { return nil }
            var shift: UInt64 = 0
            var index = word.startIndex
            while index < word.endIndex {
                var byte = word[index]
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if shift < 64 { low |= UInt64(byte) << shift } else { high |= UInt64(byte) << (shift - 64) }
                shift += 8
                index += 1
            }
            length = word.count
        }

        /// The key of an ASCII `String` (for building a table); nil as for bytes.
        init?(_ word: String) {
            self.init(Array(word.utf8)[...])
        }
    }

    private let values: [Key: Int]

    /// A table of `words`; the ones that have no `Key` (not ASCII, too long) are left out, and
    /// the caller answers them another way. Words are distinct after lower-casing.
    init(_ words: [String: Int]) {
        precondition(words.keys.allSatisfy { $0 == $0.lowercased() }, "words are lower-case")
        values = Dictionary(uniqueKeysWithValues: words.compactMap { word, value in Key(word).map { ($0, value) } })
    }

    /// The value of the word `key` stands for, or nil when it is not in the table.
    @inline(__always)
    func value(_ key: Key) -> Int? {
        values[key]
    }
}
