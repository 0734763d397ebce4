import Glibc
@testable import LoopbackServer
import Testing

/// Ports handed to test servers that bind them later (nginx): distinct within one request,
/// and free again once handed over.
@Suite struct FreePortsTests {
    @Test func portsOfOneRequestAreDistinctAndReleased() throws {
        let ports = try Socket.freePorts(64)
        #expect(ports.count == 64)
        #expect(Set(ports).count == 64)
        // Released: each can be bound again (by the server the port was meant for).
        for port in ports.prefix(8) {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(bound == 0, "port \(port) still held")
        }
    }
}
