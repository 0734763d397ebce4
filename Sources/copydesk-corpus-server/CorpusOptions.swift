import Foundation

/// The command line of `copydesk-corpus-server`, parsed by hand: the target depends on
/// `LoopbackServer` only, so the benchmark server builds fast and stays independent of the CLI.
struct CorpusOptions {
    /// Number of outlets, each on its own loopback address (politeness is per host).
    var hosts = 100
    var articlesPerHost = 100
    /// Extra wait before every response's first byte, as from a distant server.
    var latencyMilliseconds = 50
    var minPageKilobytes = 50
    var maxPageKilobytes = 200
    /// Share of articles (outside the first outlet) reprinting a wire story.
    var reprintShare = 0.1
    var seed: UInt64 = 1
    /// The first host's address; host `i` listens on this address plus `i`.
    var firstAddress = "127.0.1.1"
    /// Where the ready line is also written (JSON), for scripts that prefer a file.
    var readyFile: String?
    /// Where the request spacing per host is written at exit (JSON), for politeness checks.
    var spacingFile: String?

    static let usage = """
        usage: copydesk-corpus-server [--hosts N] [--articles N] [--latency-ms MS] [--page-kb MIN-MAX]
                                      [--reprint-share X] [--seed N] [--first-address A.B.C.D] [--ready-file PATH]
                                      [--spacing-file PATH]
        Serves a generated news corpus on N loopback hosts (one address each) until SIGTERM or SIGINT.
        Prints one line `READY {json}` with every host's origin, feed and sitemap once all listen.
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = remaining.popFirst() else { throw UsageError(message: "\(name) needs a value") }
            return next
        }
        func integer(_ name: String) throws -> Int {
            let text = try value(name)
            guard let number = Int(text), number >= 0 else { throw UsageError(message: "\(name): expected a whole number, got \(text)") }
            return number
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--hosts": hosts = try integer(argument)
            case "--articles": articlesPerHost = try integer(argument)
            case "--latency-ms": latencyMilliseconds = try integer(argument)
            case "--page-kb":
                let bounds = try value(argument).split(separator: "-").compactMap { Int($0) }
                guard bounds.count == 2, bounds[0] > 0, bounds[0] <= bounds[1] else {
                    throw UsageError(message: "--page-kb: expected MIN-MAX, e.g. 50-200")
                }
                (minPageKilobytes, maxPageKilobytes) = (bounds[0], bounds[1])
            case "--reprint-share":
                let text = try value(argument)
                guard let share = Double(text), (0...1).contains(share) else {
                    throw UsageError(message: "--reprint-share: expected a number from 0 to 1, got \(text)")
                }
                reprintShare = share
            case "--seed": seed = UInt64(try integer(argument))
            case "--first-address": firstAddress = try value(argument)
            case "--ready-file": readyFile = try value(argument)
            case "--spacing-file": spacingFile = try value(argument)
            case "-h", "--help": throw UsageError(message: "")
            default: throw UsageError(message: "unknown argument \(argument)")
            }
        }
        guard hosts >= 1, hosts <= 60_000 else { throw UsageError(message: "--hosts: expected 1 to 60000") }
        guard articlesPerHost >= 1 else { throw UsageError(message: "--articles: expected at least 1") }
    }

    /// The addresses of the hosts: consecutive from the first address, skipping `.0` and `.255`
    /// (legal on loopback, but they read like network and broadcast addresses in logs).
    func addresses() throws -> [String] {
        let octets = firstAddress.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets[0] == 127, octets.allSatisfy({ $0 < 256 }) else {
            throw UsageError(message: "--first-address: expected a 127.x.y.z address, got \(firstAddress)")
        }
        var value = octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3]
        var result: [String] = []
        while result.count < hosts {
            guard value >> 24 == 127 else { throw UsageError(message: "--hosts: too many hosts after \(firstAddress)") }
            if value & 0xFF != 0, value & 0xFF != 255 {
                result.append("\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)")
            }
            value += 1
        }
        return result
    }
}

/// A bad command line: the message and the usage go to standard error.
struct UsageError: Error {
    let message: String
}
