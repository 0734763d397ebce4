import Foundation
import Testing

// Serialized: on a machine without systemd-analyze the first run installs it with apt-get, and
// parallel installs would fight over the dpkg lock.
@Suite("systemd units (scripts/check-units.sh)", .serialized, .timeLimit(.minutes(5)))
struct UnitsTests {
    /// Runs the checker; cancels the test (a skip with a reason) only when systemd-analyze
    /// cannot be installed on this machine.
    func check(unitsDirectory: String? = nil, in scratch: ScratchFolder) async throws -> ScriptResult {
        var environment: [String: String] = [:]
        if let unitsDirectory { environment["UNITS_DIR"] = unitsDirectory }
        let result = try await runScript("check-units.sh", environment: environment, in: scratch.path)
        if result.status == 2 {
            try Test.cancel("systemd-analyze is not installed and could not be installed: \(result.errors)")
        }
        return result
    }

    @Test("every unit verifies cleanly and every service is rated 2.0 or lower")
    func unitsVerifyAndRateOK() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let result = try await check(in: scratch)
        #expect(result.status == 0, "\(result.output)\n\(result.errors)")
        for unit in ["copydesk.service", "copydesk.timer", "copydesk-backfill@example.txt.service"] {
            #expect(result.output.contains("ok   verify \(unit)"), "\(result.output)")
        }
        let ratings = result.output.split(separator: "\n").filter { $0.contains("ok   security") }
        #expect(ratings.count == 2)
        for line in ratings {
            let exposure = try #require(line.split(separator: " ").firstIndex(of: "exposure").map { line.split(separator: " ")[$0 + 1] })
            let value = try #require(Double(exposure))
            #expect(value <= 2.0, "\(line)")
        }
    }

    @Test("the checker fails a unit with a misspelt directive")
    func misspeltDirectiveFails() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let service = try String(contentsOfFile: repositoryRoot + "/systemd/copydesk.service", encoding: .utf8)
        try scratch.write(service.replacingOccurrences(of: "\nNice=10\n", with: "\nNicee=10\n"), to: "units/copydesk.service")
        let result = try await check(unitsDirectory: scratch.path + "/units", in: scratch)
        #expect(result.status == 1)
        #expect(result.errors.contains("Nicee"))
    }

    @Test("the checker fails a service whose sandbox is weakened above 2.0")
    func weakSandboxFails() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let service = try String(contentsOfFile: repositoryRoot + "/systemd/copydesk.service", encoding: .utf8)
        let weakened = service.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !($0.hasPrefix("SystemCallFilter=") || $0.hasPrefix("CapabilityBoundingSet=") || $0.hasPrefix("PrivateUsers=")
              || $0.hasPrefix("RestrictNamespaces=") || $0.hasPrefix("ProtectKernel"))
        }.joined(separator: "\n")
        try scratch.write(weakened, to: "units/copydesk.service")
        let result = try await check(unitsDirectory: scratch.path + "/units", in: scratch)
        #expect(result.status == 1)
        #expect(result.errors.contains("is above 2.0"))
    }

    @Test("the timer fires every 15 minutes, catches up after downtime and spreads its start")
    func timerSchedule() throws {
        let timer = try String(contentsOfFile: repositoryRoot + "/systemd/copydesk.timer", encoding: .utf8)
        let lines = Set(timer.split(separator: "\n").map(String.init))
        #expect(lines.contains("OnCalendar=*:0/15"))
        #expect(lines.contains("Persistent=true"))
        #expect(lines.contains { $0.hasPrefix("RandomizedDelaySec=") })
        #expect(lines.contains("WantedBy=timers.target"))
    }

    @Test("the service is a one-shot with the state and cache directories and the graceful stop budget")
    func serviceShape() throws {
        let service = try String(contentsOfFile: repositoryRoot + "/systemd/copydesk.service", encoding: .utf8)
        let lines = Set(service.split(separator: "\n").map(String.init))
        for expected in ["Type=oneshot", "ExecStart=/usr/local/bin/copydesk run --config /etc/copydesk/pipeline.json",
                         "StateDirectory=copydesk copydesk/metrics copydesk/backfill", "CacheDirectory=copydesk",
                         "TimeoutStopSec=15s", "ProtectSystem=strict", "NoNewPrivileges=yes", "CapabilityBoundingSet=",
                         "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
                         "SystemCallFilter=setpriority", "UMask=0027"] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
    }
}
