import Foundation
import LoopbackServer

/// How closely each host was hit: the number of requests and the smallest gap between two
/// arrivals, written at exit so a benchmark can check politeness across several crawlers.
struct RequestSpacing: Codable {
    struct Host: Codable {
        var origin: String
        var requests: Int
        /// Smallest gap between consecutive arrivals, in milliseconds (nil below two requests).
        var minGapMilliseconds: Double?
    }

    var hosts: [Host]
    /// The smallest gap over all hosts.
    var closestGapMilliseconds: Double?

    init(servers: [LoopbackServer]) {
        hosts = servers.map { server in
            let arrivals = server.requestLog.map(\.receivedAt).sorted()
            let gaps = zip(arrivals, arrivals.dropFirst()).map { pair -> Double in
                let (seconds, attoseconds) = (pair.1 - pair.0).components
                return Double(seconds) * 1000 + Double(attoseconds) / 1e15
            }
            return Host(origin: server.origin, requests: arrivals.count, minGapMilliseconds: gaps.min())
        }
        closestGapMilliseconds = hosts.compactMap(\.minGapMilliseconds).min()
    }

    func write(to path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
