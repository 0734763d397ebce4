import Fetch
import Foundation

/// `copydesk-bench fetch --urls FILE --parallel N`, used by `bench/fetch.py`: every URL fetched with
/// the pipeline's client, `N` in flight, bodies discarded, a summary on stderr.
struct FetchBenchmark {
    let listPath: String
    let parallel: Int
    let configuration: HTTPClientConfiguration

    func run() async throws {
        let text = try String(contentsOfFile: listPath, encoding: .utf8)
        let urls = text.split(whereSeparator: \.isNewline).compactMap { URL(string: String($0)) }
        var configuration = self.configuration
        // Measure throughput, not politeness: the benchmark server is ours, on loopback.
        configuration.concurrency = parallel
        configuration.perHostConcurrency = parallel
        configuration.perHostDelay = .zero
        configuration.respectRobotsTxt = false
        configuration.allowPrivateNetworks = true
        configuration.connectionCacheSize = max(configuration.connectionCacheSize, parallel * 2)
        let client = HTTPClient(configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        var failures: [String: Int] = [:]
        await withTaskGroup(of: Result<Int, FetchError>.self) { group in
            var next = urls.makeIterator()
            func addNext() -> Bool {
                guard let url = next.next() else { return false }
                group.addTask {
                    do throws(FetchError) {
                        return .success(try await client.fetch(FetchRequest(url: url, isDiscovered: false)).body.count)
                    } catch {
                        return .failure(error)
                    }
                }
                return true
            }
            for _ in 0..<parallel where !addNext() { break }
            while let result = await group.next() {
                switch result {
                case .success(let count): bytes += count
                case .failure(let error): failures[error.errorClass, default: 0] += 1
                }
                _ = addNext()
            }
        }
        let elapsed = clock.now - start
        await client.shutdown()
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let failed = failures.values.reduce(0, +)
        FileHandle.standardError.write(Data((String(
            format: "requests=%d failed=%d bytes=%d wall=%.3fs req/s=%.1f MB/s=%.2f",
            urls.count, failed, bytes, wall, Double(urls.count) / wall, Double(bytes) / wall / 1e6
        ) + "\n").utf8))
        for (name, count) in failures.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("failed.\(name)=\(count)\n".utf8))
        }
    }
}
