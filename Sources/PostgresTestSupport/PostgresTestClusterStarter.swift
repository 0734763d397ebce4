import Foundation

/// Makes, configures and starts the cluster of ``PostgresTestCluster``, and arms the watchdog.
enum PostgresTestClusterStarter {
    /// Starts a cluster that lives until `owner` (this process by default) has exited.
    static func start(watching owner: pid_t = getpid()) throws -> PostgresTestCluster {
        let binDirectory = try findBinDirectory()
        let runAsPostgres = getuid() == 0
        // Short: the socket path (folder + "/.s.PGSQL.5432") must fit in 107 bytes.
        var template = Array("/tmp/copydesk-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PostgresTestClusterError(message: "cannot make a temporary folder for the PostgreSQL test cluster")
        }
        let folder = String(cString: made)
        if runAsPostgres {
            do {
                try FileManager.default.setAttributes([.ownerAccountName: "postgres", .groupOwnerAccountName: "postgres"],
                                                      ofItemAtPath: folder)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw PostgresTestClusterError(message: "cannot give \(folder) to the postgres user (is the `postgresql` package installed?): \(error)")
            }
        }
        let cluster = PostgresTestCluster(folder: folder, binDirectory: binDirectory, runAsPostgres: runAsPostgres)
        // Armed before anything else, so that a test process killed mid-start leaves nothing.
        try startWatchdog(for: cluster, owner: owner, runAsPostgres: runAsPostgres)
        do {
            try PostgresProcess.run(binDirectory + "/initdb",
                                    ["-D", folder + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                                     "--locale=C", "--no-sync"], asPostgres: runAsPostgres, log: folder + "/setup.log")
            // Durability is not wanted in a throwaway cluster; speed is. Enough connections
            // for parallel tests, each with a small pool.
            let settings = """

                listen_addresses = ''
                unix_socket_directories = '\(folder)'
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 300
                shared_buffers = 32MB

                """
            let conf = FileHandle(forWritingAtPath: folder + "/data/postgresql.conf")
            try conf?.seekToEnd()
            try conf?.write(contentsOf: Data(settings.utf8))
            try conf?.close()
            try PostgresProcess.run(binDirectory + "/pg_ctl",
                                    ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-s", "start"],
                                    asPostgres: runAsPostgres, log: folder + "/setup.log")
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    /// A detached shell (its own session, so a Ctrl-C of the tests does not kill it) that
    /// polls for `owner` and, once it is gone, stops the server and removes the folder.
    private static func startWatchdog(for cluster: PostgresTestCluster, owner: pid_t, runAsPostgres: Bool) throws {
        let stop = (runAsPostgres ? "runuser -u postgres -- " : "") + "'\(cluster.binDirectory)/pg_ctl' -D '\(cluster.folder)/data' -m immediate stop"
        let script = "while kill -0 \(owner) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(cluster.folder)'"
        do {
            _ = try PostgresProcess.spawn(["/bin/sh", "-c", script], output: "/dev/null", newSession: true)
        } catch {
            cluster.stop()
            throw PostgresTestClusterError(message: "cannot start the PostgreSQL test cluster's watchdog: \(error)")
        }
    }

    /// `COPYDESK_PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin` (Debian's layout).
    static func findBinDirectory() throws(PostgresTestClusterError) -> String {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["COPYDESK_PG_BIN"] {
            if fileManager.isExecutableFile(atPath: configured + "/initdb") { return configured }
            throw PostgresTestClusterError(message: "COPYDESK_PG_BIN=\(configured) holds no initdb")
        }
        let root = "/usr/lib/postgresql"
        let versions = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions where fileManager.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        throw PostgresTestClusterError(message: """
            PostgreSQL server binaries not found (no \(root)/<version>/bin/initdb): install the `postgresql` \
            package (`make test` does), point COPYDESK_PG_BIN at its bin folder, or set \
            \(PostgresTestCluster.skipVariable)=1 to skip the PostgreSQL tests
            """)
    }
}

/// Runs programs with `posix_spawn` and `waitpid` (Foundation's `Process` can miss the exit of
/// a child whose own child, the server, lives on), output to a log file in the cluster folder.
enum PostgresProcess {
    /// Runs `program` to its end, as the `postgres` user when asked; its output goes to `log`
    /// and is quoted in the error when it fails.
    static func run(_ program: String, _ arguments: [String], asPostgres: Bool, log: String) throws {
        let argv = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let pid = try spawn(argv, output: log, newSession: false)
        var status: Int32 = 0
        // A blocking wait, left so on purpose: it runs only inside the once-per-process start
        // (`initdb`, `pg_ctl start`, from the synchronous initialiser behind `shared()`, where
        // other first callers block on the initialiser anyway) and in `stop()` at exit. Tests
        // wait for their own children with the async helpers of LoopbackServer/ChildProcess.swift.
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS by hand: the macros are not imported.
        let exited = status & 0x7f == 0
        guard exited && (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw PostgresTestClusterError(message: "\((program as NSString).lastPathComponent) failed (status \(status)): \(text.suffix(2_000))")
        }
    }

    /// Starts `argv` with stdin from /dev/null and stdout and stderr appended to `output`,
    /// optionally in a session of its own (so that a Ctrl-C sent to the tests spares it).
    static func spawn(_ argv: [String], output: String, newSession: Bool) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        try closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // setsid(1) rather than POSIX_SPAWN_SETSID, which glibc declares only under _GNU_SOURCE.
        let argv = newSession ? ["/usr/bin/setsid"] + argv : argv
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        guard result == 0 else {
            throw PostgresTestClusterError(message: "cannot start \(argv[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// posix_spawn hands the child every descriptor not marked close-on-exec. The server and
    /// the watchdog live on after the test that started them, so a pipe another test had open
    /// at that instant would keep its write end in them, and that test's read to the end of the
    /// pipe would wait for as long as PostgreSQL runs (a CI run hung that way). glibc 2.34's
    /// `posix_spawn_file_actions_addclosefrom_np` closes them all in the child; the Glibc module
    /// does not import it (it is declared under _GNU_SOURCE), so it is looked up by name.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw PostgresTestClusterError(message: "this C library has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later is needed)")
        }
        let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
        let result = closeFrom(&actions, 3)
        guard result == 0 else {
            throw PostgresTestClusterError(message: "posix_spawn_file_actions_addclosefrom_np: \(String(cString: strerror(result)))")
        }
    }
}
