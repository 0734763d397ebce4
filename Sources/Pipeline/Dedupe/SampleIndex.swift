/// The LSH index: every sampled shingle hash of every indexed text, mapped to the text's
/// ordinal. Each sample value is a band of one row, so a text is a candidate for every
/// indexed text it shares a sampled shingle with.
///
/// An open-addressing multimap with linear probing over one flat array of 8-byte slots
/// (hash in the high half, ordinal + 1 in the low half, 0 for empty): no per-entry
/// allocation, and a lookup touches one or two cache lines. Not thread-safe.
struct SampleIndex {
    private(set) var slots: [UInt64]
    private(set) var count = 0
    /// Hashes seen in `boilerplateLimit` texts; no longer indexed or matched.
    private(set) var boilerplate: Set<UInt32> = []
    let boilerplateLimit: Int

    /// The table grows by half when it is this full: linear probing stays short below it.
    static let maximumLoad = 0.85
    /// Fill after a rebuild.
    static let rebuildLoad = 0.65

    init(expectedEntries: Int, boilerplateLimit: Int) {
        self.boilerplateLimit = boilerplateLimit
        slots = Array(repeating: 0, count: Self.capacity(for: expectedEntries))
    }

    static func capacity(for entries: Int) -> Int {
        max(1024, Int(Double(entries) / rebuildLoad))
    }

    /// Bytes held by the table and the boilerplate set.
    var memoryBytes: Int {
        slots.capacity * MemoryLayout<UInt64>.stride + boilerplate.capacity * 8
    }

    @inline(__always)
    func home(of key: UInt32) -> Int {
        // Sampled hashes are the smallest of each text, so they crowd the low range:
        // mix before mapping onto the table (multiply-shift, then Lemire's range reduction).
        let mixed = (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32
        return Int((mixed &* UInt64(slots.count)) >> 32)
    }

    func isBoilerplate(_ key: UInt32) -> Bool {
        !boilerplate.isEmpty && boilerplate.contains(key)
    }

    /// Adds `key → document`. Returns false, and adds nothing, when `key` is (or just became)
    /// boilerplate.
    @discardableResult
    mutating func insert(key: UInt32, document: UInt32) -> Bool {
        if isBoilerplate(key) { return false }
        if Double(count + 1) > Double(slots.count) * Self.maximumLoad {
            resize(to: slots.count + slots.count / 2)
        }
        let entry = UInt64(key) << 32 | UInt64(document + 1)
        var position = home(of: key)
        var same = 0
        while slots[position] != 0 {
            if UInt32(truncatingIfNeeded: slots[position] >> 32) == key { same += 1 }
            position += 1
            if position == slots.count { position = 0 }
        }
        if same + 1 >= boilerplateLimit {
            boilerplate.insert(key)
            return false
        }
        slots[position] = entry
        count += 1
        return true
    }

    /// Calls `body` with each document indexed under `key`.
    @inline(__always)
    func forEach(key: UInt32, _ body: (UInt32) -> Void) {
        slots.withUnsafeBufferPointer { table in
            var position = home(of: key)
            while true {
                let entry = table[position]
                if entry == 0 { return }
                if UInt32(truncatingIfNeeded: entry >> 32) == key {
                    body(UInt32(truncatingIfNeeded: entry) - 1)
                }
                position += 1
                if position == table.count { position = 0 }
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
