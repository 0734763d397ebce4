import Foundation

/// Turns a ``LoopbackResponse`` into bytes on a socket, misbehaving where it is asked to.
struct ResponseWriter {
    let fd: Int32
    /// Interruptible sleep supplied by the server, `false` once the server is stopping.
    let pause: (Duration) -> Bool

    /// What the connection should do after the response.
    enum Outcome {
        case keepOpen
        case close
        case reset
    }

    /// Writes `response` to a request with `method`; returns what to do with the connection.
    func write(_ response: LoopbackResponse, method: String, keepAlive: Bool) -> Outcome {
        if let raw = response.rawBytes {
            _ = Socket.sendAll(fd, [UInt8](raw))
            return .close
        }
        var body = [UInt8](response.body)
        var headers = response.headers
        var encoding = response.contentEncoding
        if case .gzipBomb(let size) = response.fault {
            body = Gzip.zeros(count: size)
            encoding = .identity
            headers.append(("Content-Encoding", "gzip"))
        }
        switch encoding {
        case .identity: break
        case .gzip: body = Gzip.compress(body)
        case .deflate: body = Gzip.zlib(body)
        case .br: body = Brotli.encode(body)
        }
        if encoding != .identity {
            headers.append(("Content-Encoding", encoding.rawValue))
            headers.append(("Vary", "Accept-Encoding"))
        }
        let bodyless = method == "HEAD" || response.status == 204 || response.status == 304 || response.status < 200
        var framing = response.framing
        if response.fault == .brokenChunked, case .contentLength = framing { framing = .chunked(chunkSize: 64) }
        var wireBody: [UInt8] = []
        var close = !keepAlive || response.closeConnection
        if response.status != 204 && response.status != 304 && response.status >= 200 {
            switch framing {
            case .contentLength:
                headers.append(("Content-Length", String(body.count)))
                wireBody = body
            case .chunked(let size):
                headers.append(("Transfer-Encoding", "chunked"))
                wireBody = Self.chunk(body, size: size, broken: response.fault == .brokenChunked)
            case .untilClose:
                wireBody = body
                close = true
            }
        }
        if bodyless { wireBody = [] }
        if case .truncate(let sent) = response.fault {
            wireBody = Array(wireBody.prefix(max(0, sent)))
            close = true
        }
        if response.fault == .brokenChunked { close = true }
        headers.append(("Date", Self.httpDate()))
        if close { headers.append(("Connection", "close")) }

        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let headBytes = Array(head.utf8)

        if case .reset(let after) = response.fault {
            let all = headBytes + wireBody
            if after > 0 { _ = Socket.sendAll(fd, Array(all.prefix(after))) }
            return .reset
        }
        guard Socket.sendAll(fd, headBytes) else { return .close }
        if let trickle = response.trickle {
            var offset = 0
            while offset < wireBody.count {
                let end = min(wireBody.count, offset + trickle.bytes)
                guard Socket.sendAll(fd, Array(wireBody[offset..<end])), pause(trickle.interval) else { return .close }
                offset = end
            }
        } else if !wireBody.isEmpty {
            guard Socket.sendAll(fd, wireBody) else { return .close }
        }
        return close ? .close : .keepOpen
    }

    private static func chunk(_ body: [UInt8], size: Int, broken: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        var index = 0
        while offset < body.count {
            let end = min(body.count, offset + size)
            if broken && index == 1 {
                // Not a hexadecimal size: a conforming client must give up here.
                out += Array("zz-not-a-size\r\n".utf8)
                out += body[offset..<end]
                return out
            }
            out += Array(String(end - offset, radix: 16).utf8) + [13, 10]
            out += body[offset..<end]
            out += [13, 10]
            offset = end
            index += 1
        }
        if broken { out += Array("zz-not-a-size\r\n".utf8) } else { out += Array("0\r\n\r\n".utf8) }
        return out
    }

    static func httpDate(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
