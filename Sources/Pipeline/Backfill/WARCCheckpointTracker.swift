import Normalize

/// The resumable position of a WARC file while its records flow through the stages out of
/// order: the low-watermark before which every record has been committed or deliberately
/// skipped.
///
/// The reader issues each page it sends an ordinal, with the position just after its record;
/// records it drops (not articles, known URLs) extend the coverage of the page before them.
/// The writer completes ordinals as their groups commit, in any order; the watermark moves
/// only over a run of completed ordinals, so a checkpoint saved at it never skips a record
/// still in flight. A failed commit freezes the watermark for the rest of the pass: the next
/// start reads again from before the failed records.
///
/// Memory is bounded by the pages in flight (the stages' channels and workers), not by the
/// file's size.
final class WARCCheckpointTracker: Sendable {
    private struct Open {
        var ordinal: Int
        /// Where reading resumes once this page and everything before it are done.
        var through: WARCPosition
        var url: String
    }

    private struct State {
        /// Issued, not yet retired, in ordinal order; `head` is the oldest.
        var open: [Open] = []
        var head = 0
        var completed = Set<Int>()
        var nextOrdinal = 0
        /// Canonical URLs of open pages, with how many pages carry each.
        var urlsInFlight: [String: Int] = [:]
        var watermark: WARCPosition
        var failed = false
    }

    private let state: Locked<State>

    /// A tracker for a file whose reading starts at `start` (its last checkpoint).
    init(start: WARCPosition) {
        state = Locked(State(watermark: start))
    }

    /// Registers a page about to be sent, whose record ends at `through`. Returns its ordinal,
    /// or nil when a page of the same URL is still in flight (a URL captured twice): the caller
    /// then drops this one and calls ``skip(through:)``.
    /// `allowRepeat` issues a URL that is still in flight too (re-extraction: the ordered
    /// writer compares the second capture with the first once that is committed, so the
    /// outcome does not depend on timing).
    func issue(url: String, through position: WARCPosition, allowRepeat: Bool = false) -> Int? {
        state.withLock { state in
            guard allowRepeat || state.urlsInFlight[url] == nil else { return nil }
            let ordinal = state.nextOrdinal
            state.nextOrdinal += 1
            state.open.append(Open(ordinal: ordinal, through: position, url: url))
            state.urlsInFlight[url, default: 0] += 1
            return ordinal
        }
    }

    /// Records up to `position` were read and dropped without a page: they are done as soon as
    /// the pages before them are.
    func skip(through position: WARCPosition) {
        state.withLock { state in
            if state.head < state.open.count {
                state.open[state.open.count - 1].through = position
            } else if !state.failed {
                state.watermark = max(state.watermark, position)
            }
        }
    }

    /// Marks ordinals done (their group was committed) and returns the new watermark when it
    /// moved.
    func complete(_ ordinals: [Int]) -> WARCPosition? {
        state.withLock { state in
            guard !state.failed else { return nil }
            state.completed.formUnion(ordinals)
            let before = state.watermark
            while state.head < state.open.count, state.completed.remove(state.open[state.head].ordinal) != nil {
                let retired = state.open[state.head]
                state.watermark = max(state.watermark, retired.through)
                if let count = state.urlsInFlight[retired.url], count > 1 {
                    state.urlsInFlight[retired.url] = count - 1
                } else {
                    state.urlsInFlight[retired.url] = nil
                }
                state.head += 1
            }
            // Compact now and then, so the array does not grow with the file.
            if state.head == state.open.count {
                state.open.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 256 {
                state.open.removeFirst(state.head)
                state.head = 0
            }
            return state.watermark == before ? nil : state.watermark
        }
    }

    /// A group could not be committed: the watermark stays where it is for the rest of the
    /// pass, and nothing more is tracked.
    func fail() {
        state.withLock { state in
            state.failed = true
            state.open = []
            state.head = 0
            state.completed = []
            state.urlsInFlight = [:]
        }
    }

    var hasFailed: Bool { state.withLock { $0.failed } }

    /// Every record before it is committed or deliberately skipped.
    var watermark: WARCPosition { state.withLock { $0.watermark } }

    /// Pages issued and not yet retired.
    var inFlight: Int { state.withLock { $0.open.count - $0.head } }
}
