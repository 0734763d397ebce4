import Foundation

/// One finished transfer, before the client applies redirects, retries and status rules.
struct RawResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
    var timings: FetchTimings
    var httpVersion: String
}

/// What the event loop hands back for one transfer.
typealias TransferResult = Result<RawResponse, FetchError>
