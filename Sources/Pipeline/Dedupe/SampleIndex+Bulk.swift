extension SampleIndex {
    /// Fills an empty table with `entries` (hash << 32 | ordinal + 1, in ordinal order) and
    /// returns how many entries of each of `documents` documents were indexed.
    ///
    /// Inserting a million texts one hash at a time is a cache miss per hash; here the
    /// entries are radix-sorted by home slot and laid down in one sequential sweep, which a
    /// linear-probing table allows, and which yields Robin Hood order by construction. Boilerplate is decided exactly as by ``insert(key:document:)``:
    /// the stable sort keeps each hash's entries in ordinal order.
    mutating func bulkLoad(_ entries: consuming [UInt64], documents: Int) -> [UInt16] {
        precondition(count == 0, "bulk load into an empty table")
        let capacity = max(slots.count, Self.capacity(for: entries.count))
        slots = SlotTable(count: 1)
        var sorted = entries
        Self.sortByHome(&sorted, capacity: capacity)
        var indexed = [UInt16](repeating: 0, count: documents)
        var overflow: [UInt64] = []
        // Keys kept so far in the current home group: few (one, nearly always), and a
        // boilerplate key stops being kept at the limit, so a linear scan is enough.
        var keptInGroup: [UInt32] = []
        let table = SlotTable(count: capacity)
        sorted.withUnsafeBufferPointer { sorted in
            table.withUnsafeMutableBufferPointer { table in
                indexed.withUnsafeMutableBufferPointer { indexed in
                    var nextFree = 0
                    var index = 0
                    var groupHome = -1
                    while index < sorted.count {
                        let entry = sorted[index]
                        index += 1
                        let key = UInt32(truncatingIfNeeded: entry >> 32)
                        let home = Self.home(of: key, capacity: capacity)
                        if home != groupHome {
                            groupHome = home
                            keptInGroup.removeAll(keepingCapacity: true)
                        }
                        if isBoilerplate(key) { continue }
                        var seen = 0
                        for kept in keptInGroup where kept == key { seen += 1 }
                        if seen + 1 >= boilerplateLimit {
                            markBoilerplate(key)
                            continue
                        }
                        keptInGroup.append(key)
                        let position = max(home, nextFree)
                        if position < table.count {
                            table[position] = entry
                            nextFree = position + 1
                        } else {
                            overflow.append(entry)
                        }
                        indexed[Int(UInt32(truncatingIfNeeded: entry) - 1)] += 1
                    }
                }
            }
        }
        slots = table
        count = indexed.reduce(0) { $0 + Int($1) } - overflow.count
        // Entries pushed past the end wrap to the start, where Robin Hood order puts them
        // before the entries homed there.
        for entry in overflow { place(entry) }
        return indexed
    }

    /// A stable least-significant-digit radix sort of `entries` by home slot, 11 bits a pass.
    private static func sortByHome(_ source: inout [UInt64], capacity: Int) {
        var target = [UInt64](repeating: 0, count: source.count)
        let bits = max(1, UInt64(capacity - 1).bitWidth - UInt64(capacity - 1).leadingZeroBitCount)
        var shift = 0
        while shift < bits {
            var counts = [Int](repeating: 0, count: 2048)
            for entry in source {
                counts[home(of: UInt32(truncatingIfNeeded: entry >> 32), capacity: capacity) >> shift & 2047] += 1
            }
            var total = 0
            for digit in 0..<2048 {
                let size = counts[digit]
                counts[digit] = total
                total += size
            }
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    for entry in source {
                        let digit = home(of: UInt32(truncatingIfNeeded: entry >> 32), capacity: capacity) >> shift & 2047
                        target[counts[digit]] = entry
                        counts[digit] += 1
                    }
                }
            }
            swap(&source, &target)
            shift += 11
        }
    }
}
