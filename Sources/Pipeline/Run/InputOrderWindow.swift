
/// Admission for an ordered input: page `n` may start extraction only once every page before
/// `n - size` is committed, so the pages an ordered writer must hold back while it waits for a
/// slow one stay bounded, and the writer never has to stop draining (which could deadlock the
/// stage between them).
final class InputOrderWindow: Sendable {
    private struct State {
        var committedThrough = -1
        var waiters: [(ordinal: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var closed = false
    }

    let size: Int
    private let state = Locked(State())

    init(size: Int) {
        self.size = max(1, size)
    }

    /// Waits until `ordinal` fits in the window (or the window is closed).
    func admit(_ ordinal: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.closed || ordinal <= state.committedThrough + size { return true }
                state.waiters.append((ordinal, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Every ordinal up to `ordinal` is committed (or given up).
    func committed(through ordinal: Int) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.committedThrough = max(state.committedThrough, ordinal)
            let limit = state.committedThrough + size
            let ready = state.waiters.filter { $0.ordinal <= limit }.map(\.continuation)
            state.waiters.removeAll { $0.ordinal <= limit }
            return ready
        }
        ready.forEach { $0.resume() }
    }

    /// Admissions waiting now.
    var waitingCount: Int { state.withLock { $0.waiters.count } }

    /// Lets everyone through: the writer stopped (a failure or the end), nobody may wait forever.
    func close() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        waiting.forEach { $0.resume() }
    }
}
