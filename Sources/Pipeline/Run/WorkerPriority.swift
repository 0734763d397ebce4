#if canImport(Glibc)
import Glibc
#endif

/// The extract workers run at a lower CPU priority than the writer.
///
/// The writer commits groups one at a time, in input order, and extraction may run only a
/// bounded window ahead of it; whenever the writer waits for a core, the window fills and the
/// workers soon wait with it. At equal priority the scheduler shares two cores among the two
/// workers and the writer alike, so the writer, the one stage that cannot be split, got about
/// two thirds of a core, and the cores were 165 % busy of 200 %. With the workers `nice`
/// +``increment`` (a scheduler weight of 335 against the writer's 1,024) the writer has a whole
/// core whenever it has work and the workers take all the rest: 179 % busy on the same WARC
/// backfill (docs/performance.md, session 10).
///
/// The workers are tasks on Swift's shared thread pool, so it is the pool's threads that are
/// lowered, each once (an unprivileged process cannot raise a thread's priority back): the
/// process's other async work runs at the same priority as extraction. The writer's queue,
/// libcurl's thread and the main thread keep theirs. A process already started `nice`
/// (systemd `Nice=`) keeps its offset: the workers go ``increment`` below it.
enum WorkerPriority {
    /// How far below the process's priority the workers run.
    static let increment: Int32 = 5

    /// The nice value of the workers: the first caller's (a pool thread not yet lowered) plus
    /// ``increment``, at most 19.
    private static let target: Int32 = min(19, currentNice() + increment)

    /// Lowers the calling thread to the workers' priority (no change when it is there already).
    static func lowerCurrentThread() {
        let target = Self.target
        guard currentNice() < target else { return }
        // A failure (a sandbox refusing setpriority) leaves the thread as it was: slower, not wrong.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(linuxGettid()), target)
    }

    /// The calling thread's nice value (Linux keeps one per thread, addressed by thread ID).
    static func currentNice() -> Int32 {
        // -1 is a valid nice value; errno tells it from a failure, which reads as 0.
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(linuxGettid()))
        return errno == 0 ? value : 0
    }
}

/// `gettid(2)`: declared by glibc only under `_GNU_SOURCE`, which the Swift Glibc module does not
/// set, so the symbol is bound by name (as `malloc_trim` is in ``HeapTrimmer``).
@_silgen_name("gettid")
private func linuxGettid() -> Int32
