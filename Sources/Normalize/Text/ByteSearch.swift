import Glibc

/// Substring search on UTF-8 bytes; `memmem` is vectorised in glibc, which matters because
/// class/id hints are probed many times per page.
enum ByteSearch {
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        guard haystack.count >= needle.utf8CodeUnitCount, let base = haystack.baseAddress else {
            return false
        }
        return find(base, haystack.count, needle.utf8Start, needle.utf8CodeUnitCount)
    }

    /// First-byte scan with `memchr` (vectorised), then `memcmp` on each hit.
    @inline(__always)
    private static func find(_ haystack: UnsafePointer<UInt8>, _ count: Int,
                             _ needle: UnsafePointer<UInt8>, _ needleCount: Int) -> Bool {
        let first = Int32(needle[0])
        var position = 0
        let last = count - needleCount
        while position <= last {
            guard let hit = memchr(haystack + position, first, last - position + 1) else { return false }
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(haystack)
            if memcmp(haystack + offset, needle, needleCount) == 0 { return true }
            position = offset + 1
        }
        return false
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// Case-insensitive ASCII search over at most the first `limit` bytes.
    static func containsIgnoringCase(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count > 0, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] | 0x20 == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] | 0x20 == needle[offset] {
                    offset += 1
                }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
