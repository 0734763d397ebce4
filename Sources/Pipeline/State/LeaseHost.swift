import Fetch
import Foundation

/// The key a host is leased under: the one the HTTP client keeps its spacing under, so that
/// what is handed from worker to worker is exactly what the client measured.
enum LeaseHost {
    static func of(_ url: String) -> String {
        guard let parsed = URL(string: url) else { return "" }
        return HTTPClient.politenessKey(of: parsed)
    }
}
