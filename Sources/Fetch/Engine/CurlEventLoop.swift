internal import CCurl
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One libcurl multi handle driven by one thread: an epoll loop that feeds socket readiness and
/// timer expiry to `curl_multi_socket_action` and drains finished transfers with
/// `curl_multi_info_read`.
///
/// Every libcurl call happens on the loop thread. Other threads talk to it only through
/// ``enqueue(_:)``, which appends a job and wakes the loop through an eventfd.
///
/// `@unchecked Sendable`: `jobs` and `stopping` are guarded by `lock`; everything else is
/// confined to the loop thread.
final class CurlEventLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let epollFD: Int32
    private let wakeFD: Int32
    private let lock = NSLock()
    private var jobs: [() -> Void] = []
    private var stopping = false
    private var finished: CheckedContinuation<Void, Never>?
    private var threadExited = false

    // Loop-thread state.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var watched: Set<Int32> = []
    private var timerDeadline: ContinuousClock.Instant?
    private var shuttingDown = false

    init(connectionCacheSize: Int) {
        Curl.globalInit()
        multi = curl_multi_init()
        epollFD = cd_epoll_create()
        wakeFD = cd_eventfd()
        cd_epoll_add(epollFD, wakeFD, 1, 0)

        let context = Unmanaged.passUnretained(self).toOpaque()
        cd_multi_setopt_socket_callback(multi, { _, socket, what, userp, _ in
            Unmanaged<CurlEventLoop>.fromOpaque(userp!).takeUnretainedValue().watch(socket: socket, what: what)
            return 0
        })
        cd_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        cd_multi_setopt_timer_callback(multi, { _, timeoutMs, userp in
            Unmanaged<CurlEventLoop>.fromOpaque(userp!).takeUnretainedValue().setTimer(milliseconds: timeoutMs)
            return 0
        })
        cd_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        cd_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(4, connectionCacheSize))
        cd_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))

        // The thread keeps the loop alive until shutdown; that is the only strong cycle.
        let thread = Thread { [self] in run() }
        thread.name = "copydesk-curl"
        thread.start()
    }

    deinit {
        curl_multi_cleanup(multi)
        close(epollFD)
        close(wakeFD)
    }

    /// Runs `transfer` to completion. Cancelling the calling task removes it from the multi
    /// handle at once; a cancel that arrives before the transfer was attached is honoured too.
    func perform(_ transfer: CurlTransfer) async -> TransferResult {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                enqueue({ [self] in attach(transfer, continuation) }, orIfStopped: {
                    continuation.resume(returning: .failure(.cancelled))
                })
            }
        } onCancel: {
            // Once stopping, the loop abandons every attached transfer itself.
            enqueue({ [self] in cancel(transfer) }, orIfStopped: {})
        }
    }

    /// Abandons every transfer (they finish with ``FetchError/cancelled``), stops the thread and
    /// waits for it.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if threadExited {
                lock.unlock()
                continuation.resume()
                return
            }
            finished = continuation
            stopping = true
            lock.unlock()
            wake()
        }
    }

    /// Asks the loop to stop without waiting (used from the client's `deinit`).
    func requestStop() {
        lock.lock()
        stopping = true
        lock.unlock()
        wake()
    }

    /// Hands `job` to the loop thread, or runs `fallback` here when the loop is stopping (the
    /// fallback must not touch libcurl: only the loop thread does).
    private func enqueue(_ job: @escaping () -> Void, orIfStopped fallback: () -> Void) {
        lock.lock()
        let rejected = stopping
        if !rejected { jobs.append(job) }
        lock.unlock()
        if rejected { fallback() } else { wake() }
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    // MARK: Loop thread

    private func run() {
        var readyFDs = [Int32](repeating: 0, count: 128)
        var readyFlags = [Int32](repeating: 0, count: 128)
        while true {
            lock.lock()
            let pending = jobs
            jobs.removeAll()
            let stop = stopping
            lock.unlock()
            for job in pending { job() }
            if stop { break }

            let count = cd_epoll_wait(epollFD, &readyFDs, &readyFlags, Int32(readyFDs.count), epollTimeout())
            var running: Int32 = 0
            for index in 0..<Int(max(0, count)) {
                let fd = readyFDs[index]
                if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                    continue
                }
                curl_multi_socket_action(multi, fd, readyFlags[index], &running)
            }
            if let deadline = timerDeadline, ContinuousClock.now >= deadline {
                timerDeadline = nil
                curl_multi_socket_action(multi, CURL_SOCKET_BAD, 0, &running)
            }
            collectFinished()
        }
        abandonAll()
        lock.lock()
        // Jobs that raced with the stop still hold continuations; run them, now rejected.
        let leftovers = jobs
        jobs.removeAll()
        threadExited = true
        let waiter = finished
        lock.unlock()
        for job in leftovers { job() }
        waiter?.resume()
    }

    private func epollTimeout() -> Int32 {
        guard let deadline = timerDeadline else { return -1 }
        let remaining = deadline - ContinuousClock.now
        if remaining <= .zero { return 0 }
        // Round up so the loop does not spin just before the deadline.
        return Int32(min(60_000, remaining.milliseconds + 1))
    }

    private func attach(_ transfer: CurlTransfer, _ continuation: CheckedContinuation<TransferResult, Never>) {
        lock.lock()
        let stop = stopping
        lock.unlock()
        if transfer.cancelledBeforeStart || stop || shuttingDown {
            continuation.resume(returning: .failure(.cancelled))
            return
        }
        transfer.continuation = continuation
        active[transfer.easy] = transfer
        let code = curl_multi_add_handle(multi, transfer.easy)
        if code != CURLM_OK {
            active[transfer.easy] = nil
            transfer.continuation = nil
            continuation.resume(returning: .failure(.other("curl_multi_add_handle: \(String(cString: curl_multi_strerror(code)))")))
        }
    }

    private func cancel(_ transfer: CurlTransfer) {
        guard let continuation = transfer.continuation else {
            transfer.cancelledBeforeStart = true
            return
        }
        curl_multi_remove_handle(multi, transfer.easy)
        active[transfer.easy] = nil
        transfer.continuation = nil
        continuation.resume(returning: .failure(.cancelled))
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = cd_msg_result(message)
            guard let transfer = active.removeValue(forKey: easy) else { continue }
            curl_multi_remove_handle(multi, easy)
            let result = transfer.result(code: code)
            let continuation = transfer.continuation
            transfer.continuation = nil
            continuation?.resume(returning: result)
        }
    }

    private func abandonAll() {
        shuttingDown = true
        for transfer in active.values { cancel(transfer) }
        active.removeAll()
    }

    private func watch(socket: curl_socket_t, what: Int32) {
        if what == CURL_POLL_REMOVE {
            if watched.remove(socket) != nil { cd_epoll_del(epollFD, socket) }
            return
        }
        let wantIn: Int32 = what == CURL_POLL_IN || what == CURL_POLL_INOUT ? 1 : 0
        let wantOut: Int32 = what == CURL_POLL_OUT || what == CURL_POLL_INOUT ? 1 : 0
        let modify = watched.contains(socket)
        let status = modify ? cd_epoll_mod(epollFD, socket, wantIn, wantOut) : cd_epoll_add(epollFD, socket, wantIn, wantOut)
        if status != 0 {
            // The descriptor number was closed and reused behind our back; fix the registration.
            if errno == EEXIST { cd_epoll_mod(epollFD, socket, wantIn, wantOut) } else { cd_epoll_add(epollFD, socket, wantIn, wantOut) }
        }
        watched.insert(socket)
    }

    private func setTimer(milliseconds: Int) {
        timerDeadline = milliseconds < 0 ? nil : ContinuousClock.now + .milliseconds(milliseconds)
    }
}
