#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

extension Socket {
    /// `count` distinct loopback ports, released together for another server to bind. Each is
    /// held until all are taken: a port released at once can be handed out again by the next
    /// request, and two servers of one nginx configuration on the same port answer with the
    /// first one's certificate (the unknown-CA server answered as the wrong-host one).
    static func freePorts(_ count: Int, host: String = "127.0.0.1") throws -> [Int] {
        var held: [Int32] = []
        defer { held.forEach { close($0) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let (fd, port) = try makeListener(host: host, backlog: 1)
            held.append(fd)
            ports.append(port)
        }
        return ports
    }

    /// Whether something accepts TCP connections on `host`:`port` now.
    static func canConnect(host: String, port: Int) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return false }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return connected == 0
    }
}
