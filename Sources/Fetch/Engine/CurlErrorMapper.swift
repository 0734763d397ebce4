internal import CCurl
import Foundation

/// Turns a libcurl result code into the failure class the pipeline counts.
enum CurlErrorMapper {
    static func map(code: CURLcode, transfer: CurlTransfer) -> FetchError {
        let text = transfer.errorText.isEmpty ? String(cString: curl_easy_strerror(code)) : transfer.errorText
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns(host: transfer.spec.host)
        case CURLE_COULDNT_CONNECT:
            return transfer.refusedAddress ? .blockedAddress(host: transfer.spec.host) : .connect(text)
        case CURLE_OPERATION_TIMEDOUT:
            // One code for three limits; libcurl's message tells them apart.
            if text.hasPrefix("Operation too slow") { return .stalled }
            if text.hasPrefix("Connection timed out") || text.hasPrefix("Connection timeout") {
                return transfer.refusedAddress ? .blockedAddress(host: transfer.spec.host) : .connect(text)
            }
            return .timeout
        case CURLE_WRITE_ERROR where transfer.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            return .tooLarge(limit: transfer.maxBodyBytes)
        case CURLE_PARTIAL_FILE:
            return .truncated
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR:
            return .connectionLost(text)
        case CURLE_RECV_ERROR:
            // Broken chunked framing also surfaces as a receive error; only its text differs.
            return text.localizedCaseInsensitiveContains("chunk") ? .protocolError(text) : .connectionLost(text)
        case CURLE_BAD_CONTENT_ENCODING, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            return .protocolError(text)
        case CURLE_UNSUPPORTED_PROTOCOL:
            // The client checks schemes before libcurl sees a URL, so this is the server's doing:
            // a reply that is not HTTP ("Received HTTP/0.9 when not allowed").
            return .protocolError(text)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(transfer.spec.url)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls(TLSFailure.classify(verifyResult: transfer.sslVerifyResult, message: text), text)
        default:
            return .other("curl \(code.rawValue): \(text)")
        }
    }
}
