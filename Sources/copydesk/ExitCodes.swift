import ArgumentParser
import Pipeline
import Foundation

/// The documented exit statuses (see README, "Exit status").
enum ExitStatus {
    /// EX_TEMPFAIL: another run holds the lock.
    static let locked = ExitCode(75)
    /// EX_CONFIG: the configuration is invalid.
    static let configuration = ExitCode(78)
}

/// Loads and validates a configuration, printing every problem and exiting with 78 on failure.
func loadConfig(_ path: String) throws -> PipelineConfig {
    try loadConfigWithWarnings(path).config
}

/// The same, with what merging the source lists noticed (a feed listed twice, say).
func loadConfigWithWarnings(_ path: String) throws -> LoadedConfig {
    do {
        return try ConfigLoader.loadWithWarnings(path: path)
    } catch {
        printError(error.description)
        throw ExitStatus.configuration
    }
}

/// One line to standard error.
func printError(_ message: String) {
    var stream = StandardError()
    print(message, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
