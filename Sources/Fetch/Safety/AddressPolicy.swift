#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Which peer addresses a discovered URL may not reach: a hostile feed must not steer the
/// crawler at internal services.
enum AddressPolicy {
    /// Whether `address` is loopback, private, link-local, multicast, unspecified or otherwise
    /// not a public unicast address.
    static func isBlocked(_ address: UnsafePointer<sockaddr>) -> Bool {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
            return isBlocked(ipv4: UInt32(bigEndian: raw))
        case AF_INET6:
            let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
            }
            return isBlocked(ipv6: bytes)
        default:
            return true
        }
    }

    /// IPv4 ranges that are not public unicast (RFC 6890 and friends).
    static func isBlocked(ipv4 address: UInt32) -> Bool {
        let blocked: [(UInt32, Int)] = [
            (0x0000_0000, 8),  // "this" network
            (0x0A00_0000, 8),  // private
            (0x6440_0000, 10),  // carrier-grade NAT
            (0x7F00_0000, 8),  // loopback
            (0xA9FE_0000, 16),  // link-local (cloud metadata lives here)
            (0xAC10_0000, 12),  // private
            (0xC000_0000, 24),  // IETF protocol assignments
            (0xC0A8_0000, 16),  // private
            (0xC612_0000, 15),  // benchmarking
            (0xE000_0000, 4),  // multicast
            (0xF000_0000, 4),  // reserved and broadcast
        ]
        return blocked.contains { network, prefix in
            let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
            return address & mask == network
        }
    }

    /// IPv6: loopback, unspecified, unique-local, link-local, multicast, and IPv4-mapped or
    /// NAT64 addresses whose IPv4 part is blocked.
    static func isBlocked(ipv6 bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return true }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10
        if bytes[0] == 0xFF { return true }  // multicast
        let embedded = UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return isBlocked(ipv4: embedded)  // ::ffff:a.b.c.d
        }
        if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {
            return isBlocked(ipv4: embedded)  // 64:ff9b::/96
        }
        return false
    }
}
