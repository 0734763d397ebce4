import Foundation

/// Hands out the pages of a batch one index at a time to long-lived workers.
///
/// One task per page made the task group wake the waiting loop and start a new task after
/// every page: about one thread switch per page (908 over 848 pages), each a hand-off between
/// threads that sleep and wake. With a worker per job pulling the next index itself, a job
/// runs page after page on one thread.
final class PageCursor: @unchecked Sendable {
    // @unchecked: `next` is only read and written under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next page's index, or nil when every page has been handed out.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
