import Dispatch

/// Hands the heap's free pages back to the kernel now and then (`malloc_trim`), from the
/// writer between commit groups.
///
/// A pass allocates and frees page bodies, trees and texts on several threads for minutes to
/// hours. glibc keeps freed memory in each thread's arena, and fragmentation makes the
/// resident size creep up with the length of the pass even though nothing stays allocated:
/// a 10x longer end-to-end pass peaked 11–33 MB higher over eight runs. `malloc_trim(0)`
/// returns whole free pages anywhere in the heaps; on a heap of ~100 MB it takes a few
/// milliseconds, so it runs at most once per ``interval``.
final class HeapTrimmer: @unchecked Sendable {
    // @unchecked: used by the writer only, one group at a time (on its serial queue).
    private var last = DispatchTime.now()
    static let interval: UInt64 = 2_000_000_000

    func trimIfDue() {
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - last.uptimeNanoseconds >= Self.interval else { return }
        last = now
        _ = glibcMallocTrim(0)
    }
}

/// `malloc_trim(3)`: declared in `<malloc.h>`, which the Swift Glibc module does not include,
/// so the symbol is bound by name (as `syncfs` is in `DurableFile`).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
