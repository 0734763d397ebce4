#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import Logging

/// Detection of a standard error connected to systemd-journald, and the syslog priorities
/// journald reads from the `<N>` line prefix.
public enum JournalStream {
    /// Whether `fileDescriptor` is the journal stream systemd announced in `JOURNAL_STREAM`.
    ///
    /// systemd sets `JOURNAL_STREAM=<device>:<inode>` for a service whose output goes to the
    /// journal. The variable is inherited by children whose output may be redirected elsewhere
    /// (`copydesk run 2>file` in an `ExecStart=` shell), so the documented check is to compare it
    /// with the device and inode of the descriptor actually written to.
    public static func isConnected(environment: [String: String], fileDescriptor: Int32 = 2) -> Bool {
        guard let announced = environment["JOURNAL_STREAM"], let expected = parse(announced) else { return false }
        var info = stat()
        guard fstat(fileDescriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == expected.device && UInt64(info.st_ino) == expected.inode
    }

    /// Parses `"<device>:<inode>"` as systemd writes it (two decimal numbers).
    static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return (device, inode)
    }

    /// The syslog priority (RFC 5424 severity) journald assigns to a line prefixed `<N>`.
    ///
    /// swift-log has no `alert`/`emergency`; `critical` maps to `crit` (2) and `trace`
    /// shares `debug` (7) because syslog has nothing finer.
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}
