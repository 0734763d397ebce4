extension SampleIndex {
    /// Fills an empty table with `entries` (hash << 32 | ordinal + 1, in ordinal order) and
    /// returns how many entries of each of `documents` documents were indexed.
    ///
    /// Inserting a million texts one hash at a time is a cache miss per hash; here the
    /// entries are radix-sorted by home slot and laid down in one sequential sweep, which a
    /// linear-probing table allows. Boilerplate is decided exactly as by ``insert(key:document:)``:
    /// the stable sort keeps each hash's entries in ordinal order.
    mutating func bulkLoad(_ entries: [UInt64], documents: Int) -> [UInt16] {
        precondition(count == 0, "bulk load into an empty table")
        let capacity = max(slots.count, Self.capacity(for: entries.count))
        let sorted = Self.sortedByHome(entries, capacity: capacity)
        var indexed = [UInt16](repeating: 0, count: documents)
        var overflow: [UInt64] = []
        // Keys kept so far in the current home group: few (one, nearly always), and a
        // boilerplate key stops being kept at the limit, so a linear scan is enough.
        var keptInGroup: [UInt32] = []
        var table = [UInt64](repeating: 0, count: capacity)
        slots = []
        do {
            var nextFree = 0
            var groupStart = 0
            while groupStart < sorted.count {
                let home = Self.home(of: UInt32(truncatingIfNeeded: sorted[groupStart] >> 32), capacity: capacity)
                var groupEnd = groupStart + 1
                while groupEnd < sorted.count,
                      Self.home(of: UInt32(truncatingIfNeeded: sorted[groupEnd] >> 32), capacity: capacity) == home {
                    groupEnd += 1
                }
                keptInGroup.removeAll(keepingCapacity: true)
                for entry in sorted[groupStart..<groupEnd] {
                    let key = UInt32(truncatingIfNeeded: entry >> 32)
                    if isBoilerplate(key) { continue }
                    let seen = keptInGroup.reduce(0) { $0 + ($1 == key ? 1 : 0) }
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
                groupStart = groupEnd
            }
            // Entries pushed past the end wrap to the start, as a probe would.
            var position = 0
            for entry in overflow {
                while table[position] != 0 { position += 1 }
                table[position] = entry
            }
        }
        slots = table
        count = indexed.reduce(0) { $0 + Int($1) }
        return indexed
    }

    /// A stable least-significant-digit radix sort of `entries` by home slot, 11 bits a pass.
    private static func sortedByHome(_ entries: [UInt64], capacity: Int) -> [UInt64] {
        var source = entries
        var target = [UInt64](repeating: 0, count: entries.count)
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
        return source
    }
}
