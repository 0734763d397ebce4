import Foundation

/// Checks of the state backend and the worker identity.
extension ConfigValidator {
    static func validate(state: StateConfig, worker: WorkerConfig) -> [ConfigError] {
        var errors: [ConfigError] = []
        if let url = state.url {
            if state.pathIsExplicit {
                errors.append(ConfigError(path: "state", message: "give either state.path (SQLite) or state.url (PostgreSQL), not both"))
            }
            if let problem = postgresURLProblem(url) {
                errors.append(ConfigError(path: "state.url", message: problem))
            }
        }
        let name = worker.name
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(ConfigError(path: "worker.name", message: "expected a non-empty name"))
        } else if name.count > 200 || name.contains(where: \.isNewline) {
            errors.append(ConfigError(path: "worker.name", message: "expected one line of at most 200 characters"))
        }
        if !(worker.leaseSeconds > 0 && worker.leaseSeconds <= 86_400) {
            errors.append(ConfigError(path: "worker.leaseSeconds", message: "expected seconds above 0 and at most 86400, got \(worker.leaseSeconds)"))
        }
        return errors
    }

    /// What is wrong with a PostgreSQL URI, nil when nothing is. Read by hand rather than with
    /// `URLComponents`, which rejects libpq's multi-host form (`host1:5432,host2:5432`).
    static func postgresURLProblem(_ url: String) -> String? {
        let schemes = ["postgresql://", "postgres://"]
        guard let scheme = schemes.first(where: { url.lowercased().hasPrefix($0) }) else {
            return "expected a postgresql:// URL, got \"\(url)\""
        }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") {
            return "must not contain a password; libpq reads it from PGPASSWORD, PGPASSFILE or ~/.pgpass"
        }
        if let query = rest.firstIndex(of: "?") {
            let keys = rest[rest.index(after: query)...].split(separator: "&").map { $0.prefix { $0 != "=" }.lowercased() }
            if keys.contains("password") {
                return "must not contain a password; libpq reads it from PGPASSWORD, PGPASSFILE or ~/.pgpass"
            }
        }
        return nil
    }
}
