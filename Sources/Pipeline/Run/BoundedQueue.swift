
/// A bounded first-in, first-out buffer between two stages: many senders, many receivers.
///
/// Unlike a rendezvous channel, up to `capacity` elements wait here while the receivers are
/// busy, so a writer that pauses for a file-system flush does not stall the workers feeding
/// it, and workers find pages ready however the producer's turns fall; a receiver may take
/// whatever has gathered as one batch (group commit). A sender waits while the buffer is
/// full, so memory stays bounded however far ahead the senders are.
///
/// Cancellation: a waiting sender gives up (its element is dropped) and a waiting receiver
/// returns what there is, so a cancelled stage never hangs.
final class BoundedQueue<Element: Sendable>: Sendable {
    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var items: [Element] = []
        /// Index of the oldest element in `items` (taken elements are compacted away in bulk).
        var head = 0
        var finished = false
        var sendersWaiting: [Waiter] = []
        var receiversWaiting: [Waiter] = []
        var nextWaiterID = 0

        var count: Int { items.count - head }
    }

    private enum SendStep {
        case sent(wake: CheckedContinuation<Void, Never>?)
        case dropped
        case wait
    }

    let capacity: Int
    private let state: Locked<State>

    init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue holds at least one element")
        self.capacity = capacity
        state = Locked(State())
    }

    /// Appends `element`, waiting while the queue is full. Returns false (dropping the element)
    /// when the queue was finished or the task cancelled.
    @discardableResult
    func send(_ element: Element) async -> Bool {
        while true {
            let step: SendStep = state.withLock { state in
                if state.finished || Task.isCancelled { return .dropped }
                guard state.count < capacity else { return .wait }
                state.items.append(element)
                // One element, one receiver woken (a receiver that finds it taken waits again).
                guard !state.receiversWaiting.isEmpty else { return .sent(wake: nil) }
                return .sent(wake: state.receiversWaiting.removeFirst().continuation)
            }
            switch step {
            case .sent(let receiver):
                receiver?.resume()
                return true
            case .dropped:
                return false
            case .wait:
                await waitForSpace()
            }
        }
    }

    /// No more elements will be sent: the receiver gets what is left, then an empty batch.
    func finish() {
        let woken: [Waiter] = state.withLock { state in
            state.finished = true
            let woken = state.sendersWaiting + state.receiversWaiting
            state.sendersWaiting = []
            state.receiversWaiting = []
            return woken
        }
        woken.forEach { $0.continuation.resume() }
    }

    /// Up to `limit` elements, oldest first, waiting until at least one is there. Empty once the
    /// queue is finished and drained (or the task was cancelled while nothing was there).
    func take(upTo limit: Int) async -> [Element] {
        while true {
            let batch = takeAvailable(upTo: limit)
            if !batch.isEmpty { return batch }
            if state.withLock({ $0.finished }) || Task.isCancelled { return [] }
            await waitForElements()
        }
    }

    /// Up to `limit` elements already waiting, without waiting for more.
    func takeAvailable(upTo limit: Int) -> [Element] {
        let (batch, woken): ([Element], [Waiter]) = state.withLock { state in
            let count = min(limit, state.count)
            guard count > 0 else { return ([], []) }
            let batch = Array(state.items[state.head..<(state.head + count)])
            state.head += count
            if state.head == state.items.count {
                state.items.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= capacity {
                state.items.removeFirst(state.head)
                state.head = 0
            }
            let woken = state.sendersWaiting
            state.sendersWaiting = []
            return (batch, woken)
        }
        woken.forEach { $0.continuation.resume() }
        return batch
    }

    /// Receivers waiting for an element now.
    var receiversWaitingCount: Int { state.withLock { $0.receiversWaiting.count } }

    // MARK: Waiting

    private func waitForSpace() async {
        await wait(
            park: { state, waiter in
                // Space may have appeared (or the queue finished, or a cancel came) since the
                // caller looked: then no one would wake this waiter.
                if state.count < self.capacity || state.finished || Task.isCancelled { return false }
                state.sendersWaiting.append(waiter)
                return true
            },
            unpark: { @Sendable state, id in
                guard let index = state.sendersWaiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sendersWaiting.remove(at: index)
            })
    }

    private func waitForElements() async {
        await wait(
            park: { state, waiter in
                if state.count > 0 || state.finished || Task.isCancelled { return false }
                state.receiversWaiting.append(waiter)
                return true
            },
            unpark: { @Sendable state, id in
                guard let index = state.receiversWaiting.firstIndex(where: { $0.id == id }) else { return nil }
                return state.receiversWaiting.remove(at: index)
            })
    }

    /// Suspends until woken: `park` registers the waiter under the lock, or returns false when
    /// there is no need to wait; on cancellation `unpark` takes the waiter back out (nil if it
    /// was woken already) so that it can be resumed here.
    private func wait(park: (inout State, Waiter) -> Bool,
                      unpark: @escaping @Sendable (inout State, Int) -> Waiter?) async {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let parked = state.withLock { park(&$0, Waiter(id: id, continuation: continuation)) }
                if !parked { continuation.resume() }
            }
        } onCancel: {
            state.withLock { unpark(&$0, id) }?.continuation.resume()
        }
    }
}
