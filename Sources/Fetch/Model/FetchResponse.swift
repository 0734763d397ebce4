public import Foundation

/// What a fetch produced: a final response (2xx, or 304 for an unchanged resource).
public struct FetchResponse: Sendable {
    /// The status code of the final response.
    public var status: Int
    /// The URL the caller asked for.
    public var requestedURL: URL
    /// The URL that produced this response, after redirects.
    public var finalURL: URL
    /// Every URL that answered with a redirect, in order (empty without redirects); each entry
    /// carries the redirect status.
    public var redirectChain: [Redirect]
    /// Header fields of the final response.
    public var headers: HTTPHeaders
    /// The decoded (decompressed) body; empty for HEAD and 304.
    public var body: Data
    /// The validators the final response announced.
    public var validators: Validators
    /// Time spent, by phase.
    public var timings: FetchTimings
    /// Transfers made for this fetch, over all hops (1 when nothing was retried or redirected).
    public var attempts: Int
    /// The HTTP version of the final response, e.g. `1.1` or `2`.
    public var httpVersion: String

    /// One hop of a redirect chain.
    public struct Redirect: Sendable, Equatable {
        /// The URL that redirected.
        public var url: URL
        /// Its status (301, 302, 303, 307 or 308).
        public var status: Int
    }

    /// `true` for `304 Not Modified`: the resource is unchanged since the validators were issued.
    public var isNotModified: Bool { status == 304 }

    /// The media type of `Content-Type`, lower-cased, without parameters (e.g. `text/html`).
    public var contentType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type?.isEmpty == false ? type : nil
    }

    /// The `charset` parameter of `Content-Type`, lower-cased and unquoted, if given.
    public var charset: String? {
        guard let value = headers["Content-Type"] else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return nil
    }
}
