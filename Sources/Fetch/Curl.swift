internal import CCurl

/// Process-wide libcurl facts and set-up.
public enum Curl {
    /// The libcurl version string, e.g. `libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 …`.
    public static func version() -> String { String(cString: curl_version()) }

    private static let initialised: Bool = cd_global_init_all() == CURLE_OK

    /// Initialises libcurl once per process. Call it from `main` before any thread starts;
    /// ``HTTPClient`` calls it too, so forgetting it is harmless in single-threaded starts.
    @discardableResult
    public static func globalInit() -> Bool { initialised }

    /// The content codings this libcurl build can decode (`gzip`, `deflate`, `br`, `zstd`).
    public static var supportedEncodings: [String] {
        let features = cd_version_features()
        var encodings: [String] = []
        if features & CURL_VERSION_LIBZ != 0 { encodings += ["gzip", "deflate"] }
        if features & CURL_VERSION_BROTLI != 0 { encodings.append("br") }
        if features & CURL_VERSION_ZSTD != 0 { encodings.append("zstd") }
        return encodings
    }
}
