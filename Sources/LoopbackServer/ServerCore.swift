#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The state shared by the accept thread and the connection threads.
///
/// `@unchecked Sendable`: mutable state lives in ``LockedValue`` boxes or behind `wakeup`'s
/// lock; the rest is immutable.
final class ServerCore: @unchecked Sendable {
    struct State {
        var stopping = false
        var openConnections: Set<Int32> = []
        var runningThreads = 0
        var nextConnectionID = 0
    }

    let listenFD: Int32
    let addedLatency: Duration
    let handler: @Sendable (LoopbackRequest) -> LoopbackResponse
    let state = LockedValue(State())
    let log = LockedValue([LoopbackLogEntry]())
    /// Signalled when the server stops (to cut sleeps short) and when a thread exits.
    private let wakeup = NSCondition()

    init(listenFD: Int32, addedLatency: Duration, handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) {
        self.listenFD = listenFD
        self.addedLatency = addedLatency
        self.handler = handler
    }

    func startAccepting() {
        state.withLock { $0.runningThreads += 1 }
        let thread = Thread { [self] in
            acceptLoop()
            close(listenFD)
            threadExited()
        }
        thread.name = "loopback-accept"
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // shut down by stop(), or a fatal error
            }
            let id: Int? = state.withLock { state in
                guard !state.stopping else { return nil }
                state.openConnections.insert(fd)
                state.runningThreads += 1
                defer { state.nextConnectionID += 1 }
                return state.nextConnectionID
            }
            guard let id else {
                close(fd)
                return
            }
            Socket.disableNagle(fd)
            let thread = Thread { [self] in
                serve(fd: fd, connectionID: id)
                threadExited()
            }
            thread.name = "loopback-conn-\(id)"
            thread.start()
        }
    }

    private func serve(fd: Int32, connectionID: Int) {
        var reader = RequestReader(fd: fd)
        let writer = ResponseWriter(fd: fd, pause: { [self] in pause($0) })
        var index = 0
        var outcome = ResponseWriter.Outcome.close
        while let parsed = reader.next() {
            let request = LoopbackRequest(
                method: parsed.method, path: parsed.path, query: parsed.query, headers: parsed.headers,
                body: parsed.body, connectionID: connectionID, indexOnConnection: index
            )
            // Logged before the handler runs, so a test can see a request its handler is holding.
            let logIndex = log.withLock { log in
                log.append(LoopbackLogEntry(request: request, receivedAt: .now, status: 0))
                return log.count - 1
            }
            let response = handler(request)
            log.withLock { log in
                if logIndex < log.count { log[logIndex].status = response.status }
            }
            index += 1
            guard pause(addedLatency + response.firstByteDelay) else { break }
            outcome = writer.write(response, method: parsed.method, keepAlive: parsed.keepAlive)
            if case .keepOpen = outcome { continue }
            break
        }
        state.withLock { state in
            state.openConnections.remove(fd)
            if case .reset = outcome { Socket.armReset(fd) } else { shutdown(fd, Int32(SHUT_WR)) }
            close(fd)
        }
    }

    /// Sleeps for `duration` unless the server stops first; returns `false` when stopping.
    func pause(_ duration: Duration) -> Bool {
        if duration <= .zero { return !isStopping }
        let (seconds, attoseconds) = duration.components
        let deadline = Date().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        wakeup.lock()
        defer { wakeup.unlock() }
        while !isStopping {
            if !wakeup.wait(until: deadline) { return !isStopping }
        }
        return false
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func threadExited() {
        state.withLock { $0.runningThreads -= 1 }
        wakeup.lock()
        wakeup.broadcast()
        wakeup.unlock()
    }

    func stop() {
        let alreadyStopping = state.withLock { state in
            defer { state.stopping = true }
            if !state.stopping {
                // Wake the accept call and every blocked read; each thread closes its own socket.
                shutdown(listenFD, Int32(SHUT_RDWR))
                for fd in state.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
            }
            return state.stopping
        }
        wakeup.lock()
        wakeup.broadcast()
        // A second caller waits too: stop() promises the threads are gone when it returns.
        _ = alreadyStopping
        while state.withLock({ $0.runningThreads }) > 0 {
            _ = wakeup.wait(until: Date().addingTimeInterval(0.05))
        }
        wakeup.unlock()
    }
}
