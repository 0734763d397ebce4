extension SampleIndex {
    /// Fills an empty table with `entries` (hash << 32 | ordinal + 1, in ordinal order) and
    /// returns how many entries of each of `documents` documents were indexed.
    ///
    /// Inserting a million texts one hash at a time is a cache miss per hash; here the
    /// entries are radix-sorted by home slot and laid down in one sequential sweep, which a
    /// linear-probing table allows, and which yields Robin Hood order by construction.
    /// Boilerplate is decided exactly as by ``insert(key:document:)``: the stable sort keeps
    /// each hash's entries in ordinal order.
    mutating func bulkLoad(_ entries: consuming [UInt64], documents: Int) -> [UInt16] {
        precondition(count == 0, "bulk load into an empty table")
        let capacity = max(slots.count, Self.capacity(for: entries.count))
        slots = SlotTable(count: 1)
        var sorted = entries
        Self.sortByHome(&sorted, capacity: capacity)
        var indexed = [UInt16](repeating: 0, count: documents)
        var overflow: [UInt64] = []
        var laid = 0
        let table = SlotTable(count: capacity)
        // One home group (the entries of one home slot, in ordinal order) at a time: its keys
        // are few (one, nearly always), so counting them by linear scan is enough.
        var group: [UInt64] = []
        var counts: [(key: UInt32, count: Int)] = []
        table.withUnsafeMutableBufferPointer { table in
            var nextFree = 0
            func lay(_ entry: UInt64, home: Int) {
                let position = max(home, nextFree)
                if position < table.count {
                    table[position] = entry
                    nextFree = position + 1
                } else {
                    overflow.append(entry)
                }
                laid += 1
            }
            func layGroup() {
                guard let first = group.first else { return }
                let home = Self.home(of: UInt32(truncatingIfNeeded: first >> 32), capacity: capacity)
                counts.removeAll(keepingCapacity: true)
                // As `insert(key:document:)` would decide, entry by entry: an entry counts as
                // indexed until its key reaches the limit; the key then keeps only its mark.
                for entry in group {
                    let key = UInt32(truncatingIfNeeded: entry >> 32)
                    let slot = counts.firstIndex { $0.key == key } ?? {
                        counts.append((key, 0))
                        return counts.count - 1
                    }()
                    guard counts[slot].count < boilerplateLimit else { continue }
                    counts[slot].count += 1
                    if counts[slot].count < boilerplateLimit {
                        indexed[Int(UInt32(truncatingIfNeeded: entry) - 1)] += 1
                    }
                }
                for entry in group {
                    let key = UInt32(truncatingIfNeeded: entry >> 32)
                    if counts.first(where: { $0.key == key })!.count < boilerplateLimit { lay(entry, home: home) }
                }
                for (key, seen) in counts where seen >= boilerplateLimit {
                    lay(UInt64(key) << 32 | Self.boilerplateMark, home: home)
                }
                group.removeAll(keepingCapacity: true)
            }
            var groupHome = -1
            for entry in sorted {
                let home = Self.home(of: UInt32(truncatingIfNeeded: entry >> 32), capacity: capacity)
                if home != groupHome {
                    layGroup()
                    groupHome = home
                }
                group.append(entry)
            }
            layGroup()
        }
        slots = table
        count = laid - overflow.count
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
