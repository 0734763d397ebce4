/// Keeps freed heap memory in the process through a batch extraction, instead of handing it
/// back to the kernel after every page and faulting it in again for the next.
///
/// Each page needs a few buffers of hundreds of KiB (the inflated page, its prefiltered copy,
/// the tree's arrays). By default glibc serves blocks that large with `mmap` and unmaps them
/// on free, and trims the top of the heap once a page's memory is released, so every page
/// paid for fresh, zeroed pages: about 30 page faults a page over extraction-dev, which more
/// than doubled the kernel time of a batch. Fixed thresholds (mmap only above 32 MiB, the
/// most glibc accepts; trim only above 256 MiB) let page after page reuse the same memory.
/// The command is short-lived and holds a few pages at a time, so what it keeps is bounded
/// by its peak.
enum BatchHeapRetention {
    /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` of `<malloc.h>`.
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    static func keepFreedMemory() {
        _ = glibcMallopt(mmapThreshold, 32 << 20)
        _ = glibcMallopt(trimThreshold, 256 << 20)
    }
}

/// `mallopt(3)`: declared in `<malloc.h>`, which the Swift Glibc module does not include, so
/// the symbol is bound by name (as `malloc_trim` is in `HeapTrimmer`).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
