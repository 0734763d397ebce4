/// Records written on one day by one worker of a cluster (``PostgresStateStore/recordsPerWorker(days:)``).
public struct WorkerDailyCount: Sendable, Equatable, Codable {
    public var day: String
    public var worker: String
    public var records: Int

    public init(day: String, worker: String, records: Int) {
        self.day = day
        self.worker = worker
        self.records = records
    }
}
