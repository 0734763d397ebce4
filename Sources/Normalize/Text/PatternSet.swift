/// Finds which of many short byte patterns occur in a string, in one scan.
///
/// Patterns are bucketed by their first two bytes; a scan looks up each position's two-byte
/// key in a 64 Ki table and compares only the few patterns of that bucket. For the class/id
/// vocabulary (about a hundred words, probed on thousands of elements per page) this is an
/// order of magnitude cheaper than a substring search per pattern. A bitmap of the keys in use
/// (8 KiB, one bit per key) is probed first: most positions start no pattern, and the bitmap
/// stays in the first-level cache where the 256 KiB table of heads does not.
struct PatternSet: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var group: UInt8
    }

    /// For each two-byte key: start (high 16 bits) and count (low 16 bits) in `entries`.
    private let heads: [UInt32]
    private let entries: [Entry]
    /// Bit `key & 63` of word `key >> 6` is set when `heads[key]` is not empty.
    private let used: [UInt64]

    /// `groups[i]` lists the patterns reported as bit `i`.
    init(groups: [[String]]) {
        var buckets = [[Entry]](repeating: [], count: 1 << 16)
        for (group, patterns) in groups.enumerated() {
            for pattern in patterns {
                let bytes = Array(pattern.utf8)
                precondition(bytes.count >= 2, "patterns need two bytes")
                buckets[Int(bytes[0]) << 8 | Int(bytes[1])].append(Entry(bytes: bytes, group: UInt8(group)))
            }
        }
        var heads = [UInt32](repeating: 0, count: 1 << 16)
        var entries: [Entry] = []
        var used = [UInt64](repeating: 0, count: 1 << 10)
        for key in 0..<(1 << 16) where !buckets[key].isEmpty {
            heads[key] = UInt32(entries.count) << 16 | UInt32(buckets[key].count)
            entries.append(contentsOf: buckets[key])
            used[key >> 6] |= 1 << UInt64(key & 63)
        }
        self.heads = heads
        self.entries = entries
        self.used = used
    }

    /// Bit set of the groups with at least one pattern in `haystack`.
    func groups(in haystack: ArraySlice<UInt8>) -> UInt32 {
        guard haystack.count >= 2 else { return 0 }
        var found: UInt32 = 0
        haystack.withUnsafeBufferPointer { buffer in
            heads.withUnsafeBufferPointer { heads in
                used.withUnsafeBufferPointer { used in
                    var index = 0
                    let last = buffer.count - 1
                    while index < last {
                        let key = Int(buffer[index]) << 8 | Int(buffer[index + 1])
                        if used[key >> 6] & (1 << UInt64(key & 63)) == 0 {
                            index += 1
                            continue
                        }
                        let head = heads[key]
                        if head != 0 {
                            let start = Int(head >> 16), count = Int(head & 0xFFFF)
                            for entryIndex in start..<start + count {
                                let entry = entries[entryIndex]
                                if found & (1 << UInt32(entry.group)) != 0 { continue }
                                let length = entry.bytes.count
                                guard index + length <= buffer.count else { continue }
                                var same = true
                                var offset = 2
                                while offset < length {
                                    if buffer[index + offset] != entry.bytes[offset] {
                                        same = false
                                        break
                                    }
                                    offset += 1
                                }
                                if same { found |= 1 << UInt32(entry.group) }
                            }
                        }
                        index += 1
                    }
                }
            }
        }
        return found
    }
}
