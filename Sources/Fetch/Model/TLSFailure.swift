/// Why a TLS connection was refused, as an operator needs to know it: whose certificate to fix
/// or which CA to trust (`fetch.caFile`).
public enum TLSFailure: String, Sendable, Equatable, CaseIterable {
    /// The chain does not lead to a trusted CA (a private CA that is not in `fetch.caFile`).
    case unknownCA = "unknown_ca"
    /// A certificate of the chain has expired.
    case expired
    /// A certificate of the chain is not valid yet (or the clock is wrong).
    case notYetValid = "not_yet_valid"
    /// The certificate does not name the host that was asked for.
    case hostnameMismatch = "hostname"
    /// The server's certificate signs itself and is not trusted as such.
    case selfSigned = "self_signed"
    /// The certificate was revoked.
    case revoked
    /// Any other handshake or certificate failure.
    case handshake

    /// One phrase for the error line.
    public var explanation: String {
        switch self {
        case .unknownCA: "certificate issued by an unknown CA"
        case .expired: "certificate expired"
        case .notYetValid: "certificate not valid yet"
        case .hostnameMismatch: "certificate does not match the host name"
        case .selfSigned: "self-signed certificate"
        case .revoked: "certificate revoked"
        case .handshake: "handshake failed"
        }
    }

    /// The cause from OpenSSL's verification result (`CURLINFO_SSL_VERIFYRESULT`, an
    /// `X509_V_ERR_*` code) and libcurl's message (which alone tells a host-name mismatch).
    static func classify(verifyResult: Int, message: String) -> TLSFailure {
        switch verifyResult {
        case 10: return .expired  // X509_V_ERR_CERT_HAS_EXPIRED
        case 9: return .notYetValid  // X509_V_ERR_CERT_NOT_YET_VALID
        case 18, 19: return .selfSigned  // DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN
        case 2, 20, 21: return .unknownCA  // UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), UNABLE_TO_VERIFY_LEAF_SIGNATURE
        case 23: return .revoked  // X509_V_ERR_CERT_REVOKED
        case 62: return .hostnameMismatch  // X509_V_ERR_HOSTNAME_MISMATCH
        default: break
        }
        let lower = message.lowercased()
        if lower.contains("subject name") || lower.contains("does not match target host") || lower.contains("hostname") {
            return .hostnameMismatch
        }
        if lower.contains("expired") { return .expired }
        if lower.contains("self-signed") || lower.contains("self signed") { return .selfSigned }
        if lower.contains("local issuer") || lower.contains("unknown ca") { return .unknownCA }
        return .handshake
    }
}
