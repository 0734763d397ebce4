import Foundation

/// A fixed-size, zero-filled array of 8-byte slots in a memory mapping of its own: the
/// storage of ``SampleIndex``.
///
/// Why not `[UInt64]`: every lookup in the index is a random access into a table of tens to
/// hundreds of megabytes. With 4 KB pages almost each of them also misses the TLB and pays a
/// page walk, which is what made query time grow from 10k to 1M indexed texts. Tables of
/// ``hugePageThreshold`` or more are mapped at a 2 MB boundary and offered to the kernel as
/// transparent huge pages (`madvise(MADV_HUGEPAGE)`, which works when THP is in `madvise` or
/// `always` mode and is a harmless hint otherwise), so the whole table needs a few hundred TLB
/// entries. A fresh mapping is zero-filled by the kernel on first touch, so allocating a large
/// empty table costs nothing until it is used.
///
/// The class is the only owner of the mapping; it unmaps it in `deinit`. Not thread-safe.
final class SlotTable {
    /// Number of slots.
    let count: Int
    private let base: UnsafeMutablePointer<UInt64>
    /// The mapping as returned by `mmap`, for `munmap`.
    private let mapping: UnsafeMutableRawPointer
    private let mappedBytes: Int

    /// Tables at least this large get huge pages.
    static let hugePageThreshold = 4 << 20
    static let hugePageSize = 2 << 20

    /// A table of `count` zero slots. Stops the process when memory cannot be mapped, like an
    /// array allocation would.
    init(count: Int) {
        precondition(count > 0, "a slot table has at least one slot")
        self.count = count
        let bytes = count * MemoryLayout<UInt64>.stride
        let huge = bytes >= Self.hugePageThreshold
        // For huge pages, map one page more and unmap the unaligned ends.
        let request = huge ? Self.roundUp(bytes, to: Self.hugePageSize) + Self.hugePageSize : bytes
        guard let raw = mmap(nil, request, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != UnsafeMutableRawPointer(bitPattern: -1)
        else { fatalError("cannot map \(request) bytes for the dedupe index: errno \(errno)") }
        guard huge else {
            mapping = raw
            mappedBytes = request
            base = raw.bindMemory(to: UInt64.self, capacity: count)
            return
        }
        let address = Int(bitPattern: raw)
        let aligned = Self.roundUp(address, to: Self.hugePageSize)
        let size = Self.roundUp(bytes, to: Self.hugePageSize)
        if aligned > address { munmap(raw, aligned - address) }
        let tail = address + request - (aligned + size)
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + size), tail) }
        let start = UnsafeMutableRawPointer(bitPattern: aligned)!
        _ = madvise(start, size, Int32(MADV_HUGEPAGE))
        mapping = start
        mappedBytes = size
        base = start.bindMemory(to: UInt64.self, capacity: count)
    }

    deinit {
        munmap(mapping, mappedBytes)
    }

    /// Bytes mapped (what the table costs once every page has been touched).
    var memoryBytes: Int { mappedBytes }

    @inline(__always)
    subscript(position: Int) -> UInt64 {
        get {
            assert(position >= 0 && position < count)
            return base[position]
        }
        set {
            assert(position >= 0 && position < count)
            base[position] = newValue
        }
    }

    /// Calls `body` with the slots, read-only, for loops that must not pay a bounds check or a
    /// retain per access. The buffer must not escape `body`.
    @inline(__always)
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt64>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// Calls `body` with the slots, writable. The buffer must not escape `body`.
    @inline(__always)
    func withUnsafeMutableBufferPointer<Result>(_ body: (UnsafeMutableBufferPointer<UInt64>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(UnsafeMutableBufferPointer(start: base, count: count)) }
    }

    /// A table with the same slots.
    func copy() -> SlotTable {
        let copy = SlotTable(count: count)
        copy.base.update(from: base, count: count)
        return copy
    }

    private static func roundUp(_ value: Int, to multiple: Int) -> Int {
        (value + multiple - 1) / multiple * multiple
    }
}
