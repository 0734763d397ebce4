/// The LSH index: every sampled shingle hash of every indexed text, mapped to the text's
/// ordinal. Each sample value is a band of one row, so a text is a candidate for every
/// indexed text it shares a sampled shingle with.
///
/// An open-addressing multimap with linear probing over one flat array of 8-byte slots
/// (hash in the high half, ordinal + 1 in the low half, 0 for empty): no per-entry
/// allocation, and a lookup touches one or two cache lines. Not thread-safe.
struct SampleIndex {
    // Settable inside the module for the bulk build in `SampleIndex+Bulk.swift`.
    var slots: [UInt64]
    var count = 0
    /// Hashes seen in `boilerplateLimit` texts; no longer indexed or matched.
    var boilerplate: Set<UInt32> = []
    /// One bit per 16-bit mix of a boilerplate hash.
    var boilerplateBits = [UInt64](repeating: 0, count: 1024)
    let boilerplateLimit: Int

    /// The table grows by 30 % when it is this full: linear probing stays short below it.
    static let maximumLoad = 0.85
    /// Fill after a rebuild.
    static let rebuildLoad = 0.75

    init(expectedEntries: Int, boilerplateLimit: Int) {
        self.boilerplateLimit = boilerplateLimit
        slots = Array(repeating: 0, count: Self.capacity(for: expectedEntries))
    }

    static func capacity(for entries: Int) -> Int {
        max(1024, Int(Double(entries) / rebuildLoad))
    }

    /// Bytes held by the table and the boilerplate set.
    var memoryBytes: Int {
        slots.capacity * MemoryLayout<UInt64>.stride + boilerplate.capacity * 8 + boilerplateBits.count * 8
    }

    @inline(__always)
    func home(of key: UInt32) -> Int {
        Self.home(of: key, capacity: slots.count)
    }

    @inline(__always)
    static func home(of key: UInt32, capacity: Int) -> Int {
        // Sampled hashes are the smallest of each text, so they crowd the low range:
        // mix before mapping onto the table (multiply-shift, then Lemire's range reduction).
        let mixed = (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32
        return Int((mixed &* UInt64(capacity)) >> 32)
    }

    @inline(__always)
    func isBoilerplate(_ key: UInt32) -> Bool {
        // A bitmap in front of the set: most keys are answered without hashing.
        let bit = Int(home16(key))
        guard boilerplateBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        return boilerplate.contains(key)
    }

    @inline(__always)
    private func home16(_ key: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: (UInt64(key) &* 0xD6E8_FEB8_6659_FD93) >> 48)
    }

    mutating func markBoilerplate(_ key: UInt32) {
        boilerplate.insert(key)
        let bit = Int(home16(key))
        boilerplateBits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Adds `key → document`. Returns false, and adds nothing, when `key` is (or just became)
    /// boilerplate.
    @discardableResult
    mutating func insert(key: UInt32, document: UInt32) -> Bool {
        if isBoilerplate(key) { return false }
        if Double(count + 1) > Double(slots.count) * Self.maximumLoad {
            resize(to: slots.count + slots.count * 3 / 10)
        }
        let entry = UInt64(key) << 32 | UInt64(document + 1)
        let start = home(of: key)
        let (position, same) = slots.withUnsafeBufferPointer { table in
            var position = start
            var same = 0
            while table[position] != 0 {
                if UInt32(truncatingIfNeeded: table[position] >> 32) == key { same += 1 }
                position += 1
                if position == table.count { position = 0 }
            }
            return (position, same)
        }
        if same + 1 >= boilerplateLimit {
            markBoilerplate(key)
            return false
        }
        slots[position] = entry
        count += 1
        return true
    }

    /// Adds `key → document` for each of `keys`; returns how many were added (boilerplate
    /// keys are not). Like ``lookup(_:hits:boilerplate:)`` it first reads every home slot, so
    /// that the cache misses of a large table overlap.
    mutating func insert(keys: some Collection<UInt32>, document: UInt32) -> Int {
        if Double(count + keys.count) > Double(slots.count) * Self.maximumLoad {
            resize(to: max(slots.count + slots.count * 3 / 10, Self.capacity(for: count + keys.count)))
        }
        let touched = slots.withUnsafeBufferPointer { table in
            keys.reduce(UInt64(0)) { $0 | table[Self.home(of: $1, capacity: table.count)] }
        }
        withExtendedLifetime(touched) {} // keeps the reads of the first pass
        var added = 0
        for key in keys where insert(key: key, document: document) { added += 1 }
        return added
    }

    /// Appends to `hits` the documents indexed under each of `keys`, and to `boilerplate` the
    /// keys that are boilerplate.
    ///
    /// The home slots are read in a first pass whose loads do not depend on each other, so
    /// the processor overlaps the cache misses of a large table; the probing pass then finds
    /// them in cache.
    func lookup(_ keys: UnsafeBufferPointer<UInt32>, hits: inout [UInt32], boilerplate found: inout [UInt32]) {
        slots.withUnsafeBufferPointer { table in
            var touched: UInt64 = 0
            for key in keys { touched |= table[home(of: key)] }
            guard touched != 0 else { return }
            for key in keys {
                if isBoilerplate(key) {
                    found.append(key)
                    continue
                }
                var position = home(of: key)
                while true {
                    let entry = table[position]
                    if entry == 0 { break }
                    if UInt32(truncatingIfNeeded: entry >> 32) == key {
                        hits.append(UInt32(truncatingIfNeeded: entry) - 1)
                    }
                    position += 1
                    if position == table.count { position = 0 }
                }
            }
        }
    }

    /// Whether `key → document` is indexed.
    func contains(key: UInt32, document: UInt32) -> Bool {
        let wanted = UInt64(key) << 32 | UInt64(document + 1)
        return slots.withUnsafeBufferPointer { table in
            var position = home(of: key)
            while true {
                let entry = table[position]
                if entry == 0 { return false }
                if entry == wanted { return true }
                position += 1
                if position == table.count { position = 0 }
            }
        }
    }

    /// Rebuilds the table, keeping entries whose document `renumber` maps to a new ordinal
    /// (nil drops the entry). Boilerplate stays boilerplate.
    mutating func rebuild(renumber: (UInt32) -> UInt32?) {
        let old = slots
        var kept: [UInt64] = []
        kept.reserveCapacity(count)
        for entry in old where entry != 0 {
            if let document = renumber(UInt32(truncatingIfNeeded: entry) - 1) {
                kept.append(entry & 0xFFFF_FFFF_0000_0000 | UInt64(document + 1))
            }
        }
        slots = Array(repeating: 0, count: Self.capacity(for: kept.count))
        count = 0
        for entry in kept { place(entry) }
    }

    private mutating func resize(to capacity: Int) {
        let old = slots
        slots = Array(repeating: 0, count: capacity)
        count = 0
        for entry in old where entry != 0 { place(entry) }
    }

    private mutating func place(_ entry: UInt64) {
        var position = home(of: UInt32(truncatingIfNeeded: entry >> 32))
        while slots[position] != 0 {
            position += 1
            if position == slots.count { position = 0 }
        }
        slots[position] = entry
        count += 1
    }
}
