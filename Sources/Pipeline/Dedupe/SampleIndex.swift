/// The LSH index: every sampled shingle hash of every indexed text, mapped to the text's
/// ordinal. Each sample value is a band of one row, so a text is a candidate for every
/// indexed text it shares a sampled shingle with.
///
/// An open-addressing multimap with linear probing over one flat table of 8-byte slots
/// (hash in the high half, ordinal + 1 in the low half, 0 for empty): no per-entry
/// allocation, and a lookup touches one or two cache lines.
///
/// A hash found in `boilerplateLimit` texts is boilerplate: its entries are replaced by one
/// marker entry (``boilerplateMark`` in the low half), so that a lookup learns it from the
/// same cache line that holds the hash's entries. (It was a set beside the table, with a
/// bitmap in front: at a million texts there are ~180,000 boilerplate hashes, the bitmap
/// was full, and nearly every lookup paid a second random access into the set.)
///
/// Insertion is Robin Hood: each run of occupied slots stays ordered by home slot, so a
/// lookup stops at the first entry whose home lies after its own instead of scanning to the
/// end of the run. Most lookups are misses (a new text shares few hashes with the index), and
/// with plain linear probing a miss scans ½(1 + 1/(1−load)²) slots — 5 at the load after a
/// resize, 22 just before the next — so query time followed the table's fill, not the
/// index size. Entries are removed one by one only when their hash becomes boilerplate
/// (backward-shift deletion); expiry rebuilds the table. The table lives in a
/// ``SlotTable`` (huge pages once it is large); the struct copies it on write, like an array.
/// Not thread-safe.
struct SampleIndex {
    // Settable inside the module for the bulk build in `SampleIndex+Bulk.swift`.
    var slots: SlotTable
    /// Occupied slots (entries and boilerplate marks).
    var count = 0
    let boilerplateLimit: Int

    /// The low half of the entry that marks its hash as boilerplate: seen in
    /// `boilerplateLimit` texts, no longer indexed or matched. Ordinals stay below it.
    static let boilerplateMark: UInt64 = 0xFFFF_FFFF

    /// The table grows by 30 % when it is this full: linear probing stays short below it.
    static let maximumLoad = 0.85
    /// Fill after a rebuild.
    static let rebuildLoad = 0.75

    init(expectedEntries: Int, boilerplateLimit: Int) {
        self.boilerplateLimit = boilerplateLimit
        slots = SlotTable(count: Self.capacity(for: expectedEntries))
    }

    /// Gives this value a table of its own before a write (copy on write).
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
    }

    static func capacity(for entries: Int) -> Int {
        max(1024, Int(Double(entries) / rebuildLoad))
    }

    /// Bytes held by the table.
    var memoryBytes: Int { slots.memoryBytes }

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
    static func isMark(_ entry: UInt64) -> Bool { entry & 0xFFFF_FFFF == boilerplateMark }

    /// What the table holds for `key` and `document`.
    enum KeyState: Equatable {
        case boilerplate
        case indexed
        case absent
    }

    /// Whether `key → document` is indexed, or `key` is boilerplate; one walk of the run.
    func state(of key: UInt32, document: UInt32) -> KeyState {
        let wanted = UInt64(key) << 32 | UInt64(document + 1)
        var state = KeyState.absent
        forEachEntry(of: key) { entry in
            if Self.isMark(entry) {
                state = .boilerplate
            } else if entry == wanted, state == .absent {
                state = .indexed
            }
        }
        return state
    }

    func isBoilerplate(_ key: UInt32) -> Bool {
        var found = false
        forEachEntry(of: key) { found = found || Self.isMark($0) }
        return found
    }

    /// Hashes marked as boilerplate (a scan of the whole table).
    var boilerplateKeys: Set<UInt32> {
        slots.withUnsafeBufferPointer { table in
            Set(table.lazy.filter { $0 != 0 && Self.isMark($0) }.map { UInt32(truncatingIfNeeded: $0 >> 32) })
        }
    }

    /// Adds `key → document`. Returns false, and adds nothing, when `key` is (or just became)
    /// boilerplate.
    @discardableResult
    mutating func insert(key: UInt32, document: UInt32) -> Bool {
        makeUnique()
        if Double(count + 1) > Double(slots.count) * Self.maximumLoad {
            resize(to: slots.count + slots.count * 3 / 10)
        }
        var same = 0
        var boilerplate = false
        forEachEntry(of: key) { entry in
            if Self.isMark(entry) { boilerplate = true } else { same += 1 }
        }
        if boilerplate { return false }
        if same + 1 >= boilerplateLimit {
            markBoilerplate(key)
            return false
        }
        place(UInt64(key) << 32 | UInt64(document + 1))
        return true
    }

    /// Replaces the entries of `key` by its boilerplate mark.
    private mutating func markBoilerplate(_ key: UInt32) {
        while let position = firstPosition(of: key) { remove(at: position) }
        place(UInt64(key) << 32 | Self.boilerplateMark)
    }

    private func firstPosition(of key: UInt32) -> Int? {
        slots.withUnsafeBufferPointer { table in
            let capacity = table.count
            var position = home(of: key)
            var distance = 0
            while true {
                let entry = table[position]
                if entry == 0 { return nil }
                let resident = UInt32(truncatingIfNeeded: entry >> 32)
                if resident == key { return position }
                if Self.distance(at: position, of: resident, capacity: capacity) < distance { return nil }
                position += 1
                if position == capacity { position = 0 }
                distance += 1
            }
        }
    }

    /// Empties the slot at `position` and shifts the rest of its run back by one (backward
    /// shift deletion), which keeps Robin Hood order without tombstones.
    private mutating func remove(at position: Int) {
        slots.withUnsafeMutableBufferPointer { table in
            let capacity = table.count
            var hole = position
            while true {
                var next = hole + 1
                if next == capacity { next = 0 }
                let entry = table[next]
                if entry == 0 || Self.distance(at: next, of: UInt32(truncatingIfNeeded: entry >> 32), capacity: capacity) == 0 {
                    table[hole] = 0
                    break
                }
                table[hole] = entry
                hole = next
            }
        }
        count -= 1
    }

    /// Probe distance of the entry at `position` whose key is `key`: how far it sits past
    /// its home slot.
    @inline(__always)
    static func distance(at position: Int, of key: UInt32, capacity: Int) -> Int {
        let home = home(of: key, capacity: capacity)
        return position >= home ? position - home : position + capacity - home
    }

    /// Reads the cache line of a home slot and the line after it, where a probe from that
    /// home nearly always ends; returns the bits read so that the loads are kept. Called for
    /// every key before any is probed: the loads do not depend on each other, so the
    /// processor overlaps their cache misses instead of taking them one probe at a time.
    @inline(__always)
    static func touch(home: Int, in table: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let nextLine = (home | 7) + 1 // eight slots to a 64-byte line
        return table[home] | (nextLine < table.count ? table[nextLine] : 0)
    }

    /// Calls `body` with each entry indexed under `key` (its boilerplate mark included). Walks the run from the key's home
    /// slot past entries displaced from earlier homes, and stops at an empty slot or at an
    /// entry from a later home (Robin Hood order).
    @inline(__always)
    func forEachEntry(of key: UInt32, _ body: (UInt64) -> Void) {
        slots.withUnsafeBufferPointer { table in
            Self.forEachEntry(of: key, in: table, body)
        }
    }

    @inline(__always)
    static func forEachEntry(of key: UInt32, in table: UnsafeBufferPointer<UInt64>, _ body: (UInt64) -> Void) {
        let capacity = table.count
        var position = home(of: key, capacity: capacity)
        var distance = 0
        while true {
            let entry = table[position]
            if entry == 0 { return }
            let resident = UInt32(truncatingIfNeeded: entry >> 32)
            if resident == key {
                body(entry)
            } else if Self.distance(at: position, of: resident, capacity: capacity) < distance {
                return
            }
            position += 1
            if position == capacity { position = 0 }
            distance += 1
        }
    }

    /// Adds `key → document` for each of `keys`; returns how many were added (boilerplate
    /// keys are not). Like ``lookup(_:hits:boilerplate:)`` it first reads every home slot, so
    /// that the cache misses of a large table overlap.
    mutating func insert(keys: some Collection<UInt32>, document: UInt32) -> Int {
        makeUnique()
        if Double(count + keys.count) > Double(slots.count) * Self.maximumLoad {
            resize(to: max(slots.count + slots.count * 3 / 10, Self.capacity(for: count + keys.count)))
        }
        let touched = slots.withUnsafeBufferPointer { table in
            keys.reduce(UInt64(0)) { $0 | Self.touch(home: Self.home(of: $1, capacity: table.count), in: table) }
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
            for key in keys { touched |= Self.touch(home: home(of: key), in: table) }
            guard touched != 0 else { return }
            for key in keys {
                let before = hits.count
                var boilerplate = false
                Self.forEachEntry(of: key, in: table) { entry in
                    if Self.isMark(entry) {
                        boilerplate = true
                    } else {
                        hits.append(UInt32(truncatingIfNeeded: entry) - 1)
                    }
                }
                if boilerplate {
                    // A mark replaces the hash's entries, so none was appended; kept safe anyway.
                    hits.removeSubrange(before...)
                    found.append(key)
                }
            }
        }
    }

    /// Calls `body` with each (key, document) indexed under `keys` (boilerplate marks left
    /// out), after one pass that reads every home slot, as ``lookup(_:hits:boilerplate:)`` does.
    func forEachHit(of keys: [UInt32], _ body: (UInt32, UInt32) -> Void) {
        slots.withUnsafeBufferPointer { table in
            var touched: UInt64 = 0
            for key in keys { touched |= Self.touch(home: home(of: key), in: table) }
            guard touched != 0 else { return }
            for key in keys {
                Self.forEachEntry(of: key, in: table) { entry in
                    if !Self.isMark(entry) { body(key, UInt32(truncatingIfNeeded: entry) - 1) }
                }
            }
        }
    }

    /// Whether `key → document` is indexed.
    func contains(key: UInt32, document: UInt32) -> Bool {
        state(of: key, document: document) == .indexed
    }

    /// Rebuilds the table, keeping entries whose document `renumber` maps to a new ordinal
    /// (nil drops the entry). Boilerplate stays boilerplate.
    mutating func rebuild(renumber: (UInt32) -> UInt32?) {
        var kept: [UInt64] = []
        kept.reserveCapacity(count)
        slots.withUnsafeBufferPointer { old in
            for entry in old where entry != 0 {
                if Self.isMark(entry) {
                    kept.append(entry)
                } else if let document = renumber(UInt32(truncatingIfNeeded: entry) - 1) {
                    kept.append(entry & 0xFFFF_FFFF_0000_0000 | UInt64(document + 1))
                }
            }
        }
        slots = SlotTable(count: Self.capacity(for: kept.count))
        count = 0
        for entry in kept { place(entry) }
    }

    private mutating func resize(to capacity: Int) {
        let old = slots
        slots = SlotTable(count: capacity)
        count = 0
        old.withUnsafeBufferPointer { old in
            for entry in old where entry != 0 { place(entry) }
        }
    }

    /// Puts `entry` into a table with room for it (and no other owner), keeping Robin Hood
    /// order: walking from its home, it takes the first slot that is empty or holds an entry
    /// closer to its own home, and the displaced entry moves on the same way. Entries of one
    /// home stay in insertion order.
    mutating func place(_ entry: UInt64) {
        slots.withUnsafeMutableBufferPointer { table in
            let capacity = table.count
            var carried = entry
            var position = home(of: UInt32(truncatingIfNeeded: entry >> 32))
            var distance = 0
            while true {
                let resident = table[position]
                if resident == 0 {
                    table[position] = carried
                    return
                }
                let residentDistance = Self.distance(at: position, of: UInt32(truncatingIfNeeded: resident >> 32),
                                                     capacity: capacity)
                if residentDistance < distance {
                    table[position] = carried
                    carried = resident
                    distance = residentDistance
                }
                position += 1
                if position == capacity { position = 0 }
                distance += 1
            }
        }
        count += 1
    }
}
