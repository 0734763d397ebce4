public import Foundation

extension DedupeEngine {
    /// An engine whose index is in PostgreSQL (``PostgresDedupeIndex``): shared live by every
    /// engine on the database, on any machine. The parameters are checked against the stored
    /// ones and texts past the window before `now` are deleted; the caller has run the
    /// migrations (``PostgresDedupeIndex/migrate(pool:)``, which ``DedupeGate`` runs).
    public convenience init(configuration: DedupeConfig = DedupeConfig(),
                            parameters: DedupeParameters = DedupeParameters(),
                            postgres pool: PGConnectionPool,
                            now: Date = Date()) throws {
        let index = PostgresDedupeIndex(pool: pool, parameters: parameters)
        try index.prepare(signature: parameters.signature)
        _ = try index.removeAll(before: Self.seconds(now) - Int64(configuration.windowDays) * 86_400)
        self.init(configuration: configuration, parameters: parameters, backend: index, now: now)
    }
}
