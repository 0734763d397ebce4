import Foundation

/// Reads HTTP/1.1 requests off one connection, keeping bytes that arrived early for the next
/// request (pipelining and keep-alive).
struct RequestReader {
    /// Headers larger than this are refused; the server is for tests, not for abuse.
    static let maxHeadBytes = 256 * 1024

    let fd: Int32
    private var pending: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32) { self.fd = fd }

    /// The parsed head and whether the client wants the connection kept open.
    struct Parsed {
        var method: String
        var path: String
        var query: String?
        var headers: [(name: String, value: String)]
        var body: Data
        var keepAlive: Bool
    }

    /// The next request, or `nil` when the peer closed or sent garbage.
    mutating func next() -> Parsed? {
        var headEnd: Int?
        while true {
            headEnd = Self.findHeadEnd(pending)
            if headEnd != nil { break }
            guard pending.count < Self.maxHeadBytes, let count = Socket.receive(fd, into: &scratch) else { return nil }
            pending.append(contentsOf: scratch[0..<count])
        }
        guard let headEnd, let head = String(bytes: pending[0..<headEnd], encoding: .isoLatin1) else { return nil }
        pending.removeFirst(headEnd + 4)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3 else { return nil }
        let target = String(requestLine[1])
        let version = String(requestLine[2])
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let length = header("Content-Length").flatMap { Int($0) } ?? 0
        guard length >= 0, length <= 64 * 1024 * 1024 else { return nil }
        while pending.count < length {
            guard let count = Socket.receive(fd, into: &scratch) else { return nil }
            pending.append(contentsOf: scratch[0..<count])
        }
        let body = Data(pending[0..<length])
        pending.removeFirst(length)
        let connection = header("Connection")?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        let pathAndQuery = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return Parsed(
            method: String(requestLine[0]),
            path: String(pathAndQuery[0]),
            query: pathAndQuery.count > 1 ? String(pathAndQuery[1]) : nil,
            headers: headers,
            body: body,
            keepAlive: keepAlive
        )
    }

    private static func findHeadEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }
}
