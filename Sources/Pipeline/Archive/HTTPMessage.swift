import Fetch
import Foundation

/// The HTTP request and response of a fetch as WARC `request` / `response` blocks.
///
/// The response block holds the body as the pipeline received it: decoded (libcurl undoes
/// `Content-Encoding` and chunking), so `Content-Encoding` and `Transfer-Encoding` are left
/// out and `Content-Length` is the decoded length; every other header is kept as sent.
enum HTTPMessage {
    static func request(url: URL, userAgent: String) -> [UInt8] {
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        var host = url.host ?? ""
        if let port = url.port { host += ":\(port)" }
        let text = "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: \(userAgent)\r\nAccept: */*\r\n"
            + "Accept-Encoding: deflate, gzip, br, zstd\r\n\r\n"
        return Array(text.utf8)
    }

    static func response(_ response: FetchResponse) -> [UInt8] {
        let version = response.httpVersion.isEmpty ? "1.1" : response.httpVersion
        var text = "HTTP/\(version) \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers {
            let lower = name.lowercased()
            if lower == "content-encoding" || lower == "transfer-encoding" || lower == "content-length" { continue }
            text += "\(name): \(value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " "))\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\n\r\n"
        return Array(text.utf8) + response.body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 203: return "Non-Authoritative Information"
        case 206: return "Partial Content"
        case 304: return "Not Modified"
        default: return "Status"
        }
    }
}
