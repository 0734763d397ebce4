import Foundation

extension WARCRecord {
    /// The HTTP response held by a `response` record (or the headers a `revisit` record keeps),
    /// nil for any other record or block type.
    public func httpResponse(maxBodyBytes: Int = 32 << 20) throws(HTTPMessageError) -> HTTPResponseParts? {
        switch type {
        case .response, .revisit:
            guard holdsHTTP("response"), !block.isEmpty else { return nil }
            return try HTTPResponseParts.parse(block, maxBodyBytes: maxBodyBytes)
        default:
            return nil
        }
    }
}
