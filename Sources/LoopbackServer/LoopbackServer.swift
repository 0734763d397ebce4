public import Foundation

/// A small HTTP/1.1 server on POSIX sockets for tests, demos and benchmarks.
///
/// It listens on a loopback address (any of 127.0.0.0/8 works on Linux, which lets one test
/// simulate several hosts) on a port the kernel picks, serves each connection on its own thread
/// with keep-alive, and answers through a handler closure. Responses can misbehave on purpose
/// (see ``LoopbackResponse``). Every request is logged with its arrival time (``requestLog``).
///
/// ```swift
/// let server = try LoopbackServer { request in .ok("<p>hello</p>") }
/// defer { server.stop() }
/// let url = server.url("/index.html")
/// ```
public final class LoopbackServer: Sendable {
    /// The address the server listens on, e.g. `127.0.0.1`.
    public let host: String
    /// The port the kernel assigned.
    public let port: Int
    private let core: ServerCore

    /// Starts a server on `host`, port 0, answering with `handler`.
    ///
    /// - Parameters:
    ///   - host: An IPv4 loopback address.
    ///   - addedLatency: Extra wait before every response's first byte (benchmarks use it to
    ///     model a distant server).
    ///   - handler: Called on a connection thread for every request.
    public init(
        host: String = "127.0.0.1",
        addedLatency: Duration = .zero,
        handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse
    ) throws {
        let (fd, port) = try Socket.makeListener(host: host, backlog: 1024)
        self.host = host
        self.port = port
        core = ServerCore(listenFD: fd, addedLatency: addedLatency, handler: handler)
        core.startAccepting()
    }

    /// Starts a server that serves `site`.
    public convenience init(host: String = "127.0.0.1", addedLatency: Duration = .zero, site: LoopbackSite) throws {
        try self.init(host: host, addedLatency: addedLatency) { site.respond(to: $0) }
    }

    deinit { core.stop() }

    /// `http://host:port` without a trailing slash.
    public var origin: String { "http://\(host):\(port)" }

    /// The absolute URL of `path` (which should start with `/`) on this server.
    public func url(_ path: String) -> URL {
        URL(string: origin + path)!
    }

    /// Every request received so far, in arrival order.
    public var requestLog: [LoopbackLogEntry] { core.log.withLock { $0 } }

    /// The logged requests for one path.
    public func requests(for path: String) -> [LoopbackLogEntry] {
        requestLog.filter { $0.request.path == path }
    }

    /// The number of TCP connections accepted so far.
    public var connectionCount: Int { core.state.withLock { $0.nextConnectionID } }

    /// Forgets the request log (the connection count is kept).
    public func clearLog() { core.log.withLock { $0.removeAll() } }

    /// Stops accepting, closes every connection and waits for the server's threads to finish.
    /// Safe to call more than once.
    public func stop() { core.stop() }
}
