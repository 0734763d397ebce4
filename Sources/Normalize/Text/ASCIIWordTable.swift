/// Short ASCII words mapped to small numbers, looked up by their bytes in any case, without
/// making a `String`.
///
/// The date parsers look up every word of a dateline: `MonthNames` for a month, `DatelineParser`
/// for a filler ("de", "th"). Each lookup made a `String`, lower-cased it and hashed it for a
/// `Dictionary`; that was about a tenth of publication-date finding. Here a word of at most 16
/// ASCII bytes is packed, lower-cased, into two integers and found in a small open-addressing
/// table. Words that are longer or not ASCII get `nil` from `Key(_:)`, and callers keep their
/// `String` lookup for those. For ASCII text the answer is the `Dictionary`'s: lower-casing ASCII
/// is the byte fold, and an ASCII string equals only the same bytes (`ASCIIWordTableTests`).
struct ASCIIWordTable: Sendable {
    /// A word of 1...16 ASCII bytes, lower-cased and packed little-endian, zero-padded.
    struct Key: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: Int = 0

        static let maximumLength = 16

        /// An empty slot's key.
        fileprivate init() {}

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

        @inline(__always)
        fileprivate func slot(_ mask: Int) -> Int {
            let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            return Int(truncatingIfNeeded: mixed ^ (mixed >> 29)) & mask
        }
    }

    private let keys: [Key]
    /// -1 marks an empty slot.
    private let values: [Int]
    private let mask: Int

    /// A table of `words`; the ones that have no `Key` (not ASCII, too long) are left out, and
    /// the caller answers them another way. Words are distinct after lower-casing.
    init(_ words: [String: Int]) {
        precondition(words.keys.allSatisfy { $0 == $0.lowercased() }, "words are lower-case")
        let entries = words.compactMap { word, value in Key(word).map { ($0, value) } }
        var capacity = 16
        while capacity < entries.count * 4 { capacity <<= 1 }
        var keys = [Key](repeating: Key(), count: capacity)
        var values = [Int](repeating: -1, count: capacity)
        for (key, value) in entries {
            precondition(value >= 0, "values are not negative")
            var slot = key.slot(capacity - 1)
            while values[slot] >= 0 {
                precondition(keys[slot] != key, "words are distinct")
                slot = (slot + 1) & (capacity - 1)
            }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    /// The value of the word `key` stands for, or nil when it is not in the table.
    @inline(__always)
    func value(_ key: Key) -> Int? {
        var slot = key.slot(mask)
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }
}
