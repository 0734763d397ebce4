internal import CCurl
import Foundation

/// One easy handle and what it has received so far.
///
/// `@unchecked Sendable`: after `init` the transfer is touched only on the event-loop thread
/// (libcurl calls its callbacks there, and every state change is a job on that thread).
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let spec: TransferSpec
    let maxBodyBytes: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private(set) var headers: [(name: String, value: String)] = []
    private(set) var body = Data()
    /// The body would have grown past the limit; the write callback stopped the transfer.
    private(set) var exceededLimit = false
    /// The open-socket callback refused an address.
    private(set) var refusedAddress = false

    /// Set by the event loop while the transfer is attached to the multi handle.
    var continuation: CheckedContinuation<TransferResult, Never>?
    /// Cancellation arrived before the transfer was attached.
    var cancelledBeforeStart = false

    init?(spec: TransferSpec, configuration: HTTPClientConfiguration) {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        self.spec = spec
        maxBodyBytes = configuration.maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(configuration)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's text for the failure, if it wrote one.
    var errorText: String { String(cString: errorBuffer) }

    /// OpenSSL's certificate verification result (`X509_V_OK` = 0, else an `X509_V_ERR_*` code).
    var sslVerifyResult: Int {
        var result = 0
        cd_easy_getinfo_long(easy, CURLINFO_SSL_VERIFYRESULT, &result)
        return result
    }

    private func configure(_ configuration: HTTPClientConfiguration) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        cd_easy_setopt_string(easy, CURLOPT_URL, spec.url)
        if spec.method == .head { cd_easy_setopt_long(easy, CURLOPT_NOBODY, 1) }
        cd_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        // "" offers every coding this libcurl build decodes (gzip, deflate, br, zstd).
        cd_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        cd_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        cd_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Redirects are followed by the client, hop by hop, so each hop is checked and polite.
        cd_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        cd_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        cd_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, configuration.timeout.milliseconds)
        cd_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds)
        cd_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, max(1, configuration.lowSpeedBytesPerSecond))
        cd_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, (configuration.stallTimeout.milliseconds + 999) / 1000))
        cd_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        cd_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        cd_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        if let proxy = configuration.proxy { cd_easy_setopt_string(easy, CURLOPT_PROXY, proxy) }
        // A private CA is trusted besides the system's: the file becomes libcurl's bundle and
        // the system's hashed certificate folder stays searched (OpenSSL reads both).
        if let caFile = configuration.caFile {
            cd_easy_setopt_string(easy, CURLOPT_CAINFO, caFile)
            if FileManager.default.fileExists(atPath: "/etc/ssl/certs") { cd_easy_setopt_string(easy, CURLOPT_CAPATH, "/etc/ssl/certs") }
        }
        // Verification is never switched off: peer and host are always checked.
        cd_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        cd_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        for (name, value) in spec.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        if let headerList { cd_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) }

        cd_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, { data, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        })
        cd_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        cd_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, { data, size, count, userdata in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        cd_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        cd_easy_setopt_opensocket(easy, { clientp, _, address in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(clientp!).takeUnretainedValue()
            return transfer.openSocket(address!)
        })
        cd_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, context)
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        // The bytes arrive decompressed, so this limit is on what a gzip bomb inflates to.
        guard body.count + bytes.count <= maxBodyBytes else {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    private func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Parsed as bytes: this runs for every header of every response, and Foundation's
        // trimming and Character-based String scanning cost more than the transfer itself.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return }
        if end >= 5, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"), bytes[2] == UInt8(ascii: "T"),
            bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/")
        {
            headers.removeAll(keepingCapacity: true)  // a new response (after 1xx, or a proxy CONNECT)
            return
        }
        if isSpace(bytes[0]) {
            // obs-fold: a continuation of the previous field's value.
            guard !headers.isEmpty else { return }
            var start = 0
            while start < end, isSpace(bytes[start]) { start += 1 }
            headers[headers.count - 1].value += " " + String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return
        }
        guard let colon = bytes[0..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
        var nameEnd = colon
        while nameEnd > 0, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, isSpace(bytes[valueStart]) { valueStart += 1 }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<nameEnd]), as: UTF8.self)
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
        headers.append((name, value))
        if nameEnd == 14, HTTPHeaders.sameName(name, "Content-Length"), let length = Int(value), length > 0 {
            // Size the buffer once; with compression this is only a lower bound, still a good start.
            body.reserveCapacity(min(length, maxBodyBytes))
        }
    }

    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        if spec.checkAddresses, AddressPolicy.isBlocked(cd_sockaddr_address(address)) {
            refusedAddress = true
            return CURL_SOCKET_BAD
        }
        let family = address.pointee.family
        return socket(family, address.pointee.socktype | Int32(SOCK_CLOEXEC.rawValue), address.pointee.protocol)
    }

    /// What the finished transfer amounts to.
    func result(code: CURLcode) -> TransferResult {
        if code != CURLE_OK { return .failure(CurlErrorMapper.map(code: code, transfer: self)) }
        var status = 0
        cd_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        cd_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
        return .success(RawResponse(
            status: status,
            headers: HTTPHeaders(headers),
            body: body,
            timings: timings(),
            httpVersion: Self.versionName(version)
        ))
    }

    private func timings() -> FetchTimings {
        func info(_ key: CURLINFO) -> Duration {
            var micros: curl_off_t = 0
            cd_easy_getinfo_off(easy, key, &micros)
            return .microseconds(micros)
        }
        var timings = FetchTimings()
        timings.nameLookup = info(CURLINFO_NAMELOOKUP_TIME_T)
        timings.connect = info(CURLINFO_CONNECT_TIME_T)
        timings.tlsHandshake = info(CURLINFO_APPCONNECT_TIME_T)
        timings.firstByte = info(CURLINFO_STARTTRANSFER_TIME_T)
        timings.transfer = info(CURLINFO_TOTAL_TIME_T)
        return timings
    }

    private static func versionName(_ version: Int) -> String {
        switch version {
        case CURL_HTTP_VERSION_1_0: "1.0"
        case CURL_HTTP_VERSION_1_1: "1.1"
        case CURL_HTTP_VERSION_2_0: "2"
        case CURL_HTTP_VERSION_3: "3"
        default: "?"
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down, clamped to zero.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
