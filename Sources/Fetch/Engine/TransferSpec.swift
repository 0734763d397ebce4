/// Everything the event loop needs to set up one easy handle.
struct TransferSpec: Sendable {
    var url: String
    var host: String
    var method: FetchRequest.Method
    var headers: [(name: String, value: String)]
    /// Refuse connections to private, loopback, link-local and multicast addresses.
    var checkAddresses: Bool
}
