/// Sorts 32-bit hashes and drops repeats: least-significant-digit radix sort, four passes of
/// one byte. For the few hundred hashes of an article it is several times faster than the
/// standard library's comparison sort, which dominated fingerprinting.
enum RadixSort {
    static func sortedUnique(_ values: [UInt32]) -> [UInt32] {
        let count = values.count
        guard count > 1 else { return values }
        var counts = [Int](repeating: 0, count: 4 * 256)
        var scratch = [UInt32](repeating: 0, count: count)
        var data = values
        counts.withUnsafeMutableBufferPointer { counts in
            data.withUnsafeMutableBufferPointer { data in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for value in data {
                        counts[Int(value & 0xFF)] += 1
                        counts[256 + Int(value >> 8 & 0xFF)] += 1
                        counts[512 + Int(value >> 16 & 0xFF)] += 1
                        counts[768 + Int(value >> 24)] += 1
                    }
                    var source = data
                    var target = scratch
                    for pass in 0..<4 {
                        let base = pass * 256
                        var total = 0
                        for digit in 0..<256 {
                            let size = counts[base + digit]
                            counts[base + digit] = total
                            total += size
                        }
                        let shift = UInt32(pass * 8)
                        for value in source {
                            let slot = base + Int(value >> shift & 0xFF)
                            target[counts[slot]] = value
                            counts[slot] += 1
                        }
                        swap(&source, &target)
                    }
                    // After an even number of passes the sorted values are back in `data`.
                }
            }
        }
        var unique = 0
        data.withUnsafeMutableBufferPointer { data in
            for index in 0..<count where index == 0 || data[index] != data[unique - 1] {
                data[unique] = data[index]
                unique += 1
            }
        }
        data.removeLast(count - unique)
        return data
    }
}
