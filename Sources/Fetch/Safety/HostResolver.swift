#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Dispatch
import Foundation

/// Resolves a host name up front, for the one case where the open-socket check cannot see the
/// target: a proxy, where libcurl connects to the proxy and the proxy resolves the target.
enum HostResolver {
    /// `true` when any address of `host` is blocked. A name that does not resolve here is left
    /// to the proxy, which may see a different DNS.
    static func resolvesToBlockedAddress(_ host: String) async -> Bool {
        await withCheckedContinuation { continuation in
            // getaddrinfo blocks; keep it off the cooperative pool.
            DispatchQueue.global().async {
                continuation.resume(returning: blockingCheck(host))
            }
        }
    }

    private static func blockingCheck(_ host: String) -> Bool {
        var hints = addrinfo()
        var list: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bare, nil, &hints, &list) == 0 else { return false }
        defer { freeaddrinfo(list) }
        var cursor = list
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, AddressPolicy.isBlocked(address) { return true }
            cursor = entry.pointee.ai_next
        }
        return false
    }
}
