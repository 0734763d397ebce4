import Foundation
import Pipeline

/// A throwaway PostgreSQL cluster for the tests: made with `initdb` in a temporary folder,
/// reachable only through a Unix socket in that folder (`listen_addresses = ''`), started once
/// per test process on first use and removed when the process ends. Each test asks for a fresh
/// database of its own, so tests running in parallel never see each other's rows.
///
/// The server refuses to run as root, so under root (CI, containers) `initdb` and `pg_ctl`
/// run as the `postgres` user through `runuser`. A watchdog process stops the cluster and
/// removes the folder when the test process is gone, even after a crash.
public final class PostgresTestCluster: Sendable {
    /// Set to `1` to skip the PostgreSQL tests on a machine without PostgreSQL. `make test` and
    /// CI never set it: there a missing PostgreSQL fails the tests.
    public static let skipVariable = "COPYDESK_SKIP_POSTGRES_TESTS"

    /// True when the environment asks to skip the PostgreSQL tests.
    public static var skipRequested: Bool { ProcessInfo.processInfo.environment[skipVariable] == "1" }

    /// The folder of a cluster already running (`copydesk-test-postgres start`, which `make
    /// test` runs first): the tests use it instead of starting their own. `initdb` and the
    /// server's start then happen before the tests do, not inside the first test that asks,
    /// where the tests waiting for it hold the cooperative pool's threads (on a loaded
    /// two-core machine long enough for other tests' time limits to expire).
    public static let attachVariable = "COPYDESK_PG_TEST_CLUSTER"

    /// The cluster of this test process: the one named by ``attachVariable``, else one started
    /// on first use (thread-safe: a Swift global is initialised once).
    public static func shared() throws(PostgresTestClusterError) -> PostgresTestCluster {
        try sharedCluster.get()
    }

    /// Starts a cluster for the processes that `owner` runs and returns its folder; it is
    /// stopped and removed once `owner` has exited (see `copydesk-test-postgres`).
    public static func startDetached(watching owner: Int32) throws -> String {
        try PostgresTestClusterStarter.start(watching: owner).folder
    }

    /// The running cluster in `folder`, or why it cannot be used.
    static func attach(folder: String) -> Result<PostgresTestCluster, PostgresTestClusterError> {
        guard FileManager.default.fileExists(atPath: folder + "/.s.PGSQL.5432") else {
            return .failure(PostgresTestClusterError(message: """
                \(attachVariable)=\(folder) names no running PostgreSQL test cluster (no server socket \
                there): start one with `copydesk-test-postgres start --watch PID`, or unset it
                """))
        }
        return Result { () throws(PostgresTestClusterError) in
            PostgresTestCluster(folder: folder, binDirectory: try PostgresTestClusterStarter.findBinDirectory(),
                                runAsPostgres: false, owned: false)
        }
    }

    /// The folder holding the data directory, the log and the server's socket.
    public let folder: String
    /// The folder of `initdb`, `pg_ctl` and `postgres`.
    public let binDirectory: String
    private let runAsPostgres: Bool
    /// Started by this process (stopped at its exit), as opposed to attached to.
    private let owned: Bool
    private let counter = DatabaseCounter()

    init(folder: String, binDirectory: String, runAsPostgres: Bool, owned: Bool = true) {
        self.folder = folder
        self.binDirectory = binDirectory
        self.runAsPostgres = runAsPostgres
        self.owned = owned
    }

    /// The libpq URI of a database of this cluster (over the socket in ``folder``).
    public func uri(database: String) -> String {
        "postgresql://postgres@/\(database)?host=\(folder)"
    }

    /// Creates a new, empty database and returns its URI.
    public func createDatabase(label: String = "test") throws -> String {
        let safeLabel = String(label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }.prefix(30))
        let name = "\(safeLabel.isEmpty ? "test" : safeLabel)_\(counter.next())"
        let admin = try PGConnection(uri: uri(database: "postgres"))
        try admin.query("CREATE DATABASE \(name)")
        return uri(database: name)
    }

    /// Drops a database made by ``createDatabase(label:)``, closing its connections.
    public func dropDatabase(uri databaseURI: String) throws {
        guard let name = URLComponents(string: databaseURI)?.path.dropFirst(), !name.isEmpty else { return }
        let admin = try PGConnection(uri: uri(database: "postgres"))
        try admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Stops the server and removes the folder (at exit); a cluster attached to is left to
    /// the watchdog of the process that started it.
    func stop() {
        guard owned else { return }
        _ = try? PostgresProcess.run(binDirectory + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"],
                                     asPostgres: runAsPostgres, log: "/dev/null")
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Why the test cluster could not be started.
public struct PostgresTestClusterError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

private let sharedCluster: Result<PostgresTestCluster, PostgresTestClusterError> = {
    if let folder = ProcessInfo.processInfo.environment[PostgresTestCluster.attachVariable], !folder.isEmpty {
        return PostgresTestCluster.attach(folder: folder)
    }
    do {
        let cluster = try PostgresTestClusterStarter.start()
        atexit { if case .success(let cluster) = sharedCluster { cluster.stop() } }
        return .success(cluster)
    } catch let error as PostgresTestClusterError {
        return .failure(error)
    } catch {
        return .failure(PostgresTestClusterError(message: "\(error)"))
    }
}()

/// Hands out database numbers unique within the process.
private final class DatabaseCounter: @unchecked Sendable {
    // `@unchecked Sendable`: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
