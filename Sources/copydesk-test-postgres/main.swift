import Foundation
import PostgresTestSupport

// Starts the throwaway PostgreSQL cluster of a test run before the tests start, so that
// `initdb` does not run inside the test process (see `PostgresTestCluster.attachVariable`):
//
//   copydesk-test-postgres start --watch PID
//
// prints the cluster's folder (for COPYDESK_PG_TEST_CLUSTER) and exits; the cluster is stopped
// and its folder removed once process PID (the shell running the tests) has exited.

let usage = "usage: copydesk-test-postgres start --watch PID"
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3, arguments[0] == "start", arguments[1] == "--watch",
      let owner = pid_t(arguments[2]), owner > 0 else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
guard kill(owner, 0) == 0 else {
    FileHandle.standardError.write(Data("copydesk-test-postgres: no process \(owner) to watch\n".utf8))
    exit(2)
}
do {
    print(try PostgresTestCluster.startDetached(watching: owner))
} catch {
    FileHandle.standardError.write(Data("copydesk-test-postgres: \(error)\n".utf8))
    exit(1)
}
