import Synchronization
import Testing
@testable import Pipeline

@Suite("Bounded queue", .timeLimit(.minutes(1)))
struct BoundedQueueTests {
    @Test func deliversInOrderInBatchesAndEndsWhenFinished() async {
        let queue = BoundedQueue<Int>(capacity: 8)
        async let received: [[Int]] = {
            var batches: [[Int]] = []
            while true {
                let batch = await queue.take(upTo: 3)
                if batch.isEmpty { return batches }
                batches.append(batch)
            }
        }()
        for value in 0..<50 { await queue.send(value) }
        queue.finish()
        let batches = await received
        #expect(batches.flatMap { $0 } == Array(0..<50))
        #expect(batches.allSatisfy { $0.count <= 3 })
    }

    @Test func aSenderWaitsWhileTheQueueIsFull() async {
        let queue = BoundedQueue<Int>(capacity: 2)
        let progress = SentCounter()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for value in 0..<5 {
                    await queue.send(value)
                    progress.increment()
                }
                queue.finish()
            }
            // Nothing is taken until two sends went through; the third cannot complete before a take.
            while progress.value < 2 { await Task.yield() }
            for _ in 0..<100 { await Task.yield() }
            #expect(progress.value == 2, "a full queue must hold the sender back")
            var all: [Int] = []
            while true {
                let batch = await queue.take(upTo: 10)
                if batch.isEmpty { break }
                all += batch
            }
            #expect(all == Array(0..<5))
        }
    }

    @Test func manyReceiversShareTheElementsEachTakenOnce() async {
        let queue = BoundedQueue<Int>(capacity: 4)
        let parts = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<3 {
                group.addTask {
                    var mine: [Int] = []
                    while let value = await queue.take(upTo: 1).first { mine.append(value) }
                    return mine
                }
            }
            for value in 0..<300 { await queue.send(value) }
            queue.finish()
            var parts: [[Int]] = []
            for await part in group { parts.append(part) }
            return parts
        }
        #expect(parts.flatMap { $0 }.sorted() == Array(0..<300), "every element reaches exactly one receiver")
        #expect(parts.allSatisfy { $0 == $0.sorted() }, "each receiver takes in the queue's order")
    }

    @Test func finishingWakesEveryWaitingReceiver() async {
        let queue = BoundedQueue<Int>(capacity: 1)
        await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<3 { group.addTask { await queue.take(upTo: 1) } }
            while queue.receiversWaitingCount < 3 { await Task.yield() }
            queue.finish()
            for await batch in group { #expect(batch.isEmpty) }
        }
    }

    @Test func cancelledWaitersReturnInsteadOfHanging() async {
        let queue = BoundedQueue<Int>(capacity: 1)
        await queue.send(1)
        let sender = Task { await queue.send(2) }
        sender.cancel()
        #expect(await sender.value == false, "a cancelled sender drops its element")
        let emptyQueue = BoundedQueue<Int>(capacity: 1)
        let receiver = Task { await emptyQueue.take(upTo: 4) }
        receiver.cancel()
        #expect(await receiver.value.isEmpty)
        #expect(queue.takeAvailable(upTo: 4) == [1])
    }
}

/// A counter the test and a sender task share.
private final class SentCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
