public import Foundation
import Glibc

/// Real HTTPS servers on loopback for tests: nginx (Debian's `nginx-light`) with certificates
/// made by the `openssl` command for this instance — a test CA, and one server per case a
/// client must tell apart: a valid chain over HTTP/2, the same over HTTP/1.1 only, an expired
/// certificate, a certificate for another host name, one from an unknown CA, and a self-signed
/// one. Every server answers for `localhost` and serves the same static pages. Stopped (and its
/// folder removed) by ``stop()``.
public final class TLSTestServers: @unchecked Sendable {
    // Immutable after init; `process` is only touched by init and stop (one test's task).
    public enum Kind: String, CaseIterable, Sendable {
        case valid, http1Only, expired, wrongHost, unknownCA, selfSigned
    }

    public let folder: URL
    /// The test CA's certificate (PEM): what a client trusts through `caFile`.
    public let caFile: String
    private var ports: [Kind: Int] = [:]
    private var process: Process?

    /// Starts the servers; `pages` maps paths (`/a.html`) to bodies. Async so that making the
    /// certificates and waiting for nginx suspend the caller's task instead of blocking a
    /// thread of the cooperative pool (``Process/runCollectingOutput()``).
    public init(pages: [String: String]) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("root"), withIntermediateDirectories: true)
        caFile = folder.appendingPathComponent("ca.pem").path
        for (path, body) in pages {
            let file = folder.appendingPathComponent("root").appendingPathComponent(String(path.drop { $0 == "/" }))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: file)
        }
        guard let nginx = Self.which("nginx"), Self.which("openssl") != nil else {
            throw TLSTestServerError.missingTool("nginx and openssl are needed (make test installs nginx-light and openssl)")
        }
        try await Self.run("/bin/bash", ["-c", Self.makeCertificates, "make-certs", folder.path])
        for (kind, port) in zip(Kind.allCases, try Socket.freePorts(Kind.allCases.count)) { ports[kind] = port }
        try Data(configuration().utf8).write(to: folder.appendingPathComponent("nginx.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", folder.path + "/", "-c", folder.appendingPathComponent("nginx.conf").path]
        process.standardOutput = FileHandle.nullDevice
        let stderrPath = folder.appendingPathComponent("nginx.stderr").path
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        self.process = process
        do {
            for kind in Kind.allCases { try await Self.waitUntilListening(port: ports[kind]!, process: process) }
        } catch {
            let log = ["nginx.stderr", "error.log"].compactMap {
                try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
            }.joined(separator: " ")
            stop()
            throw TLSTestServerError.setupFailed("\(error); nginx said: \(log.suffix(600))")
        }
    }

    deinit { stop() }

    /// `https://localhost:<port><path>` of the server for `kind`.
    public func url(_ kind: Kind, path: String = "/") -> String { "https://localhost:\(ports[kind]!)\(path)" }

    /// nginx's access log: one line per request, `<connection serial> <protocol> <request line>`.
    public var accessLog: String {
        (try? String(contentsOf: folder.appendingPathComponent("access.log"), encoding: .utf8)) ?? ""
    }

    public func stop() {
        guard let process else { return }
        self.process = nil
        // nginx in single-process mode may wait for open keep-alive connections on SIGTERM; a
        // test server has nothing to save, so it is killed outright.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        // Blocking, but only for the instant a SIGKILLed nginx takes to go: `stop()` is called
        // from `defer` blocks, which cannot await.
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    private func configuration() -> String {
        func server(_ kind: Kind, cert: String, http2: Bool = true) -> String {
            """
                server {
                    listen 127.0.0.1:\(ports[kind]!) ssl\(http2 ? " http2" : "");
                    server_name localhost;
                    ssl_certificate \(folder.path)/\(cert).pem;
                    ssl_certificate_key \(folder.path)/\(cert).key;
                    root \(folder.path)/root;
                }
            """
        }
        return """
            daemon off;
            master_process off;
            worker_processes 1;
            error_log \(folder.path)/error.log;
            pid \(folder.path)/nginx.pid;
            events { worker_connections 64; }
            http {
                log_format copydesk '$connection $server_protocol "$request" $status';
                access_log \(folder.path)/access.log copydesk;
                client_body_temp_path \(folder.path)/tmp-body;
                proxy_temp_path \(folder.path)/tmp-proxy;
                fastcgi_temp_path \(folder.path)/tmp-fastcgi;
                uwsgi_temp_path \(folder.path)/tmp-uwsgi;
                scgi_temp_path \(folder.path)/tmp-scgi;
                default_type text/html;
                keepalive_timeout 30;
            \(server(.valid, cert: "valid"))
            \(server(.http1Only, cert: "valid", http2: false))
            \(server(.expired, cert: "expired"))
            \(server(.wrongHost, cert: "wronghost"))
            \(server(.unknownCA, cert: "unknown"))
            \(server(.selfSigned, cert: "self"))
            }
            """
    }

    /// Makes `ca.pem` (the trusted test CA), and `valid`, `expired` (valid in 2020 only),
    /// `wronghost` (for `elsewhere.invalid`), `unknown` (signed by another CA) and `self`
    /// (self-signed) certificate/key pairs for localhost, in the folder given as `$1`.
    static let makeCertificates = #"""
        set -euo pipefail
        cd "$1"
        mkdir -p newcerts
        : > index.txt
        echo 1000 > serial
        cat > ca.cnf <<EOF
        [ ca ]
        default_ca = test
        [ test ]
        dir = .
        database = ./index.txt
        new_certs_dir = ./newcerts
        serial = ./serial
        default_md = sha256
        policy = any
        unique_subject = no
        copy_extensions = none
        [ any ]
        commonName = supplied
        EOF
        quiet() { "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; }
        newca() { quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.pem" -days 30 -subj "/CN=$2" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign; }
        leaf() {  # name ca host [openssl ca date options]
          local name=$1 ca=$2 host=$3; shift 3
          printf 'subjectAltName=DNS:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$host" > "$name.ext"
          quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$name.key" -out "$name.csr" -subj "/CN=$host"
          quiet openssl ca -batch -config ca.cnf -cert "$ca.pem" -keyfile "$ca.key" -in "$name.csr" -out "$name.pem" \
            -extfile "$name.ext" -notext "$@"
        }
        newca ca "Copydesk Test CA"
        newca other "Some Other CA"
        leaf valid ca localhost -days 30
        leaf expired ca localhost -startdate 200101000000Z -enddate 200201000000Z
        leaf wronghost ca elsewhere.invalid -days 30
        leaf unknown other localhost -days 30
        quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout self.key -out self.pem -days 30 -subj /CN=localhost \
          -addext subjectAltName=DNS:localhost
        """#

    private static func which(_ tool: String) -> String? {
        for folder in ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"] {
            let path = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private static func run(_ executable: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Output to files, not pipes (see `runCollectingOutput`).
        let result = try await process.runCollectingOutput()
        guard result.status == 0 else { throw TLSTestServerError.setupFailed(result.stderr) }
    }

    /// Connect attempts until nginx accepts: bounded, and failing early when nginx exited.
    private static func waitUntilListening(port: Int, process: Process) async throws {
        for _ in 0..<400 {
            if Socket.canConnect(host: "127.0.0.1", port: port) { return }
            guard process.isRunning else { throw TLSTestServerError.setupFailed("nginx exited during start-up") }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TLSTestServerError.setupFailed("nginx did not listen on port \(port) within 4 s")
    }
}

public enum TLSTestServerError: Error, CustomStringConvertible {
    case missingTool(String)
    case setupFailed(String)

    public var description: String {
        switch self {
        case .missingTool(let message): message
        case .setupFailed(let message): "TLS test servers: \(message)"
        }
    }
}
