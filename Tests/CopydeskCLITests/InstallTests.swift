import Foundation
import Testing

@Suite("make install / make uninstall (scripts/install.sh, scripts/uninstall.sh)", .timeLimit(.minutes(2)))
struct InstallTests {
    /// A fake binary and a configuration template, as `make install` would pass them.
    func prepare(_ scratch: ScratchFolder) throws -> [String: String] {
        try scratch.write("#!/bin/sh\necho copydesk-fake\n", to: "build/copydesk", mode: 0o755)
        try scratch.write("""
            {"output": {"directory": "data/records"}, "state": {"path": "data/state.sqlite"},
             "sources": [{"name": "wire-east", "type": "feed", "url": "https://wire-east.example/rss"}]}
            """, to: "pipeline.json")
        return ["DESTDIR": scratch.path + "/root", "BIN": scratch.path + "/build/copydesk",
                "CONFIG_TEMPLATE": scratch.path + "/pipeline.json"]
    }

    @Test("installs the binary, units, sysusers entry, guide and a configuration pointing at the service's folders")
    func installsExpectedFiles() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let environment = try prepare(scratch)
        let result = try await runScript("install.sh", environment: environment, in: scratch.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(scratch.listing("root") == [
            "etc/copydesk/pipeline.json",
            "usr/local/bin/copydesk",
            "usr/local/lib/systemd/system/copydesk-backfill@.service",
            "usr/local/lib/systemd/system/copydesk.service",
            "usr/local/lib/systemd/system/copydesk.timer",
            "usr/local/lib/sysusers.d/copydesk.conf",
            "usr/local/share/copydesk/install-manifest",
            "usr/local/share/doc/copydesk/operations.md",
        ])
        let binaryMode = try FileManager.default.attributesOfItem(atPath: scratch.path + "/root/usr/local/bin/copydesk")[.posixPermissions] as? Int
        #expect(binaryMode == 0o755)
        let service = try scratch.read("root/usr/local/lib/systemd/system/copydesk.service")
        #expect(service.contains("ExecStart=/usr/local/bin/copydesk run --config /etc/copydesk/pipeline.json\n"))
        let backfill = try scratch.read("root/usr/local/lib/systemd/system/copydesk-backfill@.service")
        #expect(backfill.contains("--urls /var/lib/copydesk/backfill/%i\n"))

        let config = try #require(try JSONSerialization.jsonObject(with: Data(scratch.read("root/etc/copydesk/pipeline.json").utf8)) as? [String: Any])
        #expect((config["output"] as? [String: Any])?["directory"] as? String == "/var/lib/copydesk/records")
        #expect((config["state"] as? [String: Any])?["path"] as? String == "/var/lib/copydesk/state.sqlite")
        #expect((config["metrics"] as? [String: Any])?["path"] as? String == "/var/lib/copydesk/metrics/copydesk.prom")
        #expect((config["sources"] as? [[String: Any]])?.first?["name"] as? String == "wire-east")
    }

    @Test("PREFIX outside /usr moves the binary and puts the units under /etc/systemd/system, rewritten to match")
    func customPrefix() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var environment = try prepare(scratch)
        environment["PREFIX"] = "/opt/copydesk"
        let result = try await runScript("install.sh", environment: environment, in: scratch.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(scratch.exists("root/opt/copydesk/bin/copydesk"))
        let service = try scratch.read("root/etc/systemd/system/copydesk.service")
        #expect(service.contains("ExecStart=/opt/copydesk/bin/copydesk run --config /etc/copydesk/pipeline.json\n"))
        #expect(service.contains("Documentation=file:/opt/copydesk/share/doc/copydesk/operations.md\n"))
        #expect(!service.contains("/usr/local"))
        #expect(scratch.exists("root/etc/sysusers.d/copydesk.conf"))
    }

    @Test("an existing configuration is never overwritten; the new default goes next to it")
    func keepsExistingConfig() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let environment = try prepare(scratch)
        let operators = "{\"sources\": [{\"name\": \"operators-own\", \"type\": \"sitemap\", \"url\": \"https://o.example/sitemap.xml\"}]}\n"
        try scratch.write(operators, to: "root/etc/copydesk/pipeline.json", mode: 0o640)
        let result = try await runScript("install.sh", environment: environment, in: scratch.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try scratch.read("root/etc/copydesk/pipeline.json") == operators)
        #expect(try scratch.read("root/etc/copydesk/pipeline.json.default").contains("wire-east"))

        let removal = try await runScript("uninstall.sh", environment: ["DESTDIR": environment["DESTDIR"]!], in: scratch.path)
        #expect(removal.status == 0, "\(removal.errors)")
        #expect(try scratch.read("root/etc/copydesk/pipeline.json") == operators)
        #expect(scratch.listing("root") == ["etc/copydesk/pipeline.json"])
    }

    @Test("uninstall removes everything install added, including an unchanged configuration, across an upgrade")
    func uninstallRemovesInstalledFiles() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let environment = try prepare(scratch)
        #expect(try await runScript("install.sh", environment: environment, in: scratch.path).status == 0)
        // An upgrade: the second install finds its own configuration and keeps it.
        #expect(try await runScript("install.sh", environment: environment, in: scratch.path).status == 0)
        let result = try await runScript("uninstall.sh", environment: ["DESTDIR": environment["DESTDIR"]!], in: scratch.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(scratch.listing("root") == [])
        #expect(!scratch.exists("root/etc/copydesk"))
        #expect(!scratch.exists("root/usr/local/share/copydesk"))
        #expect(scratch.exists("root/usr/local/bin"))
    }

    @Test("a configuration edited after install is kept by uninstall")
    func keepsEditedConfig() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let environment = try prepare(scratch)
        #expect(try await runScript("install.sh", environment: environment, in: scratch.path).status == 0)
        try scratch.write("{\"sources\": []}\n", to: "root/etc/copydesk/pipeline.json")
        let result = try await runScript("uninstall.sh", environment: ["DESTDIR": environment["DESTDIR"]!], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.output.contains("kept /etc/copydesk/pipeline.json"))
        #expect(scratch.listing("root") == ["etc/copydesk/pipeline.json"])
    }

    @Test("with node_exporter's textfile folder present, a link exposes the metrics file, and goes on uninstall")
    func nodeExporterLink() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let environment = try prepare(scratch)
        try FileManager.default.createDirectory(atPath: scratch.path + "/root/var/lib/prometheus/node-exporter",
                                                withIntermediateDirectories: true)
        #expect(try await runScript("install.sh", environment: environment, in: scratch.path).status == 0)
        let link = scratch.path + "/root/var/lib/prometheus/node-exporter/copydesk.prom"
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/var/lib/copydesk/metrics/copydesk.prom")
        #expect(try await runScript("uninstall.sh", environment: ["DESTDIR": environment["DESTDIR"]!], in: scratch.path).status == 0)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil)
        #expect(scratch.exists("root/var/lib/prometheus/node-exporter"))
    }

    @Test("a missing binary or an invalid template fails with a message and installs nothing")
    func refusesBadInputs() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var environment = try prepare(scratch)
        environment["BIN"] = scratch.path + "/build/missing"
        let missing = try await runScript("install.sh", environment: environment, in: scratch.path)
        #expect(missing.status != 0)
        #expect(missing.errors.contains("no executable"))
        #expect(scratch.listing("root") == [])
    }
}
